import { useState } from 'react';
import { Button } from 'antd';
import { CloseCircleOutlined, EditOutlined, RollbackOutlined, SendOutlined, SolutionOutlined } from '@ant-design/icons';
import { paths } from '@/config/paths';
import { LinkButton } from '@/components/link-button';
import { hasRole, useCurrentSession } from '@/lib/auth';
import type { IncomingDocument, Routing } from '../api/types';
import { DirectModal } from './direct-modal';
import { CancelModal, ReturnModal } from './document-action-modals';
import { documentActions } from './permissions';
import { PresentModal } from './present-modal';

type Dialog = 'present' | 'cancel' | 'direct' | 'giveBack';

/** The document-level steps of the current person's role, as header buttons. */
export function DocumentActions({ doc, routing }: { doc: IncomingDocument; routing: Routing | undefined }) {
  const session = useCurrentSession();
  const [open, setOpen] = useState<Dialog>();
  const allowed = documentActions(session, doc, routing);
  const close = () => setOpen(undefined);

  return (
    <>
      {allowed.direct && (
        <Button type="primary" icon={<SolutionOutlined />} onClick={() => setOpen('direct')} data-testid="direct">
          {routing?.state === 'directed' ? 'Chỉ đạo lại' : 'Cho ý kiến chỉ đạo'}
        </Button>
      )}
      {allowed.giveBack && (
        <Button icon={<RollbackOutlined />} onClick={() => setOpen('giveBack')}>
          Trả lại văn thư
        </Button>
      )}
      {allowed.present && (
        <Button type="primary" icon={<SendOutlined />} onClick={() => setOpen('present')} data-testid="present">
          {routing?.state === 'presented' ? 'Trình lại' : 'Trình lãnh đạo'}
        </Button>
      )}
      {/* Those who handle the document answer it; the clerk issues the answer but does not draft it. */}
      {doc.status === 'registered' && !doc.recall && hasRole(session, 'staff', 'unit_head', 'deputy_head', 'agency_head') && (
        <LinkButton icon={<EditOutlined />} to={`${paths.outgoing.compose.getHref()}?traLoi=${encodeURIComponent(doc.id)}`}>
          Soạn văn bản trả lời
        </LinkButton>
      )}
      {allowed.cancel && (
        <Button danger icon={<CloseCircleOutlined />} onClick={() => setOpen('cancel')}>
          Hủy đăng ký
        </Button>
      )}
      {open === 'present' && <PresentModal documentId={doc.id} arrivalNumber={doc.arrivalNumber} onDone={close} />}
      {open === 'cancel' && <CancelModal doc={doc} onDone={close} />}
      {open === 'direct' && <DirectModal doc={doc} routing={routing} onDone={close} />}
      {open === 'giveBack' && <ReturnModal doc={doc} onDone={close} />}
    </>
  );
}
