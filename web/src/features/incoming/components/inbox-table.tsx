import { Button, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { FilePdfOutlined, FormOutlined, RollbackOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { fileInlineHref } from '@/lib/files';
import type { InboxItem } from '../api/types';
import { formatDate, formatDateTime, numberAndSymbol } from './format';
import { URGENCY_OPTIONS } from './labels';
import { UrgencyTag } from './tags';

interface Props {
  items: InboxItem[] | undefined;
  loading: boolean;
  /** The item being registered: its button spins and the others wait. */
  registeringId: string | undefined;
  onRegister: (item: InboxItem) => void;
  onReturn: (item: InboxItem) => void;
}

const urgencyText = (u: number) => URGENCY_OPTIONS.find((o) => o.value === u)?.label ?? String(u);

/** Delivered documents as the clerk checks them before registering: issuer, number, date, subject, file. */
export function InboxTable({ items, loading, registeringId, onRegister, onReturn }: Props) {
  const columns: TableColumnsType<InboxItem> = [
    { title: 'Nhận lúc', dataIndex: 'receivedAt', width: 140, render: formatDateTime },
    { title: 'Cơ quan ban hành', key: 'issuer', width: 200, render: (_: unknown, i) => i.envelope.issuerName },
    { title: 'Số, ký hiệu', key: 'code', width: 140, render: (_: unknown, i) => numberAndSymbol(i.envelope) },
    { title: 'Ngày văn bản', key: 'issued', width: 110, render: (_: unknown, i) => formatDate(i.envelope.issuedDate) },
    {
      title: 'Trích yếu',
      key: 'subject',
      render: (_: unknown, i) => (
        <Flex vertical gap={2}>
          <Typography.Text>
            {i.envelope.typeName}: {i.envelope.subject}
          </Typography.Text>
          <Typography.Link href={fileInlineHref(i.mainFileId)} target="_blank" rel="noopener" style={{ fontSize: 12 }}>
            <FilePdfOutlined /> Xem văn bản
          </Typography.Link>
          {i.reason && <Typography.Text type="secondary">Lý do: {i.reason}</Typography.Text>}
        </Flex>
      ),
    },
    { title: 'Độ khẩn', key: 'urgency', width: 120, render: (_: unknown, i) => <UrgencyTag urgency={i.envelope.urgency} label={urgencyText(i.envelope.urgency)} /> },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 230,
      render: (_: unknown, i) =>
        i.state === 'pending' ? (
          <Flex gap={8} wrap>
            <Button
              type="primary"
              size="small"
              icon={<FormOutlined />}
              loading={registeringId === i.id}
              disabled={!!registeringId && registeringId !== i.id}
              onClick={() => onRegister(i)}
            >
              Đăng ký vào sổ
            </Button>
            <Button size="small" icon={<RollbackOutlined />} disabled={!!registeringId} onClick={() => onReturn(i)}>
              Trả lại
            </Button>
          </Flex>
        ) : i.documentId ? (
          <Link to={paths.incoming.detail.getHref(i.documentId)}>Xem văn bản đến</Link>
        ) : null,
    },
  ];

  return (
    <Table<InboxItem>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      size="middle"
      scroll={{ x: 1100 }}
      locale={{ emptyText: 'Không có văn bản điện tử nào' }}
      data-testid="inbox-table"
    />
  );
}
