import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@/config/roles';
import type { Session } from '@/types/api';
import { api, ApiError } from './api';

export const sessionQueryKey = ['auth', 'session'] as const;

/** Null means "not logged in": a 401 here is an answer, not a failure. */
async function fetchSession(): Promise<Session | null> {
  try {
    return await api.get<Session>('/api/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

/** For screens inside the logged-in shell, which only renders once the session is known. */
export function useCurrentSession(): Session {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentSession used outside the logged-in shell');
  return data;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { username: string; password: string }) => api.post<Session>('/api/auth/login', credentials),
    onSuccess: (session) => {
      // A different person may log in on the same tab: nothing cached may leak across.
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/api/auth/logout'),
    // Even if the server call fails (session already gone), the person wants out.
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}

export function hasRole(session: Session | null | undefined, ...roles: Role[]): boolean {
  return !!session && roles.some((role) => session.roles.includes(role));
}
