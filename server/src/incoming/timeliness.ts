import type { Ctx } from '../infra/context.js';
import { requireActor } from '../infra/context.js';
import { legalDate, legalYear } from '../infra/time/legal-time.js';
import { loadWorkingCalendar } from '../infra/time/calendar.js';
import type { WorkingCalendar } from '../infra/time/working-days.js';
import { incomingDb } from './repository.js';

/**
 * Timeliness of the clerk's work (Q-6.2b, NĐ30 Art. 4.2.c, 18, 23): a document is registered,
 * presented and handed on for handling ("đăng ký, trình và chuyển giao") on the day it arrives, at
 * the latest the next working day; urgent ones (Khẩn and above) at once — taken here as within
 * URGENT_HOURS, a value an agency may revise. A Hỏa tốc hẹn giờ document (urgency 4) must besides
 * be through each step by its appointed time, when that time is still ahead.
 *
 * The steps: register (from arrival), present to the head (from registration), and hand on (from
 * the head's direction until the lead reaches the person who handles it: at once when the head
 * named a person, else when the lead unit's head hands it to staff or finishes it).
 */
export const TIMELINESS = { urgentHours: 2 } as const;

export type Lateness = { step: 'register' | 'present' | 'forward'; limit: string; actual: string | null; hoursLate: number };

export interface TimelinessFacts {
  urgency: number;
  /** The appointed time of a Hỏa tốc hẹn giờ document. */
  urgentDeadline?: Date | null;
  arrivedAt: Date;
  registeredAt: Date;
  presentedAt: Date | null;
  /** When the live lead assignment was given (the head's direction); absent until directed. */
  directedAt?: Date | null;
  /** When the lead reached its handler; null while it waits for the unit head. */
  forwardedAt?: Date | null;
}

/** The end (24:00 Vietnam time) of the working day after `date`; the legal limit of the ordinary rule. */
function endOfNextWorkingDay(date: string, calendar: WorkingCalendar): Date {
  const limitDay = calendar.nextWorkingDay(date);
  return new Date(Date.parse(`${limitDay}T00:00:00+07:00`) + 24 * 3600 * 1000);
}

export function lateness(doc: TimelinessFacts, now: Date, calendar: WorkingCalendar): Lateness[] {
  const urgent = doc.urgency >= 1;
  const appointed = doc.urgency === 4 ? (doc.urgentDeadline ?? null) : null;
  const limitFrom = (start: Date) => {
    if (!urgent) return endOfNextWorkingDay(legalDate(start), calendar);
    const atOnce = new Date(start.getTime() + TIMELINESS.urgentHours * 3600 * 1000);
    // An appointment already past when the step began cannot be kept; "at once" still applies.
    return appointed && appointed > start && appointed < atOnce ? appointed : atOnce;
  };
  const out: Lateness[] = [];
  const check = (step: Lateness['step'], start: Date, actual: Date | null) => {
    const limit = limitFrom(start);
    const at = actual ?? now;
    if (at > limit) out.push({ step, limit: limit.toISOString(), actual: actual?.toISOString() ?? null, hoursLate: Math.round(((at.getTime() - limit.getTime()) / 3600000) * 10) / 10 });
  };
  check('register', doc.arrivedAt, doc.registeredAt);
  // A head who directs a document never formally presented has it in hand: presenting is done.
  check('present', doc.registeredAt, doc.presentedAt ?? doc.directedAt ?? null);
  if (doc.directedAt) check('forward', doc.directedAt, doc.forwardedAt ?? null);
  return out;
}

/** Documents of the year registered, presented or handed on later than allowed, or still waiting past their limit. */
export async function lateDocuments(ctx: Ctx, year?: number) {
  const actor = requireActor(ctx);
  const now = ctx.clock.now();
  const q = incomingDb(ctx.db);
  const forYear = year ?? legalYear(now);
  const rows = await q
    .selectFrom('incoming_document as d')
    .innerJoin('incoming_routing as r', 'r.document_id', 'd.id')
    .select(['d.id', 'd.arrival_number', 'd.urgency', 'd.urgent_deadline', 'd.arrived_at', 'd.registered_at', 'd.subject', 'r.presented_at'])
    .where('d.agency_id', '=', actor.agencyId)
    .where('d.year', '=', forYear)
    .where('d.status', '=', 'registered')
    .orderBy('d.arrival_number')
    .execute();
  // The live lead of each directed document, and when it first reached a person.
  const leads = await q
    .selectFrom('incoming_assignment as a')
    .innerJoin('incoming_document as d', 'd.id', 'a.document_id')
    .select((eb) => [
      'a.document_id',
      'a.user_id',
      'a.assigned_at',
      'a.finished_at',
      eb.selectFrom('incoming_assignment as c').select((c) => c.fn.min<Date>('c.assigned_at').as('first')).whereRef('c.parent_id', '=', 'a.id').as('handed_on_at'),
    ])
    .where('d.agency_id', '=', actor.agencyId)
    .where('d.year', '=', forYear)
    .where('a.role', '=', 'lead')
    .where('a.parent_id', 'is', null)
    .where('a.state', '<>', 'recalled')
    .execute();
  const leadOf = new Map(leads.map((l) => [l.document_id, l]));
  const calendar = await loadWorkingCalendar(ctx.db);
  return rows
    .map((r) => {
      const lead = leadOf.get(r.id);
      const handedOn = lead?.handed_on_at ? new Date(lead.handed_on_at) : null;
      const forwardedAt = !lead ? null : lead.user_id ? lead.assigned_at : ([handedOn, lead.finished_at].filter((d): d is Date => !!d).sort((a, b) => a.getTime() - b.getTime())[0] ?? null);
      return {
        documentId: r.id,
        arrivalNumber: r.arrival_number,
        urgency: r.urgency,
        subject: r.subject,
        late: lateness({ urgency: r.urgency, urgentDeadline: r.urgent_deadline, arrivedAt: r.arrived_at, registeredAt: r.registered_at, presentedAt: r.presented_at, directedAt: lead?.assigned_at ?? null, forwardedAt }, now, calendar),
      };
    })
    .filter((r) => r.late.length > 0);
}
