import { SigningDialog } from '@/features/signing/components/signing-dialog';
import { useOutgoingSigning, type SigningKind } from '../api/signing';

/** The signer's signature, or the agency's signature that issues the document (with its appendices, in one agent run). */
export function OutgoingSigningDialog({ documentId, kind, previewFileId, onClose }: { documentId: string; kind: SigningKind; previewFileId?: string; onClose: () => void }) {
  const { prepare, complete } = useOutgoingSigning(documentId, kind);
  const sign = kind === 'sign';
  return (
    <SigningDialog
      title={sign ? 'Ký số văn bản' : 'Ký số của cơ quan và phát hành'}
      owner={sign ? 'personal' : 'agency'}
      prepare={prepare}
      complete={complete}
      successText={sign ? 'Đã ký số văn bản.' : 'Đã ký số của cơ quan; văn bản đã được phát hành.'}
      requestName={`yeu-cau-ky-${documentId.slice(0, 8)}.json`}
      previewFileId={previewFileId}
      onClose={onClose}
    />
  );
}
