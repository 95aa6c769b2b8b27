import { Avatar, Button, Flex, Grid, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useLogout } from '@/lib/auth';
import type { Session } from '@/types/api';

export function UserHeader({ session }: { session: Session }) {
  const logout = useLogout();
  const screens = Grid.useBreakpoint();
  const role = [session.user.positionTitle, session.unit?.name].filter(Boolean).join(' · ');

  return (
    <Flex align="center" gap={12} style={{ marginLeft: 'auto', minWidth: 0 }}>
      <Avatar icon={<UserOutlined />} style={{ background: '#1d4e89', flex: 'none' }} />
      {screens.md && (
        <Flex vertical style={{ lineHeight: 1.3, minWidth: 0 }} data-testid="header-user">
          <Typography.Text strong ellipsis data-testid="header-full-name">
            {session.user.fullName}
          </Typography.Text>
          {role && (
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }} data-testid="header-position">
              {role}
            </Typography.Text>
          )}
        </Flex>
      )}
      <Button icon={<LogoutOutlined />} loading={logout.isPending} onClick={() => logout.mutate()} data-testid="logout">
        Đăng xuất
      </Button>
    </Flex>
  );
}
