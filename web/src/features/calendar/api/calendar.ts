import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '@/lib/api';

export interface CalendarDay {
  date: string;
  working: boolean;
  reason: string;
  name?: string;
}

export interface CalendarYear {
  year: number;
  days: CalendarDay[];
}

export interface OverrideInput {
  date: string;
  kind: 'holiday' | 'working';
  name: string;
}

const calendarKey = (year: number) => ['calendar', year] as const;

/**
 * The days that break the Monday–Friday pattern. Null when the server has no calendar yet:
 * the calendar module ships separately, so a 404 means "not available", not an error.
 */
export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: calendarKey(year),
    queryFn: async () => {
      try {
        return await api.get<CalendarYear>(`/api/calendar/${year}`);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function useAddOverride() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OverrideInput) => api.post<unknown>('/api/calendar/overrides', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['calendar'] }),
  });
}

export function useRemoveOverride() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (date: string) => api.delete<unknown>(`/api/calendar/overrides/${date}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['calendar'] }),
  });
}
