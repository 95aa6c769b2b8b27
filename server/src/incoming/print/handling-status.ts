/**
 * Where the handling of an assignment stands on a given day (Q-6.2c, Q-11.3d): finished on time or
 * late, still within its deadline, or overdue — lateness counted in working days. Pure, so the
 * tracking book and the handling report judge alike.
 */
import { legalDate, type LegalDate } from '../../infra/time/legal-time.js';
import type { WorkingCalendar } from '../../infra/time/working-days.js';
import { printedDate } from '../../infra/print/register-cover.js';

/** What a status needs of an assignment. */
export interface HandlingFacts {
  deadline: string | null;
  state: 'open' | 'in_progress' | 'done' | 'recalled';
  finishedAt: Date | null;
}

export type Standing = 'onTime' | 'late' | 'inProgress' | 'overdue';

/** The legal day it was finished, if it was finished by `asOf`. */
export function finishedOn(a: HandlingFacts, asOf: LegalDate): LegalDate | null {
  if (a.state !== 'done' || !a.finishedAt) return null;
  const day = legalDate(a.finishedAt);
  return day <= asOf ? day : null;
}

/**
 * On time when finished no later than the deadline's day; overdue when still open at the end of a
 * day after the deadline. The deadline day itself is still within time. No deadline, never late.
 */
export function standing(a: HandlingFacts, asOf: LegalDate): Standing {
  const finished = finishedOn(a, asOf);
  if (finished) return a.deadline && finished > a.deadline ? 'late' : 'onTime';
  return a.deadline && asOf > a.deadline ? 'overdue' : 'inProgress';
}

/**
 * Working days lost after the deadline, up to and including `day`. Zero when only days off have
 * passed (a Friday deadline seen on Saturday): late, but by no working day yet.
 */
export function workingDaysLate(deadline: string, day: LegalDate, calendar: WorkingCalendar): number {
  return calendar.workingDaysBetween(deadline, day);
}

const late = (days: number) => (days > 0 ? `quá hạn ${days} ngày làm việc` : 'quá hạn');

/** The document's Tiến độ giải quyết, as the tracking book prints it. */
export function progressText(
  routingState: 'registered' | 'presented' | 'directed' | 'done' | null,
  lead: HandlingFacts | null,
  deadline: string | null,
  today: LegalDate,
  calendar: WorkingCalendar,
): string {
  if (!lead || routingState === 'registered' || routingState === 'presented' || routingState === null) {
    return routingState === 'presented' ? 'Chờ ý kiến chỉ đạo' : 'Chưa trình lãnh đạo';
  }
  const facts = { ...lead, deadline };
  const finished = finishedOn(facts, today);
  if (finished) {
    const text = `Đã giải quyết ngày ${printedDate(finished)}`;
    return deadline && finished > deadline ? `${text} (${late(workingDaysLate(deadline, finished, calendar))})` : text;
  }
  if (deadline && today > deadline) {
    const text = late(workingDaysLate(deadline, today, calendar));
    return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
  }
  return 'Đang giải quyết';
}
