import { Result } from 'antd';
import { Outlet } from 'react-router';
import { LinkButton } from '@/components/link-button';
import { paths } from '@/config/paths';
import type { Role } from '@/config/roles';
import { hasRole, useCurrentSession } from '@/lib/auth';

/** The server refuses anyway; this just avoids showing a screen full of 403 errors. */
export function RequireRoles({ roles }: { roles: Role[] }) {
  const session = useCurrentSession();
  if (hasRole(session, ...roles)) return <Outlet />;
  return (
    <Result
      status="403"
      title="Không có quyền truy cập"
      subTitle="Chức năng này không thuộc vai trò của bạn."
      extra={
        <LinkButton type="primary" to={paths.home.getHref()}>Về trang chủ</LinkButton>
      }
    />
  );
}
