/**
 * Working days of a state agency: Monday–Friday, minus public holidays and their compensatory
 * days, adjusted by the days off and swapped working days the Government announces each year.
 */
import { type LegalDate, addDays, isLegalDate, weekday } from './legal-time.js';
import { DEFAULT_HOLIDAY_RULES, type HolidayRule, holidayOccurrences } from './holidays.js';

/** A Government decision entered by an administrator; it beats every computed status. */
export type DayOverride = { date: LegalDate; kind: 'holiday' | 'working'; name: string };

export type DayReason = 'weekend' | 'holiday' | 'override-holiday' | 'override-working' | 'compensatory' | 'working';
export type DayInfo = { date: LegalDate; working: boolean; reason: DayReason; name?: string };

export type WorkingCalendarOptions = { rules?: HolidayRule[]; overrides?: DayOverride[]; compensate?: boolean };

function isWeekend(date: LegalDate): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

function checkDate(date: LegalDate): void {
  if (!isLegalDate(date)) throw new RangeError(`not a date: ${date}`);
}

export class WorkingCalendar {
  private readonly rules: readonly HolidayRule[];
  private readonly overrides = new Map<LegalDate, DayOverride>();
  private readonly compensate: boolean;
  /** Per year: every day whose status is not simply "weekend" or "working". */
  private readonly years = new Map<number, Map<LegalDate, DayInfo>>();

  constructor(options: WorkingCalendarOptions = {}) {
    this.rules = options.rules ?? DEFAULT_HOLIDAY_RULES;
    this.compensate = options.compensate ?? true;
    for (const o of options.overrides ?? []) {
      checkDate(o.date);
      if (this.overrides.has(o.date)) throw new RangeError(`two overrides for ${o.date}`);
      this.overrides.set(o.date, o);
    }
  }

  dayInfo(date: LegalDate): DayInfo {
    checkDate(date);
    const special = this.specialDays(Number(date.slice(0, 4))).get(date);
    if (special) return special;
    return isWeekend(date) ? { date, working: false, reason: 'weekend' } : { date, working: true, reason: 'working' };
  }

  isWorkingDay(date: LegalDate): boolean {
    return this.dayInfo(date).working;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LegalDate): LegalDate {
    checkDate(date);
    let d = addDays(date, 1);
    while (!this.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  /** The n-th working day after `date`; for n = 0, `date` itself if working, else the next working day. */
  addWorkingDays(date: LegalDate, n: number): LegalDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working-day count must be a whole number ≥ 0, got ${n}`);
    let d = n === 0 && this.isWorkingDay(date) ? date : this.nextWorkingDay(date);
    for (let i = 1; i < n; i++) d = this.nextWorkingDay(d);
    return d;
  }

  /** Working days in (from, to]; 0 when `to` is not after `from`. */
  workingDaysBetween(from: LegalDate, to: LegalDate): number {
    checkDate(from);
    checkDate(to);
    let count = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d)) count++;
    return count;
  }

  /** The days of the year that break the Monday–Friday pattern (weekday days off, working weekends), by date. */
  yearDays(year: number): DayInfo[] {
    return [...this.specialDays(year).values()]
      .filter((info) => info.working === isWeekend(info.date))
      .sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  private specialDays(year: number): Map<LegalDate, DayInfo> {
    let days = this.years.get(year);
    if (!days) {
      days = this.computeYear(year);
      this.years.set(year, days);
    }
    return days;
  }

  private computeYear(year: number): Map<LegalDate, DayInfo> {
    const days = new Map<LegalDate, DayInfo>();
    // Last year's holidays too: a holiday on the last weekend of December is compensated in January.
    const occurrences = [...holidayOccurrences(year - 1, this.rules), ...holidayOccurrences(year, this.rules)];
    const holidays = new Map<LegalDate, string>();
    for (const o of occurrences) if (!holidays.has(o.date)) holidays.set(o.date, o.name);

    const prefix = `${year}-`;
    if (this.compensate) {
      // Compensation is placed as the law says, ignoring overrides: when the Government moves
      // or cancels a compensatory day, the admin's override on that date replaces it below.
      const taken = new Set<LegalDate>();
      for (const o of occurrences) {
        if ((o.rule.compensate ?? true) === false || !isWeekend(o.date)) continue;
        let d = addDays(o.date, 1);
        while (isWeekend(d) || holidays.has(d) || taken.has(d)) d = addDays(d, 1);
        taken.add(d);
        if (d.startsWith(prefix)) days.set(d, { date: d, working: false, reason: 'compensatory', name: `Nghỉ bù ${o.name}` });
      }
    }
    for (const [date, name] of holidays) {
      if (date.startsWith(prefix)) days.set(date, { date, working: false, reason: 'holiday', name });
    }
    for (const o of this.overrides.values()) {
      if (!o.date.startsWith(prefix)) continue;
      const working = o.kind === 'working';
      days.set(o.date, { date: o.date, working, reason: working ? 'override-working' : 'override-holiday', name: o.name });
    }
    return days;
  }
}
