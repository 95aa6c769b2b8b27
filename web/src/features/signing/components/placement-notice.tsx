import { Alert } from 'antd';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import type { SigningRequest } from '@/types/api';

type SigningKind = 'sign' | 'seal';

/** What the signature will look like on the page (Q-8.2a); a signature without image is still valid. */
export function PlacementNotice({ prepared, kind }: { prepared: SigningRequest; kind: SigningKind }) {
  const what = kind === 'sign' ? 'Ảnh chữ ký' : 'Ảnh con dấu';
  switch (prepared.placement) {
    case 'given':
      return <Alert type="success" showIcon title={`${what} được đặt ở vị trí đã chọn trên trang ${prepared.box?.page ?? ''}.`} data-testid="placement-notice" />;
    case 'found':
      return <Alert type="success" showIcon title={`${what} được đặt ở trang ${prepared.box?.page ?? ''} ${kind === 'sign' ? 'giữa chức vụ và họ tên người ký' : 'đè lên khoảng 1/3 bên trái chữ ký của người ký'}.`} data-testid="placement-notice" />;
    case 'not_found':
      return (
        <Alert
          type="warning"
          showIcon
          title={`Không tìm thấy chức vụ và họ tên người ký ở trang cuối: ${what.toLowerCase()} sẽ không hiện trên văn bản. Chữ ký số vẫn có giá trị pháp lý.`}
          data-testid="placement-notice"
        />
      );
    case 'no_image':
      return (
        <Alert
          type="info"
          showIcon
          title={kind === 'sign' ? <>Đồng chí chưa tải ảnh chữ ký (<Link to={paths.mySignature.getHref()}>Chữ ký số của tôi</Link>): văn bản được ký số không hiện ảnh.</> : 'Cơ quan chưa có ảnh con dấu: chữ ký số của cơ quan không hiện ảnh.'}
          data-testid="placement-notice"
        />
      );
    default:
      return null;
  }
}
