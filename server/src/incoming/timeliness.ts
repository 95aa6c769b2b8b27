import type { Ctx } from '../infra/context.js';
import { requireActor } from '../infra/context.js';
import { legalDate, legalYear } from '../infra/time/legal-time.js';
import { loadWorkingCalendar } from '../infra/time/calendar.js';
import type { WorkingCalendar } from '../infra/time/working-days.js';
import { incomingDb } from './repository.js';

/**
 * Timeliness of the clerk's work (Q-6.2b, NĐ30 Art. 4.2.c, 18, 23): a document is registered and
 * handed on the day it arrives, at the latest the next working day; urgent ones (Khẩn and above)
 * at once — taken here as within URGENT_HOURS of arrival, a value an agency may revise.
 */
export const TIMELINESS = { urgentHours: 2 } as const;

export type Lateness = { step: 'register' | 'present'; limit: string; actual: string | null; hoursLate: number };

/** The end (24:00 Vietnam time) of the working day after `date`; the legal limit of the ordinary rule. */
function endOfNextWorkingDay(date: string, calendar: WorkingCalendar): Date {
  const limitDay = calendar.nextWorkingDay(date);
  return new Date(Date.parse(`${limitDay}T00:00:00+07:00`) + 24 * 3600 * 1000);
}

export function lateness(
  doc: { urgency: number; arrivedAt: Date; registeredAt: Date; presentedAt: Date | null },
  now: Date,
  calendar: WorkingCalendar,
): Lateness[] {
  const urgent = doc.urgency >= 1;
  const limitFrom = (start: Date) => (urgent ? new Date(start.getTime() + TIMELINESS.urgentHours * 3600 * 1000) : endOfNextWorkingDay(legalDate(start), calendar));
  const out: Lateness[] = [];
  const check = (step: Lateness['step'], start: Date, actual: Date | null) => {
    const limit = limitFrom(start);
    const at = actual ?? now;
    if (at > limit) out.push({ step, limit: limit.toISOString(), actual: actual?.toISOString() ?? null, hoursLate: Math.round(((at.getTime() - limit.getTime()) / 3600000) * 10) / 10 });
  };
  check('register', doc.arrivedAt, doc.registeredAt);
  check('present', doc.registeredAt, doc.presentedAt);
  return out;
}

/** Documents of the year registered or handed on later than allowed, or still waiting past their limit. */
export async function lateDocuments(ctx: Ctx, year?: number) {
  const actor = requireActor(ctx);
  const now = ctx.clock.now();
  const rows = await incomingDb(ctx.db)
    .selectFrom('incoming_document as d')
    .innerJoin('incoming_routing as r', 'r.document_id', 'd.id')
    .select(['d.id', 'd.arrival_number', 'd.urgency', 'd.arrived_at', 'd.registered_at', 'd.subject', 'r.presented_at'])
    .where('d.agency_id', '=', actor.agencyId)
    .where('d.year', '=', year ?? legalYear(now))
    .where('d.status', '=', 'registered')
    .orderBy('d.arrival_number')
    .execute();
  const calendar = await loadWorkingCalendar(ctx.db);
  return rows
    .map((r) => ({
      documentId: r.id,
      arrivalNumber: r.arrival_number,
      urgency: r.urgency,
      subject: r.subject,
      late: lateness({ urgency: r.urgency, arrivedAt: r.arrived_at, registeredAt: r.registered_at, presentedAt: r.presented_at }, now, calendar),
    }))
    .filter((r) => r.late.length > 0);
}
