import type { KeyboardEvent, ReactNode } from 'react';
import { AutoComplete, Col, DatePicker, Form, Input, InputNumber, Row } from 'antd';
import dayjs from 'dayjs';
import { useCurrentSession } from '@/lib/auth';
import { useAgencies } from '@/lib/directory';
import { foldVietnamese } from '@/lib/names';
import { AGENCY_CODE_PATTERN, required } from '@/lib/validation';
import { DOCUMENT_TYPES } from './labels';
import type { RegisterValues } from './register-values';

const TYPE_OPTIONS = DOCUMENT_TYPES.map((value) => ({ value }));

/** Suggestions match without diacritics: typing "so noi vu" offers "Sở Nội vụ…". */
const foldedMatch = (input: string, option?: { value?: unknown }) => foldVietnamese(String(option?.value ?? '')).includes(foldVietnamese(input));

/**
 * rc-select treats Tab in an open suggestion list as "pick the highlighted one" and keeps focus,
 * which swaps what was typed for a suggestion and stalls the keyboard flow. Here Tab always moves
 * on with the text as typed; Enter or a click picks a suggestion.
 */
function TabMovesOn({ children }: { children: ReactNode }) {
  return <div onKeyDownCapture={(e) => e.key === 'Tab' && e.stopPropagation()}>{children}</div>;
}

/** Character limits of NĐ30 Phụ lục VI, enforced while typing (maxLength) rather than after. */
const max = (n: number) => ({ max: n, message: `Tối đa ${n} ký tự` });

/** Thông tin văn bản, in the order the clerk reads them off the document, top to bottom. */
export function RegisterDocumentFields() {
  const session = useCurrentSession();
  const form = Form.useFormInstance<RegisterValues>();
  const agencies = useAgencies();
  // Other agencies of the province; choosing one also fills its code (mã định danh).
  const issuerOptions = (agencies.data ?? []).filter((a) => a.id !== session.agency.id && !a.disabled).map((a) => ({ value: a.name, code: a.code }));

  // Enter registers, as in every other field; Shift+Enter still breaks a long summary into lines.
  const submitOnEnter = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      form.submit();
    }
  };

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <TabMovesOn>
            <Form.Item label="Cơ quan, tổ chức ban hành" name="issuerName" rules={[required('Vui lòng nhập cơ quan ban hành'), { min: 2, message: 'Tối thiểu 2 ký tự' }, max(200)]}>
              <AutoComplete
                options={issuerOptions}
                filterOption={foldedMatch}
                onSelect={(_value: string, option: { code?: string }) => form.setFieldValue('issuerCode', option.code)}
              >
                <Input maxLength={200} placeholder="Ví dụ: Ủy ban nhân dân tỉnh Thái Nguyên" />
              </AutoComplete>
            </Form.Item>
          </TabMovesOn>
        </Col>
        <Col xs={12} lg={4}>
          <Form.Item label="Số" name="codeNumber" rules={[max(11)]}>
            <Input maxLength={11} placeholder="12" />
          </Form.Item>
        </Col>
        <Col xs={12} lg={4}>
          <Form.Item label="Ký hiệu" name="codeNotation" rules={[max(30)]}>
            <Input maxLength={30} placeholder="UBND-VX" />
          </Form.Item>
        </Col>
        <Col xs={24} lg={4}>
          <Form.Item label="Ngày văn bản" name="issuedDate">
            <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={6}>
          <TabMovesOn>
            <Form.Item label="Tên loại văn bản" name="typeName" rules={[required('Vui lòng nhập tên loại văn bản'), { min: 2, message: 'Tối thiểu 2 ký tự' }, max(100)]}>
              <AutoComplete options={TYPE_OPTIONS} filterOption={foldedMatch}>
                <Input maxLength={100} placeholder="Công văn" />
              </AutoComplete>
            </Form.Item>
          </TabMovesOn>
        </Col>
        <Col xs={24} lg={18}>
          <Form.Item
            label="Trích yếu nội dung"
            name="subject"
            rules={[required('Vui lòng nhập trích yếu nội dung'), { min: 2, message: 'Tối thiểu 2 ký tự' }, max(500)]}
            extra="Enter để đăng ký; Shift+Enter để xuống dòng."
          >
            <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 1, maxRows: 4 }} onKeyDown={submitOnEnter} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="Chức vụ người ký" name="signerPosition" rules={[max(100)]}>
            <Input maxLength={100} placeholder="Chủ tịch" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item label="Họ tên người ký" name="signerName" rules={[max(50)]}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label="Số trang" name="pageAmount">
            <InputNumber min={1} max={999} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="Mã định danh cơ quan ban hành" name="issuerCode" rules={[{ pattern: AGENCY_CODE_PATTERN, message: 'Mã định danh có dạng 000.00.05.H55' }]}>
            <Input maxLength={13} placeholder="000.00.00.H55" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item label="Mã định danh văn bản" name="documentIdentifier" rules={[max(100)]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label="Ngôn ngữ" name="language" rules={[max(30)]}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
