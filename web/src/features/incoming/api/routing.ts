import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { incomingKeys } from './incoming';
import type { DirectInput, MyTasks, Routing, TimelineEvent } from './types';

type Ok = { ok: true };

export function useRouting(id: string | undefined) {
  return useQuery({
    queryKey: incomingKeys.routing(id ?? ''),
    queryFn: () => api.get<Routing>(`/api/incoming/${encodeURIComponent(id!)}/routing`),
    enabled: !!id,
  });
}

export function useTimeline(id: string | undefined) {
  return useQuery({
    queryKey: incomingKeys.timeline(id ?? ''),
    queryFn: () => api.get<TimelineEvent[]>(`/api/incoming/${encodeURIComponent(id!)}/timeline`),
    enabled: !!id,
  });
}

/** Assignments to me or my unit, documents presented to me, and late ones I follow up. */
export function useMyTasks(enabled = true) {
  return useQuery({ queryKey: incomingKeys.tasks(), queryFn: () => api.get<MyTasks>('/api/incoming/tasks/mine'), enabled });
}

/**
 * One step of the routing changes the document's state, its assignments, its timeline and
 * somebody's queue at once, so every incoming query is refreshed.
 */
function useRoutingStep<TVars>(mutationFn: (vars: TVars) => Promise<Ok>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: incomingKeys.all }) });
}

const doc = (id: string, step: string) => `/api/incoming/${encodeURIComponent(id)}/${step}`;
const task = (id: string, step: string) => `/api/incoming/assignments/${encodeURIComponent(id)}/${step}`;

export const usePresent = () => useRoutingStep(({ id, toUserId }: { id: string; toUserId: string }) => api.post<Ok>(doc(id, 'present'), { toUserId }));

export const useDirect = () => useRoutingStep(({ id, input }: { id: string; input: DirectInput }) => api.post<Ok>(doc(id, 'direct'), input));

export const useReturnToClerk = () => useRoutingStep(({ id, reason }: { id: string; reason: string }) => api.post<Ok>(doc(id, 'return'), { reason }));

export const useAssignStaff = () =>
  useRoutingStep(({ id, ...body }: { id: string; userId: string; deadline?: string; note?: string }) => api.post<Ok>(task(id, 'assign'), body));

export const useReportProgress = () => useRoutingStep(({ id, note }: { id: string; note: string }) => api.post<Ok>(task(id, 'progress'), { note }));

export const useFinishAssignment = () => useRoutingStep(({ id, result }: { id: string; result: string }) => api.post<Ok>(task(id, 'finish'), { result }));

export const useRecallAssignment = () => useRoutingStep(({ id, reason }: { id: string; reason: string }) => api.post<Ok>(task(id, 'recall'), { reason }));

export const useRequestExtension = () =>
  useRoutingStep(({ id, until, reason }: { id: string; until: string; reason: string }) => api.post<Ok>(task(id, 'extension-request'), { until, reason }));

export const useExtendDeadline = () => useRoutingStep(({ id, until }: { id: string; until: string }) => api.post<Ok>(task(id, 'deadline'), { until }));
