/**
 * Public holidays as data (Bộ luật Lao động 2019, Điều 112, as applied to civil servants).
 * Days the Government fixes anew each year (the exact Tết block, the second Quốc khánh day,
 * swapped working days) are not rules: an administrator enters them as overrides.
 */
import { type LegalDate, addDays } from './legal-time.js';
import { lunarMonthLength, lunarToSolar } from './lunar.js';

export type HolidayRule = {
  name: string;
  calendar: 'solar' | 'lunar';
  month: number;
  /** 'last' = last day of the month; for a lunar month followed by its leap month, the leap month's last day (the eve of the next month). */
  day: number | 'last';
  /** Consecutive days starting at month/day; default 1. */
  span?: number;
  /** Whether falling on a weekend earns a compensatory day (Điều 112 khoản 3); default true. */
  compensate?: boolean;
};

export const DEFAULT_HOLIDAY_RULES: HolidayRule[] = [
  { name: 'Tết Dương lịch', calendar: 'solar', month: 1, day: 1 },
  // Giao thừa plus mùng 1–4. The Government's yearly Tết schedule already absorbs weekends.
  { name: 'Tết Âm lịch', calendar: 'lunar', month: 12, day: 'last', span: 5, compensate: false },
  { name: 'Giỗ Tổ Hùng Vương', calendar: 'lunar', month: 3, day: 10 },
  { name: 'Ngày Chiến thắng', calendar: 'solar', month: 4, day: 30 },
  { name: 'Ngày Quốc tế Lao động', calendar: 'solar', month: 5, day: 1 },
  { name: 'Quốc khánh', calendar: 'solar', month: 9, day: 2 },
];

export type Holiday = { date: LegalDate; name: string };
export type HolidayOccurrence = Holiday & { rule: HolidayRule };

/** First day of a rule in a given year of its own calendar, or null if that date does not exist this year. */
function ruleStart(rule: HolidayRule, year: number): LegalDate | null {
  if (rule.calendar === 'solar') {
    const day = rule.day === 'last' ? new Date(Date.UTC(year, rule.month, 0)).getUTCDate() : rule.day;
    const date = new Date(Date.UTC(year, rule.month - 1, day));
    if (date.getUTCMonth() !== rule.month - 1) return null; // e.g. 29 February in a common year
    return date.toISOString().slice(0, 10);
  }
  if (rule.day === 'last') {
    // The day before the next month begins, so Tết eve stays right even after a leap month 12.
    const next = rule.month === 12 ? lunarToSolar(year + 1, 1, 1) : lunarToSolar(year, rule.month + 1, 1);
    return addDays(next, -1);
  }
  // Day 30 of a 29-day month simply does not occur that year.
  return rule.day <= lunarMonthLength(year, rule.month) ? lunarToSolar(year, rule.month, rule.day) : null;
}

/** Every day of every rule that falls in the solar year, with the rule that produced it, by date. */
export function holidayOccurrences(year: number, rules: readonly HolidayRule[] = DEFAULT_HOLIDAY_RULES): HolidayOccurrence[] {
  const prefix = `${String(year).padStart(4, '0')}-`;
  const out: HolidayOccurrence[] = [];
  for (const rule of rules) {
    // A lunar (or multi-day) rule of the neighbouring years can reach into this solar year.
    for (const y of [year - 1, year, year + 1]) {
      const start = ruleStart(rule, y);
      if (start === null) continue;
      for (let i = 0; i < (rule.span ?? 1); i++) {
        const date = addDays(start, i);
        if (date.startsWith(prefix)) out.push({ date, name: rule.name, rule });
      }
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Every holiday date in the solar year, in date order. */
export function holidaysOfYear(year: number, rules: readonly HolidayRule[] = DEFAULT_HOLIDAY_RULES): Holiday[] {
  return holidayOccurrences(year, rules).map(({ date, name }) => ({ date, name }));
}
