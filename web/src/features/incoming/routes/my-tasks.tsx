import { Alert, Card, Space } from 'antd';
import { PageHeader } from '@/components/page-header';
import { errorMessage } from '@/lib/api';
import { FollowUpCard } from '../components/follow-up-card';
import { TasksTable } from '../components/tasks-table';
import { useTaskQueue } from '../components/use-task-queue';

/** Văn bản giao cho tôi xử lý, with what is overdue or due soon on top and tinted. */
export default function MyTasksRoute() {
  const { session, tasks, directory, docs, loading } = useTaskQueue();
  const mine = (tasks.data?.assignments ?? []).filter((a) => a.userId === session.user.id);
  const error = tasks.error ?? docs.error;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader title="Việc của tôi" description="Văn bản đến được giao cho tôi giải quyết. Quá hạn và sắp đến hạn ở trên cùng." />
      {error && <Alert type="error" showIcon title={errorMessage(error)} />}
      <Card title={`Văn bản đang giải quyết (${mine.length})`}>
        <TasksTable assignments={mine} documents={docs.byId} directory={directory} loading={loading} emptyText="Không có văn bản nào đang giao cho bạn" testId="my-tasks-table" />
      </Card>
      <FollowUpCard followUp={tasks.data?.followUp ?? []} documents={docs.byId} directory={directory} loading={loading} />
    </Space>
  );
}
