import { createContext, useContext } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { paths } from '@/config/paths';
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

/**
 * The shell hands its session down through context rather than each screen reading the query:
 * when a 401 clears the session, screens still mounted for that last render keep a valid value
 * while the shell redirects to the login page.
 */
export const SessionContext = createContext<Session | null>(null);

/** For screens inside the logged-in shell. */
export function useCurrentSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useCurrentSession used outside the logged-in shell');
  return session;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { username: string; password: string }) => api.post<Session>('/api/auth/login', credentials),
    onSuccess: (session) => {
      // A different person may log in on the same tab: nothing cached may leak across. The session
      // query itself is kept (not removed) so the screens watching it see the new value.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}

export function useLogout() {
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/api/auth/logout'),
    // A full page load, not a client-side navigation: it drops every byte of the previous
    // person's data held in memory. Done even if the call failed (session already gone).
    onSettled: () => window.location.replace(paths.login.getHref()),
  });
}

export function hasRole(session: Session | null | undefined, ...roles: Role[]): boolean {
  return !!session && roles.some((role) => session.roles.includes(role));
}
