import { useState } from 'react';
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCurrentSession } from '@/lib/auth';
import type { AgencyDirectory } from '@/lib/directory';
import type { Assignment } from '../api/types';
import { AssignmentActions } from './assignment-actions';
import { formatDateTime } from './format';
import { ASSIGNMENT_ROLE_COLORS, ASSIGNMENT_STATE_COLORS, assignmentRoleLabel, assignmentStateLabel } from './labels';
import { assignmentActions } from './permissions';
import { DeadlineText } from './tags';

type Node = Assignment & { children?: Node[] };

/** Staff assignments nest under the unit's assignment they were handed from. */
function nest(assignments: Assignment[]): Node[] {
  const byId = new Map<string, Node>(assignments.map((a) => [a.id, { ...a }]));
  const roots: Node[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/** `frozen`: a recalled copy, shown without the steps nobody may take on it any more. */
export function AssignmentsTable({ assignments, directory, frozen }: { assignments: Assignment[]; directory: AgencyDirectory; frozen: boolean }) {
  const session = useCurrentSession();
  // Expanded unless folded by hand, so staff assignments added later show up at once.
  const [folded, setFolded] = useState<Set<string>>(new Set());
  const parents = new Set(assignments.flatMap((a) => (a.parentId ? [a.parentId] : [])));
  const expanded = [...parents].filter((id) => !folded.has(id));
  const toggle = (open: boolean, a: Node) =>
    setFolded((prev) => {
      const next = new Set(prev);
      if (open) next.delete(a.id);
      else next.add(a.id);
      return next;
    });

  const columns: TableColumnsType<Node> = [
    { title: 'Vai trò', dataIndex: 'role', width: 150, render: (r: string) => <Tag color={ASSIGNMENT_ROLE_COLORS[r]}>{assignmentRoleLabel(r)}</Tag> },
    {
      title: 'Đơn vị, cá nhân',
      key: 'target',
      render: (_: unknown, a) =>
        a.userId ? (
          <>
            <Typography.Text strong>{directory.personName(a.userId)}</Typography.Text>
            {a.unitId && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {directory.unitName(a.unitId)}
              </Typography.Text>
            )}
          </>
        ) : (
          <Typography.Text strong>{directory.unitName(a.unitId)}</Typography.Text>
        ),
    },
    {
      title: 'Hạn xử lý',
      dataIndex: 'deadline',
      width: 200,
      render: (_: unknown, a) => (a.role === 'inform' ? '—' : <DeadlineText deadline={a.deadline} dueSoon={a.dueSoon} overdue={a.overdue} />),
    },
    { title: 'Trạng thái', dataIndex: 'state', width: 130, render: (s: string) => <Tag color={ASSIGNMENT_STATE_COLORS[s]}>{assignmentStateLabel(s)}</Tag> },
    {
      title: 'Kết quả',
      dataIndex: 'result',
      render: (result: string | null, a) =>
        result ? (
          <>
            <Typography.Text>{result}</Typography.Text>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {formatDateTime(a.finishedAt)}
            </Typography.Text>
          </>
        ) : (
          '—'
        ),
    },
  ];
  // Readers with nothing to do here (the clerk, most colleagues) get no empty column.
  if (!frozen && assignments.some((a) => assignmentActions(session, a).length > 0)) {
    columns.push({ title: 'Thao tác', key: 'actions', width: 220, render: (_: unknown, a) => <AssignmentActions assignment={a} /> });
  }

  return (
    <Table<Node>
      rowKey="id"
      columns={columns}
      dataSource={nest(assignments)}
      pagination={false}
      size="small"
      expandable={{ expandedRowKeys: expanded, onExpand: toggle }}
      onRow={(a) => ({ style: a.state === 'recalled' ? { opacity: 0.55 } : undefined })}
      scroll={{ x: 980 }}
      data-testid="assignments-table"
    />
  );
}
