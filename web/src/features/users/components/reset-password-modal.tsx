import { App, Form } from 'antd';
import { FormModal } from '@/components/form-modal';
import { NewPasswordFields } from '@/components/new-password-fields';
import type { User } from '@/types/api';
import { useResetPassword } from '../api/users';

interface Values {
  newPassword: string;
  confirmPassword: string;
}

export function ResetPasswordModal({ user, onDone }: { user: User; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const reset = useResetPassword();
  const { message } = App.useApp();

  const submit = ({ newPassword }: Values) =>
    reset.mutate(
      { id: user.id, newPassword },
      {
        onSuccess: () => {
          message.success(`Đã đặt lại mật khẩu cho ${user.fullName}.`);
          onDone();
        },
      },
    );

  return (
    <FormModal<Values>
      title={`Đặt lại mật khẩu: ${user.fullName}`}
      form={form}
      submitText="Đặt lại mật khẩu"
      pending={reset.isPending}
      error={reset.error}
      onSubmit={submit}
      onCancel={onDone}
    >
      <NewPasswordFields username={() => user.username} extra="Hãy chuyển mật khẩu cho người dùng qua kênh an toàn và đề nghị họ đổi ngay." />
    </FormModal>
  );
}
