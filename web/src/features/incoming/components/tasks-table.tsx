import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import type { AgencyDirectory } from '@/lib/directory';
import type { Assignment, IncomingDocument } from '../api/types';
import { AssignmentActions } from './assignment-actions';
import { numberAndSymbol } from './format';
import { ASSIGNMENT_ROLE_COLORS, ASSIGNMENT_STATE_COLORS, assignmentRoleLabel, assignmentStateLabel } from './labels';
import { DeadlineText, UrgencyTag } from './tags';

interface Props {
  assignments: Assignment[];
  documents: Map<string, IncomingDocument>;
  directory: AgencyDirectory;
  loading: boolean;
  /** Shows who holds each assignment (for the follow-up list, where it is not the reader). */
  showHolder?: boolean;
  emptyText: string;
  testId: string;
}

const urgencyOf = (a: Assignment, docs: Map<string, IncomingDocument>) => docs.get(a.documentId)?.urgency ?? 0;

/** Overdue first, then due soon, then the most urgent, then the nearest deadline: what to do next. */
function byPriority(docs: Map<string, IncomingDocument>) {
  return (a: Assignment, b: Assignment) =>
    Number(b.overdue) - Number(a.overdue) ||
    Number(b.dueSoon) - Number(a.dueSoon) ||
    urgencyOf(b, docs) - urgencyOf(a, docs) ||
    (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999');
}

const ROW_TINT = { overdue: '#fff1f0', dueSoon: '#fff7e6' };

export function TasksTable({ assignments, documents, directory, loading, showHolder, emptyText, testId }: Props) {
  // Whose work it is: in my own list, whether it came to me or to my unit; in a follow-up list, who holds it.
  const holder = (a: Assignment) => {
    if (showHolder) return a.userId ? directory.personName(a.userId) : directory.unitName(a.unitId);
    return a.userId ? 'Giao cá nhân' : `Giao ${directory.unitName(a.unitId)}`;
  };

  const columns: TableColumnsType<Assignment> = [
    {
      title: 'Số đến',
      key: 'number',
      width: 80,
      render: (_: unknown, a) => (
        <Link to={paths.incoming.detail.getHref(a.documentId)}>
          <Typography.Text strong style={{ color: 'inherit' }}>
            {documents.get(a.documentId)?.arrivalNumber ?? '…'}
          </Typography.Text>
        </Link>
      ),
    },
    {
      title: 'Văn bản',
      key: 'document',
      render: (_: unknown, a) => {
        const doc = documents.get(a.documentId);
        if (!doc) return <Link to={paths.incoming.detail.getHref(a.documentId)}>Xem văn bản</Link>;
        return (
          <>
            <Link to={paths.incoming.detail.getHref(a.documentId)}>{doc.subject}</Link>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {doc.typeName} {numberAndSymbol(doc)} — {doc.issuerName}
            </Typography.Text>
          </>
        );
      },
    },
    {
      title: 'Độ khẩn',
      key: 'urgency',
      width: 130,
      render: (_: unknown, a) => {
        const doc = documents.get(a.documentId);
        return doc ? <UrgencyTag urgency={doc.urgency} label={doc.urgencyLabel} /> : null;
      },
    },
    {
      title: 'Vai trò',
      key: 'role',
      width: 170,
      render: (_: unknown, a) => (
        <>
          <Tag color={ASSIGNMENT_ROLE_COLORS[a.role]}>{assignmentRoleLabel(a.role)}</Tag>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {holder(a)}
          </Typography.Text>
        </>
      ),
    },
    { title: 'Hạn xử lý', key: 'deadline', width: 200, render: (_: unknown, a) => <DeadlineText deadline={a.deadline} dueSoon={a.dueSoon} overdue={a.overdue} /> },
    { title: 'Trạng thái', dataIndex: 'state', width: 120, render: (s: string) => <Tag color={ASSIGNMENT_STATE_COLORS[s]}>{assignmentStateLabel(s)}</Tag> },
    { title: 'Thao tác', key: 'actions', width: 200, render: (_: unknown, a) => <AssignmentActions assignment={a} /> },
  ];

  return (
    <Table<Assignment>
      rowKey="id"
      columns={columns}
      dataSource={[...assignments].sort(byPriority(documents))}
      loading={loading}
      pagination={false}
      size="middle"
      scroll={{ x: 1100 }}
      onRow={(a) => ({ style: { background: a.overdue ? ROW_TINT.overdue : a.dueSoon ? ROW_TINT.dueSoon : undefined } })}
      locale={{ emptyText }}
      data-testid={testId}
    />
  );
}
