import { useCancelIncoming } from '../api/incoming';
import { useReturnToClerk } from '../api/routing';
import type { IncomingDocument } from '../api/types';
import { TextActionModal } from './text-action-modal';
import { useDone } from './use-done';

interface Props {
  doc: IncomingDocument;
  onDone: () => void;
}

/** A mistaken entry is cancelled, never deleted: it keeps its số đến and the reason is recorded. */
export function CancelModal({ doc, onDone }: Props) {
  const cancel = useCancelIncoming();
  const done = useDone(onDone);
  return (
    <TextActionModal
      title={`Hủy đăng ký văn bản đến số ${doc.arrivalNumber}`}
      label="Lý do hủy"
      min={5}
      max={500}
      submitText="Hủy đăng ký"
      extra="Văn bản vẫn giữ số đến trong sổ, kèm lý do hủy."
      pending={cancel.isPending}
      error={cancel.error}
      onSubmit={(reason) => cancel.mutate({ id: doc.id, reason }, { onSuccess: done('Đã hủy đăng ký văn bản.') })}
      onCancel={onDone}
    />
  );
}

/** The head sends the document back (wrong recipient, missing papers…); the clerk sees why. */
export function ReturnModal({ doc, onDone }: Props) {
  const giveBack = useReturnToClerk();
  const done = useDone(onDone);
  return (
    <TextActionModal
      title={`Trả lại văn thư: văn bản đến số ${doc.arrivalNumber}`}
      label="Lý do trả lại"
      min={3}
      max={1000}
      submitText="Trả lại"
      pending={giveBack.isPending}
      error={giveBack.error}
      onSubmit={(reason) => giveBack.mutate({ id: doc.id, reason }, { onSuccess: done('Đã trả lại văn thư.') })}
      onCancel={onDone}
    />
  );
}
