import { FixedQueuePage } from '../components/fixed-queue-page';

export default function AwaitingSignatureRoute() {
  return <FixedQueuePage queue="sign" title="Văn bản chờ ký" description="Dự thảo đã được duyệt, chờ đồng chí ký số. Văn bản khẩn ở trên cùng." />;
}
