import { App } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { paths } from '@/config/paths';
import { PageHeader } from '@/components/page-header';
import { ComposeForm } from '../components/compose-form';

/** "Soạn văn bản": `?traLoi=<id>` links the draft to the incoming document it answers. */
export default function ComposeOutgoingRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();

  return (
    <>
      <PageHeader title="Soạn văn bản" description="Dự thảo được lưu với mọi phiên bản; gửi lãnh đạo đơn vị duyệt khi đã sẵn sàng." />
      <ComposeForm
        replyToIncomingId={params.get('traLoi')}
        onCreated={(id) => {
          void message.success('Đã lưu dự thảo.');
          void navigate(paths.outgoing.detail.getHref(id));
        }}
      />
    </>
  );
}
