import { useState } from 'react';
import { Button, Card } from 'antd';
import { PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { hasRole, useCurrentSession } from '@/lib/auth';
import { CopiesTable } from './copies-table';
import { DigitisedCopyDialog } from './digitised-copy-dialog';
import { PrintedCopyModal } from './printed-copy-modal';

interface Props {
  incomingId: string;
  /** A paper document is copied by signing its scan; an electronic one by printing it. */
  paper: boolean;
  /** Cancelled or recalled entries are not copied. */
  open: boolean;
}

/** Bản sao of an incoming document: the copies made, and for the clerk the way to make one. */
export function CopiesCard({ incomingId, paper, open }: Props) {
  const session = useCurrentSession();
  const [dialog, setDialog] = useState<'digitised' | 'printed'>();
  const clerk = hasRole(session, 'clerk') && open;
  const action = !clerk ? null : paper ? (
    <Button icon={<SafetyCertificateOutlined />} onClick={() => setDialog('digitised')}>
      Ký số bản sao
    </Button>
  ) : (
    <Button icon={<PrinterOutlined />} onClick={() => setDialog('printed')}>
      In bản sao giấy
    </Button>
  );
  return (
    <Card title="Bản sao" extra={action}>
      <CopiesTable incomingId={incomingId} />
      {dialog === 'digitised' && <DigitisedCopyDialog incomingId={incomingId} onClose={() => setDialog(undefined)} />}
      {dialog === 'printed' && <PrintedCopyModal incomingId={incomingId} onDone={() => setDialog(undefined)} />}
    </Card>
  );
}
