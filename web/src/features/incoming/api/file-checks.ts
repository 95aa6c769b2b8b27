import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Prefill, ScanReport } from './types';

/**
 * Reads of an uploaded main file for the registration form. Both only read a stored file, which
 * never changes, so each file is asked about once.
 */

/** Number, symbol, date, issuer, type, summary, signer and pages as the server reads them off the PDF. */
export function usePrefill(fileId: string | undefined) {
  return useQuery({
    queryKey: ['incoming', 'prefill', fileId],
    queryFn: () => api.post<Prefill>('/api/incoming/prefill', { fileId }),
    enabled: !!fileId,
    staleTime: Infinity,
    retry: false,
  });
}

/** A paper document's scan against the digitisation standard, page by page (Q-11.2b). */
export function useScanCheck(fileId: string | undefined) {
  return useQuery({
    queryKey: ['incoming', 'scan-check', fileId],
    queryFn: () => api.post<ScanReport>('/api/incoming/scan-check', { fileId }),
    enabled: !!fileId,
    staleTime: Infinity,
    retry: false,
  });
}
