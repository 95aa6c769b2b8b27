import type { ReactNode } from 'react';
import { Form, Input } from 'antd';
import { confirmPasswordRules, passwordRules } from '@/lib/validation';

/** "Mật khẩu mới" and its confirmation, with the server's password policy checked in the browser. */
export function NewPasswordFields({ username, extra }: { username: () => string | undefined; extra?: ReactNode }) {
  return (
    <>
      <Form.Item label="Mật khẩu mới" name="newPassword" rules={passwordRules(username)} extra={extra}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item label="Nhập lại mật khẩu mới" name="confirmPassword" dependencies={['newPassword']} rules={confirmPasswordRules('newPassword')}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
