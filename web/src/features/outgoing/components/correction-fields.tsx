import { useState } from 'react';
import { Col, Form, Row, Select } from 'antd';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useOutgoingList } from '../api/outgoing';

/**
 * A signed original is never changed (Q-12.3d): a correction is a new document that replaces or
 * amends an issued one, chosen here from the agency's issued documents.
 */
export function CorrectionFields() {
  const form = Form.useFormInstance();
  const kind = Form.useWatch('correctionKind', form);
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const issued = useOutgoingList({ queue: 'issued', q: q || undefined });
  const options = (issued.data ?? []).filter((d) => d.state === 'issued' || d.state === 'recalled').map((d) => ({ value: d.id, label: `${d.numberAndNotation} — ${d.summary}` }));
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item label="Văn bản sửa sai" name="correctionKind">
          <Select
            allowClear
            placeholder="Không"
            options={[
              { value: 'replace', label: 'Thay thế văn bản đã ban hành' },
              { value: 'amend', label: 'Sửa đổi, bổ sung văn bản đã ban hành' },
            ]}
            onChange={(v) => !v && form.setFieldValue('correctsId', undefined)}
          />
        </Form.Item>
      </Col>
      {kind && (
        <Col xs={24} md={16}>
          <Form.Item label="Văn bản được thay thế, sửa đổi" name="correctsId" rules={[{ required: true, message: 'Chọn văn bản đã ban hành' }]}>
            <Select showSearch={{ filterOption: false, onSearch: setSearch }} loading={issued.isPending} options={options} placeholder="Tìm theo số, ký hiệu, trích yếu" />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
