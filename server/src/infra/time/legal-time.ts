/**
 * Legal time: the legal day and year are those of Vietnam (UTC+07:00, no daylight saving).
 * A legal date is an ISO calendar date string 'YYYY-MM-DD'.
 */
export type LegalDate = string;

const OFFSET_MS = 7 * 60 * 60 * 1000;

/** Calendar fields of an instant as seen in Vietnam. */
function vnFields(at: Date): Date {
  return new Date(at.getTime() + OFFSET_MS);
}

export function legalDate(at: Date): LegalDate {
  return vnFields(at).toISOString().slice(0, 10);
}

export function legalYear(at: Date): number {
  return vnFields(at).getUTCFullYear();
}

/** ISO 8601 with the Vietnam offset, e.g. 2021-05-04T09:30:15+07:00 (Q-8.2b). */
export function toVietnamIso(at: Date): string {
  return vnFields(at).toISOString().slice(0, 19) + '+07:00';
}

/** The instant 00:00 Vietnam time of a legal date. */
export function startOfLegalDay(date: LegalDate): Date {
  return new Date(Date.parse(`${date}T00:00:00+07:00`));
}

export function addDays(date: LegalDate, days: number): LegalDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LegalDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function isLegalDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
