import { EventTimeline } from '@/components/event-timeline';
import type { AgencyDirectory } from '@/lib/directory';
import type { TimelineEvent } from '../api/types';
import { formatDate } from './format';
import { timelineKindLabel } from './labels';
import { targetKey, targetName } from './target-options';

type Details = Record<string, unknown>;
type TargetDetail = { unitId?: string; userId?: string; deadline?: string };

const COLORS: Record<string, string> = { finished: 'green', returned_to_clerk: 'red', cancelled: 'red', recalled: 'gray', extension_requested: 'orange', deadline_extended: 'orange' };

const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const deadline = (v: unknown) => (text(v) ? `, hạn ${formatDate(text(v))}` : '');

/** What happened at each step, in words, one line per fact; the server records ids, the reader wants names. */
function describe(kind: string, d: Details, directory: AgencyDirectory): (string | false | undefined)[] {
  const name = (t: TargetDetail) => targetName(targetKey(t), directory);
  switch (kind) {
    case 'registered':
      return [d.arrivalNumber !== undefined && `Số đến ${String(d.arrivalNumber)}`];
    case 'presented':
      return [`Trình ${text(d.toName) ?? directory.personName(text(d.toUserId))}`];
    case 'directed': {
      const lead = d.lead as TargetDetail | undefined;
      const coordinating = (d.coordinating as TargetDetail[] | undefined) ?? [];
      const inform = (d.inform as TargetDetail[] | undefined) ?? [];
      return [
        lead && `Chủ trì: ${name(lead)}${deadline(lead.deadline)}`,
        coordinating.length > 0 && `Phối hợp: ${coordinating.map((c) => `${name(c)}${deadline(c.deadline)}`).join('; ')}`,
        inform.length > 0 && `Để biết: ${inform.map(name).join('; ')}`,
        text(d.deadline) && `Thời hạn chung: ${formatDate(text(d.deadline))}`,
        text(d.followUpUserId) && `Theo dõi, đôn đốc: ${directory.personName(text(d.followUpUserId))}`,
        text(d.comment) && `Ý kiến: “${text(d.comment)}”`,
      ];
    }
    case 'assigned':
      return [`Giao ${text(d.userName) ?? directory.personName(text(d.userId))}${deadline(d.deadline)}`, text(d.note)];
    case 'progress':
      return [text(d.note)];
    case 'extension_requested':
      return [`Đề nghị gia hạn đến ${formatDate(text(d.until))}`, text(d.reason) && `Lý do: ${text(d.reason)}`];
    case 'deadline_extended':
      return [`Từ ${formatDate(text(d.from))} đến ${formatDate(text(d.until))}`];
    case 'finished':
      return [text(d.result) && `Kết quả: ${text(d.result)}`, d.documentDone === true && 'Văn bản đã giải quyết xong'];
    case 'recalled':
    case 'returned_to_clerk':
    case 'cancelled':
      return [text(d.reason) && `Lý do: ${text(d.reason)}`];
    default:
      return [];
  }
}

export function TimelineCard({ events, directory }: { events: TimelineEvent[]; directory: AgencyDirectory }) {
  const entries = events.map((e) => ({
    kind: e.kind,
    at: e.at,
    who: directory.personName(e.actorId),
    label: timelineKindLabel(e.kind),
    color: COLORS[e.kind] ?? 'blue',
    lines: describe(e.kind, (e.details ?? {}) as Details, directory),
  }));
  return <EventTimeline entries={entries} testId="timeline" />;
}
