import { Button, Result } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Last resort when a screen fails to load or render (often a stale bundle after an upgrade). */
export function RouteError() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : undefined;
  return (
    <Result
      status={status === 404 ? '404' : '500'}
      title={status === 404 ? 'Không tìm thấy trang' : 'Đã xảy ra lỗi khi hiển thị trang'}
      subTitle="Vui lòng tải lại trang. Nếu lỗi vẫn còn, hãy báo quản trị hệ thống."
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          Tải lại trang
        </Button>
      }
    />
  );
}
