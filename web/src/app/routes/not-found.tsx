import { Result } from 'antd';
import { LinkButton } from '@/components/link-button';
import { paths } from '@/config/paths';

export function NotFoundRoute() {
  return (
    <Result
      status="404"
      title="Không tìm thấy trang"
      subTitle="Đường dẫn không tồn tại hoặc đã thay đổi."
      extra={
        <LinkButton type="primary" to={paths.home.getHref()}>Về trang chủ</LinkButton>
      }
    />
  );
}
