import { useQuery } from '@tanstack/react-query';
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

/** The file's signatures checked now against the agency's trust list. */
export function useVerification(fileId: string) {
  return useQuery({
    queryKey: ['signing', 'verification', fileId],
    queryFn: () => api.get<VerificationReport>(`/api/signing/files/${encodeURIComponent(fileId)}/verification`),
    staleTime: 60_000,
  });
}
