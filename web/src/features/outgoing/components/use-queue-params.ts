import { useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import type { Session } from '@/types/api';
import type { OutgoingQueue } from '../api/types';

/** Vietnamese URL words, so a queue can be bookmarked, shared and survives "Back". */
const QUEUE_SLUGS: Record<OutgoingQueue, string> = { mine: 'cua-toi', approve: 'cho-duyet', sign: 'cho-ky', issue: 'cho-phat-hanh', issued: 'da-phat-hanh' };

/** The queue a person most often opens: the clerk issues, leaders sign, unit heads approve, others draft. */
export function defaultQueue(session: Session): OutgoingQueue {
  const has = (role: string) => session.roles.some((r) => r === role);
  if (has('clerk')) return 'issue';
  if (has('agency_head') || has('deputy_head')) return 'sign';
  if (has('unit_head')) return 'approve';
  return 'mine';
}

export function useQueueParams(fallback: OutgoingQueue) {
  const [params, setParams] = useSearchParams();
  const slug = params.get('hang');
  const queue = (Object.keys(QUEUE_SLUGS) as OutgoingQueue[]).find((q) => QUEUE_SLUGS[q] === slug) ?? fallback;
  const yearParam = Number.parseInt(params.get('nam') ?? '', 10);
  const value = { queue, search: params.get('tim') ?? '', year: Number.isFinite(yearParam) ? yearParam : dayjs().year() };

  const update = (next: Partial<typeof value>) => {
    const merged = { ...value, ...next };
    const out: Record<string, string> = {};
    if (merged.queue !== fallback) out.hang = QUEUE_SLUGS[merged.queue];
    if (merged.search) out.tim = merged.search;
    if (merged.year !== dayjs().year()) out.nam = String(merged.year);
    // Typing in the search box should not fill the browser history with one entry per key.
    setParams(out, { replace: true });
  };

  return [value, update] as const;
}
