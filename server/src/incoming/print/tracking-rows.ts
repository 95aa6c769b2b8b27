/**
 * The printed Sổ theo dõi giải quyết văn bản đến (NĐ 30/2020 Phụ lục IV, mẫu VIII): its seven
 * columns and the text of each cell, and its cover. Pure, so the PDF and the spreadsheet print
 * exactly the same thing.
 */
import type { LegalDate } from '../../infra/time/legal-time.js';
import type { WorkingCalendar } from '../../infra/time/working-days.js';
import { agencyHeading, type AgencyHeading } from '../../infra/print/form-pdf.js';
import type { Book } from '../../infra/print/register-book.js';
import { BLANK, printedDate, printedNumber } from '../../infra/print/register-cover.js';
import { handlingRecipients, type Names } from './form-names.js';
import { progressText } from './handling-status.js';
import { printedSymbol } from './register-rows.js';
import type { TrackingEntry, TrackingRange } from './tracking-data.js';

export interface TrackingRow {
  arrivalNumber: number;
  document: string;
  recipients: string;
  deadline: string;
  progress: string;
  /** Số, ký hiệu văn bản trả lời: the outgoing document issued in reply (recorded on issue). */
  reply: string;
  note: string;
}

export interface TrackingColumn {
  header: string;
  value: (row: TrackingRow) => string | number;
}

/** The seven columns of the template, in its order and with its wording. */
export const TRACKING_COLUMNS: readonly TrackingColumn[] = [
  { header: 'Số đến', value: (r) => r.arrivalNumber },
  { header: 'Tên loại, số, ký hiệu, ngày tháng, cơ quan ban hành', value: (r) => r.document },
  { header: 'Đơn vị hoặc người nhận', value: (r) => r.recipients },
  { header: 'Thời hạn giải quyết', value: (r) => r.deadline },
  { header: 'Tiến độ giải quyết', value: (r) => r.progress },
  { header: 'Số, ký hiệu văn bản trả lời', value: (r) => r.reply },
  { header: 'Ghi chú', value: (r) => r.note },
];

export const TRACKING_TITLE = 'SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN';

/** 'Quyết định số 125/QĐ-UBND ngày 05/02/2026 của Ủy ban nhân dân tỉnh Thái Nguyên', parts left out when unknown. */
export function documentLine(d: { typeName: string; codeNumber: string | null; codeNotation: string | null; issuedDate: string | null; issuerName: string }): string {
  const symbol = printedSymbol(d.codeNumber, d.codeNotation);
  return [d.typeName, symbol && `số ${symbol}`, d.issuedDate && `ngày ${printedDate(d.issuedDate)}`, `của ${d.issuerName}`].filter(Boolean).join(' ');
}

/** The document's deadline: the lead's own, else the direction's, else the one registered. */
export function entryDeadline(e: TrackingEntry): string | null {
  return e.lead?.deadline ?? e.routingDeadline ?? e.dueDate;
}

export function toTrackingRow(e: TrackingEntry, names: Names, today: LegalDate, calendar: WorkingCalendar): TrackingRow {
  const deadline = entryDeadline(e);
  return {
    arrivalNumber: e.arrivalNumber,
    document: documentLine(e),
    recipients: handlingRecipients(names, e.lead, e.coordinating),
    deadline: printedDate(deadline),
    progress: progressText(e.routingState, e.lead, deadline, today, calendar),
    reply: e.replyNotation ?? '',
    note: e.description ?? '',
  };
}

export interface TrackingCover extends AgencyHeading {
  year: number;
  fromDate: string | null;
  toDate: string | null;
  volume: string | null;
}

/** As the register's cover, without "Từ số … đến số …" (Phụ lục IV leaves it out for mẫu VIII). */
export function trackingCover(agency: { name: string; parentName: string | null }, year: number, entries: readonly TrackingEntry[], range: TrackingRange = {}, volume?: number): TrackingCover {
  // A document received earlier can be registered later, so the dates are the extremes, not the first and last rows.
  const dates = entries.map((e) => e.arrivalDate).sort();
  return {
    ...agencyHeading(agency),
    year,
    fromDate: printedDate(dates[0] ?? range.fromDate) || null,
    toDate: printedDate(dates[dates.length - 1] ?? range.toDate) || null,
    volume: volume === undefined ? null : printedNumber(volume),
  };
}

export function trackingCoverLines(cover: TrackingCover): { year: string; dates: string; volume: string } {
  const v = (s: string | null) => s ?? BLANK;
  return { year: `Năm: ${cover.year}`, dates: `Từ ngày ${v(cover.fromDate)} đến ngày ${v(cover.toDate)}`, volume: `Quyển số: ${v(cover.volume)}` };
}

export const TRACKING_SHEET = 'Sổ theo dõi giải quyết VB đến';
/** Số đến and the deadline stand centred. */
const CENTRED = new Set([0, 3]);

/** The book to print: the cover of the template, then one row per document. */
export function trackingBook(cover: TrackingCover, rows: readonly TrackingRow[]): Book {
  const lines = trackingCoverLines(cover);
  return {
    name: `Sổ theo dõi giải quyết văn bản đến năm ${cover.year}`,
    cover: { heading: cover, title: TRACKING_TITLE, year: lines.year, details: [lines.dates, lines.volume] },
    sheet: { name: TRACKING_SHEET, details: [`${lines.dates}; ${lines.volume}`], agencyColumns: 2 },
    columns: TRACKING_COLUMNS.map((c, i) => ({ header: c.header, centred: CENTRED.has(i), padded: i === 0 })),
    rows: rows.map((row) => TRACKING_COLUMNS.map((c) => c.value(row))),
  };
}
