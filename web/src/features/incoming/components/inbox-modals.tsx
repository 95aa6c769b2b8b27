import type { InboxItem } from '../api/types';
import { useReturnInboxItem } from '../api/inbox';
import { numberAndSymbol } from './format';
import { TextActionModal } from './text-action-modal';
import { useDone } from './use-done';

/** A document sent by mistake or invalid goes back to the sender, who sees the reason (Q-6.1d). */
export function ReturnInboxModal({ item, onDone }: { item: InboxItem; onDone: () => void }) {
  const giveBack = useReturnInboxItem();
  const done = useDone(onDone);
  return (
    <TextActionModal
      title={`Trả lại văn bản ${numberAndSymbol(item.envelope)} của ${item.envelope.issuerName}`}
      label="Lý do trả lại"
      min={5}
      max={500}
      submitText="Trả lại"
      extra="Cơ quan gửi nhận được lý do trả lại."
      pending={giveBack.isPending}
      error={giveBack.error}
      onSubmit={(reason) => !giveBack.isPending && giveBack.mutate({ id: item.id, reason }, { onSuccess: done('Đã trả lại văn bản cho cơ quan gửi.') })}
      onCancel={onDone}
    />
  );
}
