import { useState } from 'react';
import { Alert, App, Card, Segmented } from 'antd';
import { useNavigate } from 'react-router';
import { paths } from '@/config/paths';
import { PageHeader } from '@/components/page-header';
import { errorMessage } from '@/lib/api';
import { useInbox, useRegisterFromInbox } from '../api/inbox';
import type { InboxItem, InboxState } from '../api/types';
import { DuplicateModal } from '../components/duplicate-modal';
import { InboxTable } from '../components/inbox-table';
import { ReturnInboxModal } from '../components/inbox-modals';
import { duplicateMatches } from '../components/register-values';

const STATES = [
  { value: 'pending' as InboxState, label: 'Chờ đăng ký' },
  { value: 'registered' as InboxState, label: 'Đã đăng ký' },
  { value: 'returned' as InboxState, label: 'Đã trả lại' },
  { value: 'recalled' as InboxState, label: 'Bị thu hồi' },
];

/** Văn bản điện tử nhận được: the clerk registers each into the sổ đến, or returns it to the sender. */
export default function InboxRoute() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [state, setState] = useState<InboxState>('pending');
  const inbox = useInbox(state);
  const register = useRegisterFromInbox();
  const [returning, setReturning] = useState<InboxItem>();
  const [duplicate, setDuplicate] = useState<{ item: InboxItem; message: string; matches: NonNullable<ReturnType<typeof duplicateMatches>> }>();

  const send = (item: InboxItem, acknowledgeDuplicate?: boolean) => {
    if (register.isPending) return;
    register.mutate(
      { id: item.id, acknowledgeDuplicate },
      {
        onSuccess: (doc) => {
          setDuplicate(undefined);
          void message.success(`Đã đăng ký văn bản đến số ${doc.arrivalNumber}.`);
          void navigate(paths.incoming.detail.getHref(doc.id));
        },
        onError: (error) => {
          const matches = duplicateMatches(error);
          if (matches) return setDuplicate({ item, matches, message: errorMessage(error) });
          setDuplicate(undefined);
          void message.error(errorMessage(error));
        },
      },
    );
  };

  return (
    <>
      <PageHeader title="Văn bản điện tử nhận được" description="Văn bản các cơ quan gửi qua hệ thống, chờ văn thư đăng ký vào sổ đến. Văn bản khẩn ở trên cùng." />
      <Card>
        <Segmented<InboxState> options={STATES} value={state} onChange={setState} style={{ marginBottom: 16 }} data-testid="inbox-states" />
        {inbox.error ? (
          <Alert type="error" showIcon title={errorMessage(inbox.error)} />
        ) : (
          <InboxTable
            items={inbox.data}
            loading={inbox.isPending}
            registeringId={register.isPending ? register.variables?.id : undefined}
            onRegister={(item) => send(item)}
            onReturn={setReturning}
          />
        )}
      </Card>
      {returning && <ReturnInboxModal item={returning} onDone={() => setReturning(undefined)} />}
      {duplicate && (
        <DuplicateModal
          message={duplicate.message}
          matches={duplicate.matches}
          pending={register.isPending}
          onConfirm={() => send(duplicate.item, true)}
          onCancel={() => setDuplicate(undefined)}
        />
      )}
    </>
  );
}
