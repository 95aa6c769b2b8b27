import { TextActionModal } from '@/features/incoming/components/text-action-modal';
import { useDone } from '@/features/incoming/components/use-done';
import { useRecallOutgoing, useReturnDraft } from '../api/outgoing';

interface Props {
  documentId: string;
  onDone: () => void;
}

/** The approver (or the signer, instead of signing) sends the draft back to the drafter with comments. */
export function ReturnDraftModal({ documentId, onDone }: Props) {
  const giveBack = useReturnDraft();
  const done = useDone(onDone);
  return (
    <TextActionModal
      title="Trả lại dự thảo"
      label="Lý do trả lại"
      min={5}
      max={500}
      submitText="Trả lại"
      extra="Người soạn thảo nhận được ý kiến này để sửa dự thảo."
      pending={giveBack.isPending}
      error={giveBack.error}
      onSubmit={(reason) => !giveBack.isPending && giveBack.mutate({ id: documentId, reason }, { onSuccess: done('Đã trả lại dự thảo.') })}
      onCancel={onDone}
    />
  );
}

/** Thu hồi: every recipient is told at once and must confirm. */
export function RecallModal({ documentId, onDone }: Props) {
  const recall = useRecallOutgoing();
  const done = useDone(onDone);
  return (
    <TextActionModal
      title="Thu hồi văn bản đã phát hành"
      label="Lý do thu hồi"
      min={5}
      max={500}
      submitText="Thu hồi"
      extra="Các nơi nhận được thông báo ngay và phải xác nhận thu hồi."
      pending={recall.isPending}
      error={recall.error}
      onSubmit={(reason) => !recall.isPending && recall.mutate({ id: documentId, reason }, { onSuccess: done('Đã thu hồi văn bản.') })}
      onCancel={onDone}
    />
  );
}
