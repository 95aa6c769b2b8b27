import { FixedQueuePage } from '../components/fixed-queue-page';

export default function DraftsToReviewRoute() {
  return <FixedQueuePage queue="approve" title="Dự thảo chờ duyệt" description="Dự thảo của đơn vị gửi lãnh đạo đơn vị duyệt. Văn bản khẩn ở trên cùng." />;
}
