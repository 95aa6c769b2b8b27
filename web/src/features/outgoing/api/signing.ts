import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { PrepareInput, SignatureAnswer, SigningRequest } from '@/types/api';
import { outgoingKeys } from './outgoing';

/** The signer's own signature ("sign") or the agency's, applied by the clerk ("seal"). */
export type SigningKind = 'sign' | 'seal';

const step = (id: string, kind: SigningKind, action: 'prepare' | 'complete') => `/api/outgoing/${encodeURIComponent(id)}/${kind}/${action}`;

/** The server checks the document, reserves the fields and returns what the agent must sign. */
export function useOutgoingSigning(id: string, kind: SigningKind) {
  const queryClient = useQueryClient();
  return {
    prepare: useMutation({ mutationFn: (input: PrepareInput) => api.post<SigningRequest>(step(id, kind, 'prepare'), input) }),
    complete: useMutation({
      mutationFn: (answer: SignatureAnswer) => api.post<{ ok: true }>(step(id, kind, 'complete'), answer),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: outgoingKeys.all }),
    }),
  };
}
