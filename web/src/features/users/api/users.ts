import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@/config/roles';
import { api } from '@/lib/api';
import { directoryKeys } from '@/lib/directory';
import type { User } from '@/types/api';

export interface NewUser {
  username: string;
  fullName: string;
  password: string;
  agencyId: string;
  unitId: string | null;
  positionTitle: string | null;
  email: string | null;
  phone: string | null;
  roles: Role[];
}

export type UserPatch = Partial<Pick<User, 'fullName' | 'unitId' | 'positionTitle' | 'email' | 'phone' | 'roles' | 'disabled'>>;

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewUser) => api.post<User>('/api/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: directoryKeys.all }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UserPatch }) => api.patch<User>(`/api/users/${id}`, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: directoryKeys.all }),
  });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: string; newPassword: string }) => api.post<{ ok: true }>(`/api/users/${id}/password`, { newPassword }),
    // A new password ends the account's login locks.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['login-locks'] }),
  });
}

/** A login lock in force: on one address (locked) or across unknown addresses (slowed). */
export interface LoginLock {
  username: string;
  ip: string | null;
  until: string;
  kind: 'locked' | 'slowed';
}

export function useLoginLocks() {
  return useQuery({ queryKey: ['login-locks'], queryFn: () => api.get<LoginLock[]>('/api/auth/locks'), refetchInterval: 60_000 });
}

export function useUnlockLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ ok: true }>(`/api/users/${id}/unlock`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['login-locks'] }),
  });
}
