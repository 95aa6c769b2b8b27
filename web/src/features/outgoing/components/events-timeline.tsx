import { EventTimeline } from '@/components/event-timeline';
import type { OutgoingEvent } from '../api/types';
import { EVENT_COLORS, eventKindLabel } from './labels';

type Details = Record<string, unknown>;

const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n));

/** What happened at each step, in words; the server records ids and codes. */
function describe(kind: string, d: Details): (string | false | undefined)[] {
  if (kind.startsWith('recipient.')) {
    return [text(d.recipient), num(d.arrivalNumber) !== undefined && `Số đến ${num(d.arrivalNumber)}`, text(d.reason) && `Lý do: ${text(d.reason)}`];
  }
  switch (kind) {
    case 'created':
    case 'submitted':
    case 'approved':
    case 'signed':
      return [num(d.version) !== undefined && `Phiên bản ${num(d.version)}`];
    case 'version':
      return [`Phiên bản ${num(d.version) ?? ''}`, text(d.note)];
    case 'edited':
      return [d.backToDraft === true && 'Đã sửa sau khi duyệt: dự thảo phải duyệt lại'];
    case 'numbered':
      return [num(d.number) !== undefined && `Số, ký hiệu: ${twoDigits(num(d.number)!)}/${text(d.notation) ?? ''}`];
    case 'delivered':
      return [num(d.internal) !== undefined && `${num(d.internal)} cơ quan trong hệ thống`];
    case 'returned':
    case 'recalled':
      return [text(d.reason) && `Lý do: ${text(d.reason)}`];
    default:
      return [];
  }
}

export function EventsTimeline({ events, personName }: { events: OutgoingEvent[]; personName: (id: string | null | undefined) => string }) {
  const entries = events.map((e) => ({
    kind: e.kind,
    at: e.at,
    who: e.actorId ? personName(e.actorId) : 'Hệ thống',
    label: eventKindLabel(e.kind),
    color: EVENT_COLORS[e.kind] ?? 'blue',
    lines: describe(e.kind, (e.details ?? {}) as Details),
  }));
  return <EventTimeline entries={entries} testId="outgoing-timeline" />;
}
