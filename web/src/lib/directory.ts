/** Read-side queries on agencies, units and people, used by several features. */
import { useQuery } from '@tanstack/react-query';
import type { Agency, AgencyDetail, User } from '@/types/api';
import { api } from './api';

export const directoryKeys = {
  all: ['directory'] as const,
  agencies: () => ['directory', 'agencies'] as const,
  agency: (id: string) => ['directory', 'agency', id] as const,
  users: (agencyId?: string) => ['directory', 'users', agencyId ?? 'own'] as const,
};

export function useAgencies() {
  return useQuery({ queryKey: directoryKeys.agencies(), queryFn: () => api.get<Agency[]>('/api/agencies') });
}

export function useAgency(id: string | undefined) {
  return useQuery({
    queryKey: directoryKeys.agency(id ?? ''),
    queryFn: () => api.get<AgencyDetail>(`/api/agencies/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

/** People of one agency; without an id, the caller's own agency. */
export function useUsers(agencyId?: string, enabled = true) {
  return useQuery({ queryKey: directoryKeys.users(agencyId), queryFn: () => api.get<User[]>('/api/users', { agencyId }), enabled });
}

/** Agencies ordered parent-first so nested ones read naturally in a flat select. */
export function agencyOptions(agencies: Agency[] | undefined, includeDisabled = false) {
  return (agencies ?? [])
    .filter((a) => includeDisabled || !a.disabled)
    .map((a) => ({ value: a.id, label: a.disabled ? `${a.name} (ngừng hoạt động)` : a.name }));
}

/**
 * People and units of one agency with name look-ups, for screens that receive bare ids from the
 * server (assignments, timelines). While loading, names show as "…" rather than raw ids.
 */
export function useAgencyDirectory(agencyId: string) {
  const users = useUsers(agencyId);
  const agency = useAgency(agencyId);
  const people = users.data ?? [];
  const units = agency.data?.units ?? [];
  const personById = new Map(people.map((u) => [u.id, u]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  const fallback = users.isPending || agency.isPending ? '…' : 'Không xác định';
  return {
    people,
    units,
    isPending: users.isPending || agency.isPending,
    person: (id: string | null | undefined) => (id ? personById.get(id) : undefined),
    personName: (id: string | null | undefined) => (id ? (personById.get(id)?.fullName ?? fallback) : '—'),
    unitName: (id: string | null | undefined) => (id ? (unitById.get(id)?.name ?? fallback) : '—'),
  };
}

export type AgencyDirectory = ReturnType<typeof useAgencyDirectory>;
