import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { AppendixInput, CreateOutgoingInput, DraftFields, NumberPreview, OutgoingCatalog, OutgoingDetail, OutgoingFilters, OutgoingSeries, OutgoingSummary } from './types';

type Ok = { ok: true };

export const outgoingKeys = {
  all: ['outgoing'] as const,
  catalog: () => ['outgoing', 'catalog'] as const,
  list: (filters: OutgoingFilters) => ['outgoing', 'list', filters] as const,
  detail: (id: string) => ['outgoing', 'detail', id] as const,
  numberPreview: (id: string) => ['outgoing', 'number-preview', id] as const,
};

const doc = (id: string, step = '') => `/api/outgoing/${encodeURIComponent(id)}${step ? `/${step}` : ''}`;

/** While a draft is being converted to PDF, the page asks again every few seconds. */
const CONVERSION_POLL_MS = 3000;

/** The agency's own series besides the default one (councils, legal normative documents). */
export function useOutgoingSeries() {
  return useQuery({ queryKey: ['outgoing', 'series'], queryFn: () => api.get<OutgoingSeries[]>('/api/outgoing/series'), staleTime: 5 * 60_000 });
}

export function useOutgoingCatalog() {
  return useQuery({ queryKey: outgoingKeys.catalog(), queryFn: () => api.get<OutgoingCatalog>('/api/outgoing/types'), staleTime: Infinity });
}

/** One queue, most urgent first, then the latest changed, as the server orders it. */
export function useOutgoingList(filters: OutgoingFilters) {
  // While a new search runs, the last answer stays on screen rather than an empty list.
  return useQuery({ queryKey: outgoingKeys.list(filters), queryFn: () => api.get<OutgoingSummary[]>('/api/outgoing', { ...filters, limit: 200 }), placeholderData: keepPreviousData });
}

/** One document's detail, for a hook or a one-off read (the original a correction starts from). */
export const outgoingDetailQuery = (id: string) => queryOptions({ queryKey: outgoingKeys.detail(id), queryFn: () => api.get<OutgoingDetail>(doc(id)) });

export function useOutgoing(id: string | undefined) {
  return useQuery({
    ...outgoingDetailQuery(id ?? ''),
    enabled: !!id,
    // A version and its appendices convert one after another: poll until none of them is pending.
    refetchInterval: (query) => (query.state.data?.versions.some((v) => v.conversion === 'pending' || v.appendices.some((a) => a.conversion === 'pending')) ? CONVERSION_POLL_MS : false),
  });
}

export function useNumberPreview(id: string) {
  return useQuery({ queryKey: outgoingKeys.numberPreview(id), queryFn: () => api.get<NumberPreview>(doc(id, 'number-preview')), staleTime: 0 });
}

/** Every step changes the document, its queue and its timeline: all outgoing queries are refreshed. */
function useOutgoingStep<TVars, TResult = Ok>(mutationFn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: outgoingKeys.all }) });
}

export const useCreateOutgoing = () => useOutgoingStep((input: CreateOutgoingInput) => api.post<{ id: string; conversion: string }>('/api/outgoing', input));

export const useUpdateOutgoing = () => useOutgoingStep(({ id, input }: { id: string; input: Partial<DraftFields> }) => api.patch<Ok>(doc(id), input));

export const useAddVersion = () =>
  useOutgoingStep(({ id, ...body }: { id: string; fileId: string; note?: string; appendices?: AppendixInput[] }) => api.post<{ version: number; conversion: string }>(doc(id, 'versions'), body));

/** Q-12.2b: the clerk numbers a hand-signed original, then uploads its scan to seal it as the electronic version. */
export const usePaperNumber = () =>
  useOutgoingStep(({ id, paperReason, signedOn }: { id: string; paperReason: string; signedOn?: string }) => api.post<NumberPreview>(doc(id, 'paper/number'), { paperReason, signedOn }));

export const usePaperScan = () => useOutgoingStep(({ id, fileId }: { id: string; fileId: string }) => api.post<{ pages: number }>(doc(id, 'paper/scan'), { fileId }));

/** Records the print of the paper original (audited); answers the issued file to open and print. */
export const usePrintOriginal = () => useOutgoingStep((id: string) => api.post<{ fileId: string }>(doc(id, 'print-original')));

export const useAddComment = () => useOutgoingStep(({ id, body }: { id: string; body: string }) => api.post<Ok>(doc(id, 'comments'), { body }));

export const useSubmitDraft = () => useOutgoingStep((id: string) => api.post<Ok>(doc(id, 'submit')));

export const useApproveDraft = () => useOutgoingStep((id: string) => api.post<Ok>(doc(id, 'approve')));

export const useReturnDraft = () => useOutgoingStep(({ id, reason }: { id: string; reason: string }) => api.post<Ok>(doc(id, 'return'), { reason }));

export const useNumberDocument = () => useOutgoingStep((id: string) => api.post<{ numberAndNotation: string }>(doc(id, 'number')));

export const useRecallOutgoing = () => useOutgoingStep(({ id, reason }: { id: string; reason: string }) => api.post<Ok>(doc(id, 'recall'), { reason }));
