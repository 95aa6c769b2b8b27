import { Form, Input } from 'antd';
import { FormModal } from '@/components/form-modal';
import { ABBREVIATION_PATTERN, required } from '@/lib/validation';
import type { Unit } from '@/types/api';
import { useCreateUnit, useUpdateUnit } from '../api/agencies';

interface Values {
  name: string;
  abbreviation: string;
}

export function UnitFormModal({ agencyId, unit, onDone }: { agencyId: string; unit?: Unit; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const mutation = unit ? update : create;

  const submit = (v: Values) => {
    const input = { name: v.name.trim(), abbreviation: v.abbreviation.trim() };
    if (unit) update.mutate({ agencyId, unitId: unit.id, patch: input }, { onSuccess: onDone });
    else create.mutate({ agencyId, input }, { onSuccess: onDone });
  };

  return (
    <FormModal<Values>
      title={unit ? `Sửa đơn vị: ${unit.name}` : 'Thêm đơn vị'}
      form={form}
      initialValues={unit}
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={submit}
      onCancel={onDone}
    >
      <Form.Item label="Tên đơn vị" name="name" rules={[required('Vui lòng nhập tên đơn vị'), { min: 2, max: 200, message: 'Tên đơn vị từ 2 đến 200 ký tự' }]}>
        <Input placeholder="Ví dụ: Phòng Văn thư - Lưu trữ" />
      </Form.Item>
      <Form.Item
        label="Chữ viết tắt"
        name="abbreviation"
        rules={[required('Vui lòng nhập chữ viết tắt'), { pattern: ABBREVIATION_PATTERN, message: 'Chỉ gồm chữ in hoa không dấu (trừ Đ) và số' }, { max: 20, message: 'Tối đa 20 ký tự' }]}
        extra="Dùng trong ký hiệu văn bản do đơn vị soạn thảo, ví dụ VTLT."
      >
        <Input placeholder="VTLT" />
      </Form.Item>
    </FormModal>
  );
}
