import { useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import type { IncomingFilters } from '../api/types';

export type Queue = 'all' | 'toPresent' | 'returned' | 'late';

/** Vietnamese URL words, so a filtered list can be bookmarked, shared and survives "Back". */
const QUEUE_SLUGS: Record<Queue, string> = { all: '', toPresent: 'cho-trinh', returned: 'bi-tra-lai', late: 'tre-han' };

/** A date in the URL, YYYY-MM-DD; anything else is ignored rather than sent on to be refused. */
const isoDate = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).isValid() ? value : undefined);

const int = (value: string | null) => {
  const n = value ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
};

export interface ListParams {
  queue: Queue;
  /** What the search box shows (sent to the server after a pause in typing). */
  search: string;
  /** What the filter bar sets; the queue adds its own conditions (see queueFilters). */
  filters: Omit<IncomingFilters, 'q' | 'routingState' | 'returned'> & { year: number };
}

export type ListParamsUpdate = Omit<Partial<ListParams>, 'filters'> & { filters?: Partial<ListParams['filters']> };

export function useListParams() {
  const [params, setParams] = useSearchParams();
  const slug = params.get('hang');
  const queue = (Object.keys(QUEUE_SLUGS) as Queue[]).find((q) => slug && QUEUE_SLUGS[q] === slug) ?? 'all';
  const status = params.get('trangThai');
  const value: ListParams = {
    queue,
    search: params.get('tim') ?? '',
    filters: {
      year: int(params.get('nam')) ?? dayjs().year(),
      urgency: int(params.get('doKhan')),
      status: status === 'registered' || status === 'cancelled' ? status : undefined,
      fromNumber: int(params.get('tuSo')),
      toNumber: int(params.get('denSo')),
      fromDate: isoDate(params.get('tuNgay')),
      toDate: isoDate(params.get('denNgay')),
      issuedFrom: isoDate(params.get('vbTuNgay')),
      issuedTo: isoDate(params.get('vbDenNgay')),
    },
  };

  const update = (next: ListParamsUpdate) => {
    const merged = { ...value, ...next, filters: { ...value.filters, ...next.filters } };
    const out: Record<string, string> = {};
    if (QUEUE_SLUGS[merged.queue]) out.hang = QUEUE_SLUGS[merged.queue];
    if (merged.search) out.tim = merged.search;
    if (merged.filters.year !== dayjs().year()) out.nam = String(merged.filters.year);
    if (merged.filters.urgency !== undefined) out.doKhan = String(merged.filters.urgency);
    if (merged.filters.status) out.trangThai = merged.filters.status;
    if (merged.filters.fromNumber) out.tuSo = String(merged.filters.fromNumber);
    if (merged.filters.toNumber) out.denSo = String(merged.filters.toNumber);
    if (merged.filters.fromDate) out.tuNgay = merged.filters.fromDate;
    if (merged.filters.toDate) out.denNgay = merged.filters.toDate;
    if (merged.filters.issuedFrom) out.vbTuNgay = merged.filters.issuedFrom;
    if (merged.filters.issuedTo) out.vbDenNgay = merged.filters.issuedTo;
    // Typing in the search box should not fill the browser history with one entry per key.
    setParams(out, { replace: true });
  };

  return [value, update] as const;
}

/**
 * The clerk's queues over the register. Chờ trình: not yet presented to the head, leaving out what
 * was sent back; Bị trả lại: the head sent it back to the clerk and it has not been presented
 * again (the reason stands on the document's page). Cancelled entries belong to neither.
 */
export function queueFilters(queue: Queue): Pick<IncomingFilters, 'status' | 'routingState' | 'returned'> {
  if (queue === 'toPresent') return { status: 'registered', routingState: 'registered', returned: false };
  if (queue === 'returned') return { status: 'registered', returned: true };
  return {};
}
