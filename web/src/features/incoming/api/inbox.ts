import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { incomingKeys } from './incoming';
import type { InboxItem, InboxState, IncomingDocument } from './types';

type Ok = { ok: true };

const inboxKey = (state: InboxState) => [...incomingKeys.all, 'inbox', state] as const;
const item = (id: string, step: string) => `/api/incoming/inbox/${encodeURIComponent(id)}/${step}`;

/** Văn bản điện tử nhận được, urgent first then by arrival, as the server orders them. */
export function useInbox(state: InboxState) {
  return useQuery({ queryKey: inboxKey(state), queryFn: () => api.get<InboxItem[]>('/api/incoming/inbox', { state }) });
}

/**
 * Registering or returning changes the inbox, the register and the dashboard figures: all incoming
 * queries refresh, after a refusal too, since the server may have returned the item to its sender.
 */
function useInboxStep<TVars, TResult>(mutationFn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: incomingKeys.all }) });
}

export const useRegisterFromInbox = () =>
  useInboxStep(({ id, acknowledgeDuplicate }: { id: string; acknowledgeDuplicate?: boolean }) => api.post<IncomingDocument>(item(id, 'register'), acknowledgeDuplicate ? { acknowledgeDuplicate } : {}));

export const useReturnInboxItem = () => useInboxStep(({ id, reason }: { id: string; reason: string }) => api.post<Ok>(item(id, 'return'), { reason }));

export const useConfirmRecall = () => useInboxStep((id: string) => api.post<Ok>(`/api/incoming/${encodeURIComponent(id)}/confirm-recall`));
