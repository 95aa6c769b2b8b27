/**
 * The content of the Phiếu giải quyết văn bản đến (NĐ 30 Phụ lục IV mẫu VII) for one document, as
 * printed text: the head's direction, each unit head's hand-on to staff, and what the people
 * handling it reported — the live handling only; a direction replaced or a hand-on recalled is not
 * on the slip (the timeline keeps it).
 */
import type { Db } from '../../infra/db/database.js';
import { legalDate } from '../../infra/time/legal-time.js';
import { notFound } from '../../shared/errors.js';
import { findIncoming, incomingDb } from '../repository.js';
import { agencyHeading, type AgencyHeading } from '../../infra/print/form-pdf.js';
import { agencyNames, loadNames, personName, targetName, type Names } from './form-names.js';
import { printedDate, printedNumber } from '../../infra/print/register-cover.js';
import { documentLine } from './tracking-rows.js';

export interface SlipTarget {
  name: string;
  deadline: string;
}

export interface SlipSignature {
  /** 'Ngày 06 tháng 04 năm 2026' */
  date: string;
  title: string;
  name: string;
}

export interface SlipDirection {
  comment: string | null;
  lead: SlipTarget | null;
  coordinating: SlipTarget[];
  inform: string[];
  /** Người theo dõi, đôn đốc (Q-11.3c) */
  followUp: string;
  deadline: string;
  signature: SlipSignature;
}

export interface SlipUnitOpinion {
  unitName: string;
  note: string | null;
  assignee: string;
  deadline: string;
  signature: SlipSignature;
}

export interface SlipContent {
  heading: AgencyHeading;
  year: number;
  arrivalNumber: number;
  documentLine: string;
  subject: string;
  arrival: string;
  cancelled: string | null;
  direction: SlipDirection | null;
  unitOpinions: SlipUnitOpinion[];
  /** Section 3, one line per report, in the order they were made. */
  proposals: string[];
}

/** NĐ 30 writes a date in full, with leading zeros: 'Ngày 06 tháng 04 năm 2026'. */
export function fullDate(at: Date): string {
  const [y, m, d] = legalDate(at).split('-');
  return `Ngày ${d} tháng ${m} năm ${y}`;
}

function signature(names: Names, userId: string | null, at: Date | null): SlipSignature {
  const person = userId ? names.people.get(userId) : undefined;
  return { date: at ? fullDate(at) : '', title: (person?.positionTitle ?? '').toLocaleUpperCase('vi'), name: person?.fullName ?? '' };
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** One line of section 3 from a progress report, a result or a request for more time. */
function proposal(kind: string, details: Record<string, unknown>, who: string, at: Date): string | null {
  const lead = `Ngày ${printedDate(legalDate(at))}, ${who}`;
  if (kind === 'progress') return `${lead} báo cáo tiến độ: ${str(details.note)}`;
  if (kind === 'finished') return `${lead} báo cáo kết quả: ${str(details.result)}`;
  if (kind === 'extension_requested') return `${lead} đề nghị gia hạn đến ngày ${printedDate(str(details.until))}: ${str(details.reason)}`;
  return null;
}

const byName = (x: SlipTarget, y: SlipTarget) => x.name.localeCompare(y.name, 'vi');

/** The slip of a document of `agencyId`; another agency's document is not found. */
export async function loadSlip(db: Db, agencyId: string, documentId: string): Promise<SlipContent> {
  const doc = await findIncoming(db, documentId);
  if (!doc || doc.agencyId !== agencyId) throw notFound('Văn bản đến');
  const q = incomingDb(db);
  const routing = await q.selectFrom('incoming_routing').selectAll().where('document_id', '=', documentId).executeTakeFirst();
  const assignments = await q.selectFrom('incoming_assignment').selectAll().where('document_id', '=', documentId).where('state', '<>', 'recalled').orderBy('assigned_at').orderBy('id').execute();
  const events = await q
    .selectFrom('incoming_event')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('kind', 'in', ['assigned', 'progress', 'finished', 'extension_requested'])
    .orderBy('id')
    .execute();

  const userIds = [routing?.directed_by, routing?.follow_up_user_id, ...assignments.flatMap((a) => [a.user_id, a.assigned_by]), ...events.map((e) => e.actor_id)].filter((id): id is string => !!id);
  const names = await loadNames(db, agencyId, userIds);
  const agency = await agencyNames(db, agencyId);

  const top = assignments.filter((a) => a.parent_id === null);
  const target = (a: (typeof assignments)[number]): SlipTarget => ({ name: targetName(names, { unitId: a.unit_id, userId: a.user_id }), deadline: printedDate(a.deadline) });
  const directed = routing && (routing.state === 'directed' || routing.state === 'done');
  const lead = top.find((a) => a.role === 'lead');
  const direction: SlipDirection | null = directed
    ? {
        comment: routing.comment,
        lead: lead ? target(lead) : null,
        // By name, as the registers list them: one direction's assignments share their moment, and their ids are random.
        coordinating: top.filter((a) => a.role === 'coordinate').map(target).sort(byName),
        inform: top.filter((a) => a.role === 'inform').map((a) => target(a).name).sort((x, y) => x.localeCompare(y, 'vi')),
        followUp: personName(names, routing.follow_up_user_id),
        deadline: printedDate(routing.deadline ?? lead?.deadline),
        signature: signature(names, routing.directed_by, routing.directed_at),
      }
    : null;

  // The hand-on's note is only in its event; the event is written in the same step, at the same instant.
  const noteOf = (a: (typeof assignments)[number]) => {
    const e = events.find((ev) => ev.kind === 'assigned' && ev.details.assignmentId === a.parent_id && ev.details.userId === a.user_id && ev.at.getTime() === a.assigned_at.getTime());
    return str(e?.details.note) || null;
  };
  const unitOpinions = assignments
    .filter((a) => a.parent_id !== null)
    .map((a) => ({
      unitName: a.unit_id ? (names.units.get(a.unit_id) ?? '') : '',
      note: noteOf(a),
      assignee: personName(names, a.user_id),
      deadline: printedDate(a.deadline),
      signature: signature(names, a.assigned_by, a.assigned_at),
    }));
  const proposals = events.flatMap((e) => proposal(e.kind, e.details, personName(names, e.actor_id), e.at) ?? []);

  return {
    heading: agencyHeading(agency),
    year: doc.year,
    arrivalNumber: doc.arrivalNumber,
    documentLine: documentLine(doc),
    subject: doc.subject,
    arrival: `Số đến: ${printedNumber(doc.arrivalNumber)}, ngày đến: ${printedDate(doc.arrivalDate)}`,
    cancelled: doc.status === 'cancelled' ? `Đã hủy đăng ký${doc.cancelReason ? `: ${doc.cancelReason}` : ''}` : null,
    direction,
    unitOpinions,
    proposals,
  };
}
