import { Alert, Card } from 'antd';
import { PageHeader } from '@/components/page-header';
import { errorMessage } from '@/lib/api';
import { useJobs } from '../api/jobs';
import { QueueTable } from '../components/queue-table';
import { FailuresTable } from '../components/failures-table';

/** The administrator watches the background work of every server and runs again what failed for good. */
export default function JobsRoute() {
  const jobs = useJobs();
  return (
    <>
      <PageHeader
        title="Hàng đợi công việc"
        description="Việc hệ thống làm ngầm trên mọi máy chủ: chuyển dự thảo sang PDF, nhắc hạn, cảnh báo chứng thư số… Việc lỗi được tự động thử lại sau khoảng thời gian tăng dần; hết số lần thử thì chờ quản trị chạy lại."
      />
      {jobs.error && <Alert type="error" showIcon title={errorMessage(jobs.error)} style={{ marginBottom: 16 }} />}
      <Card title="Theo hàng đợi" style={{ marginBottom: 16 }}>
        <QueueTable queues={jobs.data?.queues ?? []} loading={jobs.isPending} />
      </Card>
      <Card title="Lỗi gần đây">
        <FailuresTable failures={jobs.data?.failures ?? []} />
      </Card>
    </>
  );
}
