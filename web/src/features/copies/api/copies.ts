import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { PrepareInput, SignatureAnswer, SigningRequest } from '@/types/api';

export type CopyForm = 'SAO Y' | 'SAO LỤC' | 'TRÍCH SAO';
export const COPY_FORMS: CopyForm[] = ['SAO Y', 'SAO LỤC', 'TRÍCH SAO'];

export interface PageRange {
  from: number;
  to: number;
}

/** A copy of a document (NĐ 30 Điều 25): made from paper by signing its scan, or printed from the electronic one. */
export interface DocumentCopy {
  id: string;
  sourceId: string;
  form: CopyForm;
  direction: 'digitised' | 'printed';
  state: 'prepared' | 'signed' | 'printed';
  pages: PageRange | null;
  numberAndNotation: string | null;
  signer: { userId: string; position: string; name: string } | null;
  fileId: string | null;
  madeBy: string;
  madeAt: string;
}

export interface PrintCopyInput {
  incomingId: string;
  form: CopyForm;
  signerId: string;
  signerPosition?: string;
  signerAuthority?: string;
  toPlaces: string;
  pages?: PageRange;
}

const keys = { of: (incomingId: string) => ['copies', 'incoming', incomingId] as const };

export function useCopies(incomingId: string) {
  return useQuery({ queryKey: keys.of(incomingId), queryFn: () => api.get<DocumentCopy[]>('/api/copies', { sourceType: 'incoming', sourceId: incomingId }) });
}

function useCopyMutation<TVars, TResult>(incomingId: string, mutationFn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.of(incomingId) }) });
}

export const usePrintCopy = (incomingId: string) =>
  useCopyMutation(incomingId, (input: PrintCopyInput) => api.post<{ copy: DocumentCopy; fileId: string }>('/api/copies/printed', input));

/** The digitised copy's two signing steps, shaped as the signing dialog expects them. */
export function useDigitisedSigning(incomingId: string, form: CopyForm, pages: PageRange | undefined) {
  return {
    prepare: useMutation({ mutationFn: ({ certificateId }: PrepareInput) => api.post<SigningRequest>('/api/copies/digitised/prepare', { incomingId, form, certificateId, pages }) }),
    complete: useCopyMutation(incomingId, (answer: SignatureAnswer) => api.post<DocumentCopy>('/api/copies/digitised/complete', answer)),
  };
}
