import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';

export interface QueueCounts {
  queue: string;
  waiting: number;
  running: number;
  /** Failed, waiting for its next attempt. */
  retry: number;
  /** Attempts used up: waits for the administrator. */
  dead: number;
  done: number;
}

export interface FailedJob {
  id: number;
  queue: string;
  state: 'dead' | 'waiting';
  attempts: number;
  lastError: string | null;
  runAt: string;
  finishedAt: string | null;
  createdAt: string;
}

export interface JobsOverview {
  queues: QueueCounts[];
  failures: FailedJob[];
}

const key = ['jobs'] as const;

/** Refreshed every few seconds: the page shows work moving. */
export function useJobs() {
  return useQuery({ queryKey: key, queryFn: () => api.get<JobsOverview>('/api/jobs'), refetchInterval: 5000 });
}

export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<{ ok: true }>(`/api/jobs/${id}/retry`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
