import type { ReactNode } from 'react';
import { Alert, Form, Modal, type FormInstance } from 'antd';
import { errorMessage } from '@/lib/api';

interface FormModalProps<T> {
  title: ReactNode;
  form: FormInstance<T>;
  initialValues?: Partial<T>;
  submitText?: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: T) => void;
  onCancel: () => void;
  children: ReactNode;
  width?: number;
}

/**
 * A dialog around one form. Callers mount it only while it is open, so every opening starts from
 * fresh values; server refusals show inside the dialog, next to what the person typed.
 */
export function FormModal<T extends object>({ title, form, initialValues, submitText = 'Lưu', pending, error, onSubmit, onCancel, children, width = 560 }: FormModalProps<T>) {
  return (
    <Modal
      open
      title={title}
      width={width}
      okText={submitText}
      cancelText="Hủy"
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onCancel}
      mask={{ closable: false }}
    >
      {error ? <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} data-testid="form-error" /> : null}
      <Form<T> form={form} layout="vertical" initialValues={initialValues} onFinish={onSubmit} preserve={false}>
        {children}
        {/* Lets Enter submit the form, as people expect from a dialog. */}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
