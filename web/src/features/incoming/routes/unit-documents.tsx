import { Alert, Card, Space } from 'antd';
import { PageHeader } from '@/components/page-header';
import { errorMessage } from '@/lib/api';
import { FollowUpCard } from '../components/follow-up-card';
import { TasksTable } from '../components/tasks-table';
import { useTaskQueue } from '../components/use-task-queue';

/** The unit head's queue: what the agency head gave the unit, and anything given to them in person. */
export default function UnitDocumentsRoute() {
  const { session, tasks, directory, docs, loading } = useTaskQueue();
  const all = tasks.data?.assignments ?? [];
  const unit = all.filter((a) => !a.userId);
  const personal = all.filter((a) => a.userId === session.user.id);
  const error = tasks.error ?? docs.error;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title="Văn bản của đơn vị"
        description={`Văn bản lãnh đạo cơ quan giao ${session.unit?.name ?? 'đơn vị'} chủ trì, phối hợp hoặc để biết. Quá hạn và sắp đến hạn ở trên cùng.`}
      />
      {error && <Alert type="error" showIcon title={errorMessage(error)} />}
      <Card title={`Giao đơn vị (${unit.length})`}>
        <TasksTable assignments={unit} documents={docs.byId} directory={directory} loading={loading} emptyText="Không có văn bản nào đang giao đơn vị" testId="unit-tasks-table" />
      </Card>
      {personal.length > 0 && (
        <Card title={`Giao cá nhân tôi (${personal.length})`}>
          <TasksTable assignments={personal} documents={docs.byId} directory={directory} loading={loading} emptyText="Không có" testId="my-tasks-table" />
        </Card>
      )}
      <FollowUpCard followUp={tasks.data?.followUp ?? []} documents={docs.byId} directory={directory} loading={loading} />
    </Space>
  );
}
