import { Alert, Table, Tag, type TableColumnsType } from 'antd';
import { errorMessage } from '@/lib/api';
import { formatDateTime } from '@/features/incoming/components/format';
import { PdfLinks } from '@/features/outgoing/components/file-links';
import { useCopies, type DocumentCopy } from '../api/copies';

const DIRECTION = { digitised: 'Số hóa, ký số cơ quan', printed: 'Bản in giấy' };

/** The copies made of a document, in number order, each with its file. */
export function CopiesTable({ incomingId }: { incomingId: string }) {
  const copies = useCopies(incomingId);
  if (copies.error) return <Alert type="error" showIcon title={errorMessage(copies.error)} />;
  const columns: TableColumnsType<DocumentCopy> = [
    { title: 'Số, ký hiệu', dataIndex: 'numberAndNotation', width: 130 },
    { title: 'Hình thức', dataIndex: 'form', width: 110, render: (form: string, c) => (c.pages ? `${form} (trang ${c.pages.from}–${c.pages.to})` : form) },
    { title: 'Cách sao', dataIndex: 'direction', render: (d: DocumentCopy['direction']) => <Tag>{DIRECTION[d]}</Tag> },
    { title: 'Người ký', key: 'signer', render: (_: unknown, c) => (c.signer ? `${c.signer.position} ${c.signer.name}` : 'Chữ ký số của cơ quan') },
    { title: 'Thời gian', dataIndex: 'madeAt', width: 150, render: formatDateTime },
    { title: 'Tệp', dataIndex: 'fileId', render: (fileId: string | null) => (fileId ? <PdfLinks fileId={fileId} label="Bản sao (PDF)" /> : '—') },
  ];
  return <Table<DocumentCopy> rowKey="id" size="small" columns={columns} dataSource={copies.data} loading={copies.isPending} pagination={false} locale={{ emptyText: 'Chưa có bản sao nào' }} data-testid="copies-table" />;
}
