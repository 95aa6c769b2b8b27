import { Alert, App, Button, Card, Form, Input } from 'antd';
import { PageHeader } from '@/components/page-header';
import { errorMessage } from '@/lib/api';
import { useCurrentSession } from '@/lib/auth';
import { NewPasswordFields } from '@/components/new-password-fields';
import { useChangePassword } from '../api/change-password';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export default function ChangePasswordRoute() {
  const session = useCurrentSession();
  const change = useChangePassword();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();

  const submit = ({ currentPassword, newPassword }: Values) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          message.success('Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã được đăng xuất.');
        },
      },
    );

  return (
    <>
      <PageHeader title="Đổi mật khẩu" description="Mật khẩu mới có ít nhất 8 ký tự, gồm cả chữ và số, không chứa tên đăng nhập." />
      <Card style={{ maxWidth: 480 }}>
        {change.error && <Alert type="error" showIcon title={errorMessage(change.error)} style={{ marginBottom: 16 }} />}
        <Form<Values> form={form} layout="vertical" onFinish={submit}>
          <Form.Item label="Mật khẩu hiện tại" name="currentPassword" rules={[{ required: true, message: 'Vui lòng nhập mật khẩu hiện tại' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <NewPasswordFields username={() => session.user.username} />
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            Đổi mật khẩu
          </Button>
        </Form>
      </Card>
    </>
  );
}
