import { Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { Agency } from '@/types/api';
import type { AuditEntry } from '../api/audit';
import { actionLabel, objectTypeLabel } from './labels';

/** Details are free-form JSON; a flat "key: value" line is enough to read them in a table. */
function formatDetails(details: unknown): string {
  if (details === null || details === undefined) return '';
  if (typeof details !== 'object') return String(details);
  return Object.entries(details as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join('; ');
}

export function AuditTable({ entries, agencies, loading }: { entries: AuditEntry[]; agencies: Agency[] | undefined; loading: boolean }) {
  const agencyName = new Map((agencies ?? []).map((a) => [a.id, a.name]));
  const columns: TableColumnsType<AuditEntry> = [
    { title: 'STT', dataIndex: 'seq', width: 70 },
    { title: 'Thời điểm', dataIndex: 'at', width: 160, render: (at: string) => dayjs(at).format('DD/MM/YYYY HH:mm:ss') },
    {
      title: 'Người thực hiện',
      dataIndex: 'actorName',
      width: 150,
      render: (name: string | null, e) => (
        <>
          {name ?? '—'}
          {e.ip && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              IP {e.ip}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: 'Cơ quan', dataIndex: 'agencyId', width: 200, render: (id: string | null) => (id ? (agencyName.get(id) ?? id) : '—') },
    { title: 'Hành động', dataIndex: 'action', width: 180, render: (action: string) => actionLabel(action) },
    {
      title: 'Đối tượng',
      key: 'object',
      width: 190,
      render: (_: unknown, e) =>
        e.objectType ? (
          <>
            {objectTypeLabel(e.objectType)}
            {e.objectId && (
              <Typography.Text type="secondary" copyable={{ text: e.objectId }} style={{ display: 'block', fontSize: 12 }} ellipsis>
                {e.objectId}
              </Typography.Text>
            )}
          </>
        ) : (
          '—'
        ),
    },
    { title: 'Chi tiết', dataIndex: 'details', render: (d: unknown) => <Typography.Text style={{ fontSize: 12 }}>{formatDetails(d) || '—'}</Typography.Text> },
  ];
  return <Table<AuditEntry> rowKey="seq" columns={columns} dataSource={entries} loading={loading} pagination={false} size="small" scroll={{ x: 1200 }} data-testid="audit-table" />;
}
