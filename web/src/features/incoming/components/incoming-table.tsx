import { Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import type { IncomingDocument } from '../api/types';
import { formatDate, numberAndSymbol } from './format';
import { RoutingStateTag, StatusTag, UrgencyTag } from './tags';

interface Props {
  documents: IncomingDocument[] | undefined;
  loading: boolean;
  testId?: string;
  emptyText?: string;
}

/** The register as a table: the columns the clerk copies from the paper sổ đăng ký văn bản đến. */
export function IncomingTable({ documents, loading, testId = 'incoming-table', emptyText = 'Chưa có văn bản đến nào phù hợp' }: Props) {
  const columns: TableColumnsType<IncomingDocument> = [
    {
      title: 'Số đến',
      dataIndex: 'arrivalNumber',
      width: 90,
      render: (n: number, doc) => (
        <Link to={paths.incoming.detail.getHref(doc.id)} aria-label={`Văn bản đến số ${n}`}>
          <Typography.Text strong style={{ fontSize: 15, color: 'inherit' }}>
            {n}
          </Typography.Text>
        </Link>
      ),
    },
    { title: 'Ngày đến', dataIndex: 'arrivalDate', width: 110, render: formatDate },
    { title: 'Số, ký hiệu', key: 'code', width: 150, render: (_: unknown, doc) => numberAndSymbol(doc) },
    { title: 'Cơ quan ban hành', dataIndex: 'issuerName', width: 200 },
    {
      title: 'Trích yếu',
      dataIndex: 'subject',
      render: (subject: string, doc) => (
        <Link to={paths.incoming.detail.getHref(doc.id)}>
          <Typography.Text delete={doc.status === 'cancelled'} style={{ color: 'inherit' }}>
            {subject}
          </Typography.Text>
        </Link>
      ),
    },
    { title: 'Độ khẩn', dataIndex: 'urgency', width: 130, render: (u: number, doc) => <UrgencyTag urgency={u} label={doc.urgencyLabel} /> },
    // A cancelled entry says so; a live one says where presenting and direction stand.
    {
      title: 'Trạng thái',
      dataIndex: 'status',
      width: 170,
      render: (s: string, doc) => (s !== 'cancelled' && doc.routingState ? <RoutingStateTag state={doc.routingState} /> : <StatusTag status={s} />),
    },
  ];

  return (
    <Table<IncomingDocument>
      rowKey="id"
      columns={columns}
      dataSource={documents}
      loading={loading}
      pagination={false}
      size="middle"
      scroll={{ x: 1000 }}
      locale={{ emptyText }}
      data-testid={testId}
    />
  );
}
