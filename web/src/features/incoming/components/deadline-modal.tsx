import { DatePicker, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '@/components/form-modal';
import { useExtendDeadline } from '../api/routing';
import type { Assignment } from '../api/types';
import { beforeToday, formatDate, toIsoDate } from './format';
import { useDone } from './use-done';

/** The one who assigned (or the agency head) moves a deadline, typically after an extension request. */
export function DeadlineModal({ assignment, onDone }: { assignment: Assignment; onDone: () => void }) {
  const [form] = Form.useForm<{ until: Dayjs }>();
  const extend = useExtendDeadline();
  const done = useDone(onDone);
  return (
    <FormModal<{ until: Dayjs }>
      title="Gia hạn xử lý"
      form={form}
      submitText="Gia hạn"
      pending={extend.isPending}
      error={extend.error}
      onSubmit={({ until }) => extend.mutate({ id: assignment.id, until: toIsoDate(until)! }, { onSuccess: done('Đã gia hạn.') })}
      onCancel={onDone}
    >
      <Form.Item
        label="Hạn xử lý mới"
        name="until"
        rules={[{ required: true, message: 'Vui lòng chọn ngày' }]}
        extra={assignment.deadline ? `Hạn hiện tại: ${formatDate(assignment.deadline)}` : 'Hiện chưa có hạn.'}
      >
        <DatePicker format="DD/MM/YYYY" disabledDate={beforeToday} style={{ width: '100%' }} autoFocus />
      </Form.Item>
    </FormModal>
  );
}
