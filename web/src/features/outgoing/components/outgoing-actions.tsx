import { useState, type ReactElement } from 'react';
import { App, Button, Tooltip } from 'antd';
import { CheckOutlined, EditOutlined, FieldNumberOutlined, FileAddOutlined, FormOutlined, FileTextOutlined, PrinterOutlined, ScanOutlined, RollbackOutlined, SafetyCertificateOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { errorMessage } from '@/lib/api';
import { useCurrentSession } from '@/lib/auth';
import { useApproveDraft, usePrintOriginal, useSubmitDraft } from '../api/outgoing';
import { fileInlineHref } from '@/lib/files';
import type { OutgoingDetail } from '../api/types';
import { EditDraftModal } from './edit-draft-modal';
import { NumberModal } from './number-modal';
import { PaperNumberModal, PaperScanModal } from './paper-modals';
import { outgoingActions } from './permissions';
import { RecallModal, ReturnDraftModal } from './reason-modals';
import { OutgoingSigningDialog } from './outgoing-signing-dialog';
import { VersionModal } from './version-modal';

type Dialog = 'edit' | 'version' | 'giveBack' | 'sign' | 'number' | 'seal' | 'recall' | 'paperNumber' | 'paperScan';

/** The steps the current person may take on this document, as header buttons. */
export function OutgoingActions({ doc }: { doc: OutgoingDetail }) {
  const session = useCurrentSession();
  const { message } = App.useApp();
  const [open, setOpen] = useState<Dialog>();
  const submit = useSubmitDraft();
  const approve = useApproveDraft();
  const printOriginal = usePrintOriginal();
  const allowed = outgoingActions(session, doc);
  const close = () => setOpen(undefined);

  // Sending, approving and signing need the current version as PDF; the page polls until it is ready.
  const current = doc.versions.find((v) => v.version === doc.currentVersion);
  const pdfMissing = !current?.pdfFileId;
  const pdfHint = current?.conversion === 'failed' ? 'Chuyển sang PDF thất bại; hãy thêm phiên bản khác.' : 'Dự thảo đang được chuyển sang PDF…';

  const run = (step: typeof submit, done: string) => {
    if (step.isPending) return;
    step.mutate(doc.id, { onSuccess: () => void message.success(done), onError: (error) => void message.error(errorMessage(error)) });
  };

  const needsPdf = (button: ReactElement) => (pdfMissing ? <Tooltip title={pdfHint}>{button}</Tooltip> : button);

  return (
    <>
      {allowed.submit &&
        needsPdf(
          <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} disabled={pdfMissing} onClick={() => run(submit, 'Đã gửi lãnh đạo đơn vị duyệt.')}>
            Gửi duyệt
          </Button>,
        )}
      {allowed.approve &&
        needsPdf(
          <Button type="primary" icon={<CheckOutlined />} loading={approve.isPending} disabled={pdfMissing} onClick={() => run(approve, 'Đã duyệt dự thảo.')}>
            Duyệt
          </Button>,
        )}
      {allowed.sign &&
        needsPdf(
          <Button type="primary" icon={<EditOutlined />} disabled={pdfMissing} onClick={() => setOpen('sign')}>
            Ký số
          </Button>,
        )}
      {allowed.giveBack && (
        <Button icon={<RollbackOutlined />} onClick={() => setOpen('giveBack')}>
          Trả lại
        </Button>
      )}
      {allowed.number && (
        <Button type="primary" icon={<FieldNumberOutlined />} onClick={() => setOpen('number')}>
          Cấp số
        </Button>
      )}
      {allowed.paperNumber && (
        <Button icon={<FileTextOutlined />} onClick={() => setOpen('paperNumber')}>
          Phát hành bản giấy
        </Button>
      )}
      {allowed.paperScan && (
        <Button type="primary" icon={<ScanOutlined />} onClick={() => setOpen('paperScan')}>
          {doc.paperScanFileId ? 'Thay bản quét' : 'Tải bản quét bản gốc'}
        </Button>
      )}
      {allowed.printOriginal && (
        <Button
          icon={<PrinterOutlined />}
          loading={printOriginal.isPending}
          onClick={() => printOriginal.mutate(doc.id, { onSuccess: ({ fileId }) => void window.open(fileInlineHref(fileId), '_blank', 'noopener'), onError: (error) => void message.error(errorMessage(error)) })}
        >
          In bản gốc giấy
        </Button>
      )}
      {allowed.seal && (
        <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={() => setOpen('seal')}>
          Ký số cơ quan
        </Button>
      )}
      {allowed.newVersion && (
        <Button icon={<FormOutlined />} onClick={() => setOpen('edit')}>
          Sửa thông tin
        </Button>
      )}
      {allowed.newVersion && (
        <Button icon={<FileAddOutlined />} onClick={() => setOpen('version')}>
          Thêm phiên bản
        </Button>
      )}
      {allowed.recall && (
        <Button danger icon={<StopOutlined />} onClick={() => setOpen('recall')}>
          Thu hồi
        </Button>
      )}
      {open === 'edit' && <EditDraftModal doc={doc} onDone={close} />}
      {open === 'version' && <VersionModal documentId={doc.id} approved={doc.state === 'approved'} onDone={close} />}
      {open === 'giveBack' && <ReturnDraftModal documentId={doc.id} onDone={close} />}
      {open === 'sign' && <OutgoingSigningDialog documentId={doc.id} kind="sign" previewFileId={current?.pdfFileId ?? undefined} onClose={close} />}
      {open === 'number' && <NumberModal documentId={doc.id} onClose={close} />}
      {open === 'seal' && <OutgoingSigningDialog documentId={doc.id} kind="seal" onClose={close} />}
      {open === 'paperNumber' && <PaperNumberModal doc={doc} onDone={close} />}
      {open === 'paperScan' && <PaperScanModal documentId={doc.id} onDone={close} />}
      {open === 'recall' && <RecallModal documentId={doc.id} onDone={close} />}
    </>
  );
}
