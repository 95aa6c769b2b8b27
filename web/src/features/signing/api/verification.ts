import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';

export type Indication = 'VALID' | 'INVALID' | 'INDETERMINATE';

export interface SignatureReport {
  index: number;
  indication: Indication;
  subIndication?: string;
  message: string;
  warnings: string[];
  signer?: { commonName?: string; organization?: string; issuer: string; serialNumber: string; notAfter: string };
  signingTime?: string;
  reason?: string;
  revocation: 'good' | 'revoked' | 'unknown' | 'not-checked';
  coversWholeFile: boolean;
  changesAfter: string[];
  certification?: number;
  /** The earliest proof that the signature existed; a claimed signing time is none. */
  proofOfExistence?: { time: string; source: 'signature-timestamp' | 'document-timestamp' | 'earlier-check'; by?: string };
  /** This entry is a document timestamp, not a person's signature. */
  documentTimestamp?: boolean;
}

export interface VerificationReport {
  indication: Indication;
  subIndication?: string;
  message: string;
  checkedAt: string;
  fileSha256: string;
  /** Kept with the file (POST); a plain view (GET) is not. */
  kept: boolean;
  signatures: SignatureReport[];
}

export interface PastCheck {
  checkedAt: string;
  checkedBy: string | null;
  indication: Indication;
  subIndication?: string;
  message: string;
}

const file = (fileId: string) => `/api/signing/files/${encodeURIComponent(fileId)}`;

/** The file's signatures checked now against the agency's trust list; a view only, nothing is kept. */
export function useVerification(fileId: string) {
  return useQuery({
    queryKey: ['signing', 'verification', fileId],
    queryFn: () => api.get<VerificationReport>(`${file(fileId)}/verification`),
    staleTime: 60_000,
  });
}

/** Checks again and keeps the check with the file (audited): a kept VALID check later proves the signatures existed. */
export function useKeepVerification(fileId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<VerificationReport>(`${file(fileId)}/verifications`),
    onSuccess: (report) => {
      queryClient.setQueryData(['signing', 'verification', fileId], report);
      void queryClient.invalidateQueries({ queryKey: ['signing', 'verifications', fileId] });
    },
  });
}

/** The checks kept with the file, newest first. */
export function usePastChecks(fileId: string, enabled: boolean) {
  return useQuery({ queryKey: ['signing', 'verifications', fileId], queryFn: () => api.get<PastCheck[]>(`${file(fileId)}/verifications`), enabled });
}
