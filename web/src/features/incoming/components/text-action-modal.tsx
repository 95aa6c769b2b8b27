import type { ReactNode } from 'react';
import { DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '@/components/form-modal';
import { required } from '@/lib/validation';
import { beforeToday } from './format';

interface Values {
  text: string;
  date?: Dayjs;
}

interface Props {
  title: ReactNode;
  label: string;
  /** Limits of the server's schema for this text. */
  min: number;
  max: number;
  submitText: string;
  /** Adds a required date (a new deadline) above the text. */
  dateLabel?: string;
  extra?: ReactNode;
  pending: boolean;
  error: unknown;
  onSubmit: (text: string, date?: Dayjs) => void;
  onCancel: () => void;
}

/** One short text (reason, note, result), optionally with a date: the shape of most routing steps. */
export function TextActionModal({ title, label, min, max, submitText, dateLabel, extra, pending, error, onSubmit, onCancel }: Props) {
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      title={title}
      form={form}
      submitText={submitText}
      pending={pending}
      error={error}
      onSubmit={(v) => onSubmit(v.text.trim(), v.date)}
      onCancel={onCancel}
    >
      {dateLabel && (
        <Form.Item label={dateLabel} name="date" rules={[{ required: true, message: 'Vui lòng chọn ngày' }]}>
          <DatePicker format="DD/MM/YYYY" disabledDate={beforeToday} style={{ width: '100%' }} autoFocus />
        </Form.Item>
      )}
      <Form.Item
        label={label}
        name="text"
        extra={extra}
        rules={[required(`Vui lòng nhập ${label.toLowerCase()}`), { min, message: `Tối thiểu ${min} ký tự` }, { max, message: `Tối đa ${max} ký tự` }]}
      >
        <Input.TextArea maxLength={max} showCount autoSize={{ minRows: 3, maxRows: 8 }} autoFocus={!dateLabel} />
      </Form.Item>
    </FormModal>
  );
}
