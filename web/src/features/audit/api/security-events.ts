import { useInfiniteQuery } from '@tanstack/react-query';
import { api, withQuery } from '@/lib/api';

/** One aggregated refused attempt: identical events of one minute share a row with a count. */
export interface SecurityEvent {
  id: number;
  firstAt: string;
  lastAt: string;
  count: number;
  kind: string;
  code: string | null;
  actorId: string | null;
  actorName: string | null;
  agencyId: string | null;
  ip: string | null;
  method: string | null;
  route: string | null;
  url: string | null;
  details: Record<string, unknown>;
}

export interface SecurityEventFilters {
  agencyId?: string;
  kind?: string;
  from?: string;
  to?: string;
}

const PAGE_SIZE = 100;

export function useSecurityEvents(filters: SecurityEventFilters) {
  return useInfiniteQuery({
    queryKey: ['security-events', filters],
    queryFn: ({ pageParam }) => api.get<SecurityEvent[]>('/api/audit/security-events', { ...filters, beforeId: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.length === PAGE_SIZE ? last[last.length - 1]?.id : undefined),
  });
}

/** The Excel export for an incident report (Q-24.4đ): a plain download link with the same filters. */
export const securityEventsExportUrl = (filters: SecurityEventFilters) => withQuery('/api/audit/security-events/export', { ...filters });
