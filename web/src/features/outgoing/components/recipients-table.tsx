import { Table, Tag, type TableColumnsType } from 'antd';
import { formatDateTime } from '@/features/incoming/components/format';
import type { OutgoingRecipient } from '../api/types';
import { RECIPIENT_COLORS } from './labels';

/** Each recipient and how far it has got: delivered, registered (with its số đến), returned, done, recalled. */
export function RecipientsTable({ recipients }: { recipients: OutgoingRecipient[] }) {
  const columns: TableColumnsType<OutgoingRecipient> = [
    { title: 'Nơi nhận', dataIndex: 'name', render: (name: string, r) => (r.agencyId ? name : `${name} (ngoài hệ thống)`) },
    { title: 'Trạng thái', dataIndex: 'status', width: 230, render: (s: string, r) => <Tag color={RECIPIENT_COLORS[s]}>{r.statusLabel}</Tag> },
    { title: 'Số đến', dataIndex: 'arrivalNumber', width: 90, render: (n: number | null) => n ?? '—' },
    { title: 'Ghi chú', dataIndex: 'reason', render: (reason: string | null) => reason ?? '' },
    { title: 'Cập nhật', dataIndex: 'updatedAt', width: 150, render: formatDateTime },
  ];
  return (
    <Table<OutgoingRecipient>
      rowKey="id"
      columns={columns}
      dataSource={recipients}
      pagination={false}
      size="small"
      scroll={{ x: 800 }}
      locale={{ emptyText: 'Văn bản không có nơi nhận điện tử' }}
      data-testid="recipients-table"
    />
  );
}
