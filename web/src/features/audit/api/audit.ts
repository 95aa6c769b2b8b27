import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  agencyId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  details: unknown;
  ip: string | null;
}

export interface AuditFilters {
  agencyId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
}

export interface ChainProblem {
  seq: number;
  /**
   * altered: the entry's content no longer matches its hash; link: entries removed, inserted or
   * reordered before it; legacy_date: written before the fix with a date hashed as {} (not tampering).
   */
  kind: 'altered' | 'link' | 'legacy_date';
  afterSeq?: number | null;
  reason: string;
}

export interface AuditVerification {
  checked: number;
  /** Every problem found (the server lists the first 1000; problemCount is the total). */
  problems: ChainProblem[];
  problemCount: number;
}

const PAGE_SIZE = 100;

/** Newest first; each further page continues below the oldest entry already shown. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) => api.get<AuditEntry[]>('/api/audit', { ...filters, beforeSeq: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.length === PAGE_SIZE ? last[last.length - 1]?.seq : undefined),
  });
}

/** A read, but one the administrator triggers on purpose and may repeat, hence a mutation. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.get<AuditVerification>('/api/audit/verify') });
}
