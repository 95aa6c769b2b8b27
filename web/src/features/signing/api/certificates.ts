import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Certificate } from '@/types/api';

/** My personal certificates and my agency's (on its key devices), with expiry warnings. */
export function useCertificates() {
  return useQuery({ queryKey: ['signing', 'certificates'], queryFn: () => api.get<Certificate[]>('/api/signing/certificates') });
}
