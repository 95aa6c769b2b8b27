import { Card } from 'antd';
import type { AgencyDirectory } from '@/lib/directory';
import type { Assignment, IncomingDocument } from '../api/types';
import { TasksTable } from './tasks-table';

/** Shown only to the person named to follow up, and only for assignments due soon or overdue. */
export function FollowUpCard({ followUp, documents, directory, loading }: { followUp: Assignment[]; documents: Map<string, IncomingDocument>; directory: AgencyDirectory; loading: boolean }) {
  if (followUp.length === 0) return null;
  return (
    <Card title={`Văn bản theo dõi, đôn đốc — sắp đến hạn hoặc quá hạn (${followUp.length})`}>
      <TasksTable assignments={followUp} documents={documents} directory={directory} loading={loading} showHolder emptyText="Không có" testId="follow-up-table" />
    </Card>
  );
}
