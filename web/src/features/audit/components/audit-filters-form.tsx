import { Button, Form, Input, Select } from 'antd';
import { agencyOptions, useAgencies } from '@/lib/directory';
import type { AuditFilters } from '../api/audit';
import { ACTION_OPTIONS, OBJECT_TYPE_OPTIONS } from './labels';

interface Props {
  /** Whether the reader may look across agencies (administrator, inspector). */
  wide: boolean;
  onChange: (filters: AuditFilters) => void;
}

export function AuditFiltersForm({ wide, onChange }: Props) {
  const [form] = Form.useForm<AuditFilters>();
  const agencies = useAgencies();

  const apply = (values: AuditFilters) => onChange({ ...values, objectId: values.objectId?.trim() || undefined });

  return (
    <Form<AuditFilters> form={form} layout="inline" onFinish={apply} style={{ rowGap: 12, marginBottom: 16 }}>
      {wide && (
        <Form.Item name="agencyId" style={{ minWidth: 280 }}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={agencyOptions(agencies.data, true)} placeholder="Mọi cơ quan" />
        </Form.Item>
      )}
      <Form.Item name="action" style={{ minWidth: 240 }}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={ACTION_OPTIONS} placeholder="Mọi hành động" />
      </Form.Item>
      <Form.Item name="objectType" style={{ minWidth: 160 }}>
        <Select allowClear options={OBJECT_TYPE_OPTIONS} placeholder="Mọi đối tượng" />
      </Form.Item>
      <Form.Item name="objectId" rules={[{ max: 100, message: 'Tối đa 100 ký tự' }]}>
        <Input placeholder="Mã đối tượng" allowClear />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          Lọc
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          Xóa bộ lọc
        </Button>
      </Form.Item>
    </Form>
  );
}
