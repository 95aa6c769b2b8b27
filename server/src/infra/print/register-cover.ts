/**
 * How NĐ 30 forms write values (dates dd/mm/yyyy, numbers with a leading 0) and what the cover of
 * a register states (Phụ lục IV: Năm; Từ ngày … đến ngày …; Từ số … đến số …; Quyển số).
 * Pure, shared by the registers of văn bản đến and văn bản đi.
 */
import { formatNumber } from '../../shared/legal-format.js';
import { agencyHeading, type AgencyHeading } from './form-pdf.js';

/** A blank for handwriting where a cover value is unknown. */
export const BLANK = '……………';

/** 'YYYY-MM-DD' → 'dd/mm/yyyy'; empty when unknown. */
export function printedDate(date: string | null | undefined): string {
  if (!date) return '';
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** Numbers below 10 take a leading 0, as NĐ 30 Phụ lục I writes document numbers. */
export const printedNumber = formatNumber;

/** Clerks sometimes type the type name into the subject too; it is then not printed twice. */
export function printedTypeAndSubject(typeName: string, subject: string): string {
  const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi');
  if (fold(subject).startsWith(fold(typeName))) return subject;
  return `${typeName}: ${subject}`;
}

/** Bounds of a print run: numbers inclusive, dates as 'YYYY-MM-DD' inclusive. */
export interface PrintRange {
  fromNumber?: number;
  toNumber?: number;
  fromDate?: string;
  toDate?: string;
}

/** What a volume spans, as its cover states it; null where the clerk writes it in. */
export interface CoverSpan {
  year: number;
  fromDate: string | null;
  toDate: string | null;
  fromNumber: string | null;
  toNumber: string | null;
  volume: string | null;
}

export interface RegisterCover extends AgencyHeading, CoverSpan {}

/** An entry at one end of the volume: its printed date and its number. */
export interface CoverEnd {
  date: string;
  number: number;
}

/**
 * The cover states what the volume actually holds: its first and last entries. With no entries it
 * falls back to the range asked for, and what is still unknown is left for the clerk to write in.
 */
export function coverSpan(year: number, ends: { first?: CoverEnd; last?: CoverEnd }, range: PrintRange = {}, volume?: number): CoverSpan {
  const { first, last } = ends;
  const num = (n: number | undefined) => (n === undefined ? null : printedNumber(n));
  return {
    year,
    fromDate: first ? first.date : printedDate(range.fromDate) || null,
    toDate: last ? last.date : printedDate(range.toDate) || null,
    fromNumber: first ? printedNumber(first.number) : num(range.fromNumber),
    toNumber: last ? printedNumber(last.number) : num(range.toNumber),
    volume: volume === undefined ? null : printedNumber(volume),
  };
}

export function registerCover(
  agency: { name: string; parentName: string | null },
  year: number,
  ends: { first?: CoverEnd; last?: CoverEnd },
  range: PrintRange = {},
  volume?: number,
): RegisterCover {
  return { ...agencyHeading(agency), ...coverSpan(year, ends, range, volume) };
}

/** The cover lines under the title, shared by the PDF and the spreadsheet. */
export function coverLines(cover: CoverSpan): { year: string; dates: string; numbers: string; volume: string } {
  const v = (s: string | null) => s ?? BLANK;
  return {
    year: `Năm: ${cover.year}`,
    dates: `Từ ngày ${v(cover.fromDate)} đến ngày ${v(cover.toDate)}`,
    numbers: `Từ số ${v(cover.fromNumber)} đến số ${v(cover.toNumber)}`,
    volume: `Quyển số: ${v(cover.volume)}`,
  };
}
