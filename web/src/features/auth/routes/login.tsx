import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useSearchParams } from 'react-router';
import { paths } from '@/config/paths';
import { FullPageSpinner } from '@/components/full-page-spinner';
import { errorMessage } from '@/lib/api';
import { useLogin, useSession } from '@/lib/auth';
import { required } from '@/lib/validation';

interface Credentials {
  username: string;
  password: string;
}

/** Only same-site paths, so a crafted link cannot bounce a person to another site after login. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : paths.home.getHref();
}

export default function LoginRoute() {
  const session = useSession();
  const login = useLogin();
  const [params] = useSearchParams();
  const next = params.get('next');

  if (session.isPending) return <FullPageSpinner />;
  if (session.data) return <Navigate to={safeNext(next)} replace />;

  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: 'linear-gradient(160deg, #0f2a4a 0%, #1d4e89 100%)' }}>
      <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: 32 } }}>
        <Flex vertical align="center" style={{ marginBottom: 24 }}>
          <Typography.Title level={2} style={{ margin: 0, color: '#1d4e89' }}>
            VănThư
          </Typography.Title>
          <Typography.Text type="secondary">Hệ thống quản lý tài liệu điện tử</Typography.Text>
        </Flex>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          Đăng nhập
        </Typography.Title>
        {next && !login.error && <Alert type="info" showIcon title="Vui lòng đăng nhập để tiếp tục." style={{ marginBottom: 16 }} />}
        {login.error && <Alert type="error" showIcon title={errorMessage(login.error)} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form<Credentials> layout="vertical" requiredMark={false} onFinish={(values) => login.mutate({ ...values, username: values.username.trim() })}>
          <Form.Item label="Tên đăng nhập" name="username" rules={[required('Vui lòng nhập tên đăng nhập')]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Vui lòng nhập mật khẩu' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            Đăng nhập
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
