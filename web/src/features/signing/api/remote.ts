import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { SigningRequest } from '@/types/api';

export interface RemoteState {
  state: 'pending' | 'signed' | 'rejected' | 'expired';
  signature?: string;
  signatures?: string[];
  certificateChain?: string[];
  message?: string;
}

const POLL_MS = 2000;

/** Whether the deployment has a remote signing service (SmartCA / MySign kind), and its name. */
export function useRemoteService() {
  return useQuery({ queryKey: ['signing', 'remote'], queryFn: () => api.get<{ enabled: boolean; name: string | null }>('/api/signing/remote'), staleTime: Infinity });
}

/** Sends what must be signed to the person's remote account; they confirm on their phone. */
export function useRemoteSubmit(prepared: SigningRequest | undefined, description: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (account: string) =>
      api.post<{ transactionId: string; expiresAt: string }>(`/api/signing/sessions/${encodeURIComponent(prepared!.sessionId)}/remote`, { account, description, request: prepared!.request }),
    // The server keeps the account with the certificate: the next dialog offers it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['signing', 'certificates'] }),
  });
}

/** Asks the server every few seconds until the person has confirmed, refused, or let it expire. */
export function useRemoteState(sessionId: string | undefined) {
  return useQuery({
    queryKey: ['signing', 'remote', sessionId],
    queryFn: () => api.get<RemoteState>(`/api/signing/sessions/${encodeURIComponent(sessionId!)}/remote`),
    enabled: !!sessionId,
    refetchInterval: (query) => (query.state.data?.state === 'pending' || !query.state.data ? POLL_MS : false),
  });
}
