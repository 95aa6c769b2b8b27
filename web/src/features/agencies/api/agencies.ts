import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { directoryKeys } from '@/lib/directory';
import type { Agency, Unit } from '@/types/api';

export interface AgencyInput {
  parentId?: string | null;
  code: string;
  adminCode: string;
  name: string;
  abbreviation: string;
  address?: string;
  email?: string | null;
  phone?: string | null;
}

export type AgencyPatch = Partial<Omit<AgencyInput, 'code'>> & { disabled?: boolean };

export interface UnitInput {
  name: string;
  abbreviation: string;
}

export type UnitPatch = Partial<UnitInput> & { disabled?: boolean };

/** Any change in the directory can show up in lists, details and selects alike. */
function useDirectoryMutation<TVars, TResult>(mutationFn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: directoryKeys.all }) });
}

export const useCreateAgency = () => useDirectoryMutation((input: AgencyInput) => api.post<Agency>('/api/agencies', input));

export const useUpdateAgency = () =>
  useDirectoryMutation(({ id, patch }: { id: string; patch: AgencyPatch }) => api.patch<Agency>(`/api/agencies/${id}`, patch));

export const useCreateUnit = () =>
  useDirectoryMutation(({ agencyId, input }: { agencyId: string; input: UnitInput }) => api.post<Unit>(`/api/agencies/${agencyId}/units`, input));

export const useUpdateUnit = () =>
  useDirectoryMutation(({ agencyId, unitId, patch }: { agencyId: string; unitId: string; patch: UnitPatch }) =>
    api.patch<Unit>(`/api/agencies/${agencyId}/units/${unitId}`, patch),
  );
