import { Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { formatDate, formatDateTime } from '@/features/incoming/components/format';
import type { OutgoingSummary } from '../api/types';
import { DeliveryCell } from './delivery-cell';
import { OutgoingStateTag, OutgoingUrgencyTag } from './tags';

interface Props {
  documents: OutgoingSummary[] | undefined;
  loading: boolean;
  emptyText: string;
  testId?: string;
  /** The issued register: where each document's recipients stand instead of the state. */
  withDelivery?: boolean;
}

/** Outgoing documents as the sổ văn bản đi lists them; drafts show "—" until the clerk numbers them. */
export function OutgoingTable({ documents, loading, emptyText, testId = 'outgoing-table', withDelivery = false }: Props) {
  const columns: TableColumnsType<OutgoingSummary> = [
    { title: 'Số, ký hiệu', dataIndex: 'numberAndNotation', width: 150, render: (n: string | null) => (n ? <Typography.Text strong>{n}</Typography.Text> : '—') },
    { title: 'Ngày ban hành', dataIndex: 'issuedDate', width: 120, render: formatDate },
    { title: 'Loại văn bản', dataIndex: 'typeName', width: 140 },
    {
      title: 'Trích yếu',
      dataIndex: 'summary',
      render: (summary: string, doc) => (
        <Link to={paths.outgoing.detail.getHref(doc.id)}>
          <Typography.Text delete={doc.state === 'recalled'} style={{ color: 'inherit' }}>
            {summary}
          </Typography.Text>
        </Link>
      ),
    },
    { title: 'Độ khẩn', dataIndex: 'urgency', width: 120, render: (u: number) => <OutgoingUrgencyTag urgency={u} /> },
    withDelivery
      ? { title: 'Tình trạng gửi, nhận', key: 'delivery', width: 260, render: (_: unknown, doc) => <DeliveryCell delivery={doc.delivery} /> }
      : { title: 'Trạng thái', dataIndex: 'state', width: 200, render: (s: string, doc) => <OutgoingStateTag state={s} label={doc.stateLabel} /> },
    { title: 'Cập nhật', dataIndex: 'updatedAt', width: 150, render: formatDateTime },
  ];

  return (
    <Table<OutgoingSummary>
      rowKey="id"
      columns={columns}
      dataSource={documents}
      loading={loading}
      pagination={documents && documents.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      size="middle"
      scroll={{ x: 1000 }}
      locale={{ emptyText }}
      data-testid={testId}
    />
  );
}
