import { useMemo, useState } from 'react';
import { Button, Layout, Menu, Result, Typography } from 'antd';
import { Navigate, Outlet, useLocation, useNavigation } from 'react-router';
import { paths } from '@/config/paths';
import { FullPageSpinner } from '@/components/full-page-spinner';
import { errorMessage } from '@/lib/api';
import { SessionContext, useSession } from '@/lib/auth';
import type { Session } from '@/types/api';
import { buildNavItems, selectedNavKey } from './nav-items';
import { UserHeader } from './user-header';

/** Everything behind login: checks the session, then draws the navigation around the page. */
export function AppShell() {
  const { data: session, isPending, error, refetch } = useSession();
  const location = useLocation();

  if (isPending) return <FullPageSpinner />;
  if (error) {
    return (
      <Result
        status="500"
        title="Không kết nối được máy chủ"
        subTitle={errorMessage(error)}
        extra={<Button onClick={() => void refetch()}>Thử lại</Button>}
      />
    );
  }
  if (!session) return <Navigate to={paths.login.getHref(location.pathname + location.search)} replace />;
  return (
    <SessionContext.Provider value={session}>
      <ShellLayout session={session} />
    </SessionContext.Provider>
  );
}

function ShellLayout({ session }: { session: Session }) {
  const location = useLocation();
  const navigation = useNavigation();
  const [collapsed, setCollapsed] = useState(false);
  const items = useMemo(() => buildNavItems(session), [session]);
  const selected = selectedNavKey(location.pathname, items);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        width={248}
        breakpoint="lg"
        collapsedWidth={0}
        collapsed={collapsed}
        onCollapse={setCollapsed}
        data-testid="sidebar"
      >
        <div style={{ padding: '18px 24px 12px', color: '#fff' }}>
          <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
            VănThư
          </Typography.Title>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.65)', fontSize: 12 }}>Quản lý tài liệu điện tử</Typography.Text>
        </div>
        <Menu theme="dark" mode="inline" items={items} selectedKeys={selected ? [selected] : []} data-testid="main-nav" />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '0 24px', borderBottom: '1px solid #e8ebf0', height: 72 }}>
          <Typography.Text strong style={{ fontSize: 15 }} ellipsis data-testid="header-agency">
            {session.agency.name}
          </Typography.Text>
          <UserHeader session={session} />
        </Layout.Header>
        <Layout.Content style={{ padding: 24, opacity: navigation.state === 'loading' ? 0.6 : 1, transition: 'opacity 0.2s' }}>
          <Outlet />
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: '#8c8c8c', padding: '12px 24px' }}>
          VănThư — phần mềm nguồn mở quản lý văn bản và hồ sơ điện tử
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
