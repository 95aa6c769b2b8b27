import { DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '@/components/form-modal';
import { required } from '@/lib/validation';
import { useAddOverride, type OverrideInput } from '../api/calendar';

interface Values {
  date: Dayjs;
  kind: OverrideInput['kind'];
  name: string;
}

/** Days off or swapped working days the Government announces for a given year. */
export function OverrideFormModal({ defaultDate, onDone }: { defaultDate?: Dayjs; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const add = useAddOverride();

  const submit = (v: Values) => add.mutate({ date: v.date.format('YYYY-MM-DD'), kind: v.kind, name: v.name.trim() }, { onSuccess: onDone });

  return (
    <FormModal<Values>
      title="Khai báo ngày nghỉ hoặc ngày làm việc"
      form={form}
      initialValues={{ kind: 'holiday', date: defaultDate }}
      submitText="Lưu khai báo"
      pending={add.isPending}
      error={add.error}
      onSubmit={submit}
      onCancel={onDone}
    >
      <Form.Item label="Ngày" name="date" rules={[{ required: true, message: 'Vui lòng chọn ngày' }]}>
        <DatePicker format="DD/MM/YYYY" placeholder="Chọn ngày" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label="Loại" name="kind" rules={[{ required: true, message: 'Vui lòng chọn loại ngày' }]}>
        <Radio.Group
          options={[
            { value: 'holiday', label: 'Ngày nghỉ' },
            { value: 'working', label: 'Ngày làm việc (làm bù)' },
          ]}
        />
      </Form.Item>
      <Form.Item
        label="Nội dung"
        name="name"
        rules={[required('Vui lòng nhập nội dung'), { min: 2, max: 200, message: 'Nội dung từ 2 đến 200 ký tự' }]}
        extra="Ví dụ: Nghỉ bù Tết Nguyên đán theo Thông báo số .../TB-BNV"
      >
        <Input />
      </Form.Item>
    </FormModal>
  );
}
