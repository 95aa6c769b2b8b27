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
