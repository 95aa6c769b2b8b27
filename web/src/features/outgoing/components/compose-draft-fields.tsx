import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { required } from '@/lib/validation';
import { beforeToday } from '@/features/incoming/components/format';
import { FileUpload, uploadsSettled } from '@/features/incoming/components/file-upload';
import { useOutgoingSeries } from '../api/outgoing';
import { CorrectionFields } from './correction-fields';
import type { OutgoingCatalog } from '../api/types';
import { URGENCY_OPTIONS } from './labels';

const fileRules = [
  { validator: async (_rule: unknown, files: unknown[] | undefined) => { if (!files?.length) throw new Error('Vui lòng tải lên tệp dự thảo'); } },
  { validator: uploadsSettled },
];

/**
 * The draft file and what the document is: its type, summary, urgency, reply deadline, and the
 * series it is numbered in when the agency keeps more than one. `withFile` false: editing a saved
 * draft, whose file changes by a new version instead.
 */
export function ComposeDraftFields({ catalog, withFile = true }: { catalog: OutgoingCatalog | undefined; withFile?: boolean }) {
  const typeOptions = (catalog?.types ?? []).map((t) => ({ value: t.code, label: t.name }));
  const series = useOutgoingSeries();
  const seriesOptions = [{ value: '', label: 'Sổ chung của cơ quan' }, ...(series.data ?? []).map((s) => ({ value: s.code, label: s.name }))];
  return (
    <>
      {withFile && <Form.Item
        label="Tệp dự thảo"
        name="file"
        valuePropName="fileList"
        rules={fileRules}
        extra="Tệp .docx, .odt, .doc, .rtf được chuyển sang PDF tự động; tệp .pdf được dùng nguyên bản."
      >
        <FileUpload buttonText="Chọn tệp dự thảo" testId="draft-file" />
      </Form.Item>}
      {withFile && (
        <Form.Item label="Phụ lục (tệp riêng)" name="appendixFiles" valuePropName="fileList" rules={[{ validator: uploadsSettled }]} extra="Mỗi phụ lục một tệp; khi phát hành, phụ lục được ký số của cơ quan cùng văn bản.">
          <FileUpload multiple buttonText="Thêm phụ lục" testId="appendix-files" />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="Loại văn bản" name="typeCode" rules={[{ required: true, message: 'Vui lòng chọn loại văn bản' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={typeOptions} loading={!catalog} placeholder="Chọn loại văn bản" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item label="Độ khẩn" name="urgency">
            <Select options={URGENCY_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item label="Hạn trả lời" name="replyDeadline">
            <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" disabledDate={beforeToday} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {(series.data?.length ?? 0) > 0 && (
        <Form.Item label="Sổ văn bản" name="series" extra="Hội đồng, ban ban hành văn bản bằng con dấu của cơ quan, hoặc loại văn bản có sổ riêng, được cấp số theo sổ riêng.">
          <Select options={seriesOptions} />
        </Form.Item>
      )}
      <CorrectionFields />
      <Form.Item
        label="Trích yếu nội dung"
        name="summary"
        rules={[required('Vui lòng nhập trích yếu nội dung'), { min: 5, message: 'Tối thiểu 5 ký tự' }, { max: 500, message: 'Tối đa 500 ký tự' }]}
      >
        <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </>
  );
}
