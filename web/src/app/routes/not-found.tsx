import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { paths } from '@/config/paths';

export function NotFoundRoute() {
  return (
    <Result
      status="404"
      title="Không tìm thấy trang"
      subTitle="Đường dẫn không tồn tại hoặc đã thay đổi."
      extra={
        <Link to={paths.home.getHref()}>
          <Button type="primary">Về trang chủ</Button>
        </Link>
      }
    />
  );
}
