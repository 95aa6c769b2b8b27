import { Button, Modal, Table, Typography, type TableColumnsType } from 'antd';
import { paths } from '@/config/paths';
import type { DuplicateMatch } from '../api/types';
import { numberAndSymbol } from './format';

interface Props {
  message: string;
  matches: DuplicateMatch[];
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The server suspects the document was already registered (same identifier, or same number,
 * symbol and issuer). The clerk checks the earlier entries — each opens in a new tab so the form
 * is kept — and either goes back or registers anyway.
 */
export function DuplicateModal({ message, matches, pending, onConfirm, onCancel }: Props) {
  const columns: TableColumnsType<DuplicateMatch> = [
    {
      title: 'Số đến',
      dataIndex: 'arrivalNumber',
      width: 80,
      render: (n: number, m) => (
        <Typography.Link href={paths.incoming.detail.getHref(m.id)} target="_blank" rel="noopener" aria-label={`Mở văn bản đến số ${n} trong thẻ mới`}>
          {n}
        </Typography.Link>
      ),
    },
    { title: 'Số, ký hiệu', key: 'code', width: 120, render: (_: unknown, m) => numberAndSymbol(m) },
    { title: 'Cơ quan ban hành', dataIndex: 'issuerName', width: 160 },
    { title: 'Trích yếu', dataIndex: 'subject' },
  ];

  return (
    <Modal
      open
      title="Văn bản có thể đã được đăng ký"
      width={640}
      onCancel={onCancel}
      mask={{ closable: false }}
      footer={[
        <Button key="back" onClick={onCancel} autoFocus>
          Quay lại kiểm tra
        </Button>,
        <Button key="confirm" type="primary" danger loading={pending} onClick={onConfirm} data-testid="register-anyway">
          Vẫn đăng ký
        </Button>,
      ]}
    >
      <Typography.Paragraph>{message}</Typography.Paragraph>
      <Table<DuplicateMatch> rowKey="id" columns={columns} dataSource={matches} pagination={false} size="small" data-testid="duplicate-matches" />
    </Modal>
  );
}
