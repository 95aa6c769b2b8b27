import { useQuery, useQueryClient } from '@tanstack/react-query';
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
}

export interface VerificationReport {
  indication: Indication;
  subIndication?: string;
  message: string;
  checkedAt: string;
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

/** The file's signatures checked now against the agency's trust list; the check is kept with the file. */
export function useVerification(fileId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['signing', 'verification', fileId],
    queryFn: async () => {
      const report = await api.get<VerificationReport>(`${file(fileId)}/verification`);
      void queryClient.invalidateQueries({ queryKey: ['signing', 'verifications', fileId] });
      return report;
    },
    staleTime: 60_000,
  });
}

/** The checks kept with the file, newest first. */
export function usePastChecks(fileId: string, enabled: boolean) {
  return useQuery({ queryKey: ['signing', 'verifications', fileId], queryFn: () => api.get<PastCheck[]>(`${file(fileId)}/verifications`), enabled });
}
