import { Alert, Card, Space } from 'antd';
import { PageHeader } from '@/components/page-header';
import { errorMessage } from '@/lib/api';
import { FollowUpCard } from '../components/follow-up-card';
import { IncomingTable } from '../components/incoming-table';
import { byUrgencyThenNumber } from '../components/order';
import { useTaskQueue } from '../components/use-task-queue';

/** Documents the clerk presented to me, most urgent first, then in the order they arrived. */
export default function AwaitingDirectionRoute() {
  const { tasks, directory, docs, loading } = useTaskQueue();
  const waiting = (tasks.data?.awaitingDirection ?? []).flatMap((id) => docs.byId.get(id) ?? []).sort(byUrgencyThenNumber);
  const error = tasks.error ?? docs.error;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader title="Văn bản chờ chỉ đạo" description="Văn bản văn thư đã trình, chờ ý kiến chỉ đạo của đồng chí. Văn bản khẩn ở trên cùng." />
      {error && <Alert type="error" showIcon title={errorMessage(error)} />}
      <Card>
        <IncomingTable documents={loading ? undefined : waiting} loading={loading} testId="awaiting-direction-table" />
      </Card>
      <FollowUpCard followUp={tasks.data?.followUp ?? []} documents={docs.byId} directory={directory} loading={loading} />
    </Space>
  );
}
