import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '@/lib/api';
import type { IncomingDocument, IncomingFilters, LateDocument, RegisterIncomingInput } from './types';

export const incomingKeys = {
  all: ['incoming'] as const,
  list: (filters: IncomingFilters) => ['incoming', 'list', filters] as const,
  detail: (id: string) => ['incoming', 'detail', id] as const,
  routing: (id: string) => ['incoming', 'routing', id] as const,
  timeline: (id: string) => ['incoming', 'timeline', id] as const,
  tasks: () => ['incoming', 'tasks'] as const,
  late: (year?: number) => ['incoming', 'late', year ?? 'current'] as const,
};

const PAGE_SIZE = 100;

/** Newest số đến first, as the server orders it; each further page continues the list. */
export function useIncomingList(filters: IncomingFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: incomingKeys.list(filters),
    queryFn: ({ pageParam }) => api.get<IncomingDocument[]>('/api/incoming', { ...filters, returned: filters.returned?.toString(), limit: PAGE_SIZE, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => (last.length === PAGE_SIZE ? pages.length * PAGE_SIZE : undefined),
    enabled,
  });
}

/** The newest entry of the year, whose số đến is how many numbers the register has issued. */
export function useLatestIncoming(enabled = true) {
  return useQuery({
    queryKey: [...incomingKeys.all, 'latest'],
    queryFn: async () => (await api.get<IncomingDocument[]>('/api/incoming', { limit: 1 }))[0] ?? null,
    enabled,
  });
}

export function useIncoming(id: string | undefined) {
  return useQuery({
    queryKey: incomingKeys.detail(id ?? ''),
    queryFn: () => api.get<IncomingDocument>(`/api/incoming/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

/**
 * Several documents by id, for queues the server gives as bare ids (tasks/mine). Shares the cache
 * with the document page, so opening one from a queue is instant.
 */
export function useIncomingDocuments(ids: string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: incomingKeys.detail(id),
      queryFn: () => api.get<IncomingDocument>(`/api/incoming/${encodeURIComponent(id)}`),
    })),
    combine: (results) => ({
      byId: new Map(results.flatMap((r) => (r.data ? [[r.data.id, r.data] as const] : []))),
      isPending: results.some((r) => r.isPending),
      error: results.find((r) => r.error)?.error ?? null,
    }),
  });
}

/**
 * Whether a refusal means "this server does not have that route yet": 404, or a 400 because a
 * fixed word such as "late" fell through to the `/:id` route and failed its uuid check.
 */
export function isMissingRoute(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.status === 404 && error.code === 'NOT_FOUND') return true;
  const details = Array.isArray(error.details) ? (error.details as { field?: string }[]) : [];
  return error.status === 400 && details.some((d) => d.field === 'params/id');
}

/** Documents registered or presented late (Q-6.2b); null when the server does not offer the report yet. */
export function useLateDocuments(year: number | undefined, enabled = true) {
  return useQuery({
    queryKey: incomingKeys.late(year),
    queryFn: async () => {
      try {
        return await api.get<LateDocument[]>('/api/incoming/late', { year });
      } catch (error) {
        if (isMissingRoute(error)) return null;
        throw error;
      }
    },
    enabled,
  });
}

export function useRegisterIncoming() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RegisterIncomingInput) => api.post<IncomingDocument>('/api/incoming', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incomingKeys.all }),
  });
}

export function useCancelIncoming() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => api.post<IncomingDocument>(`/api/incoming/${id}/cancel`, { reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incomingKeys.all }),
  });
}
