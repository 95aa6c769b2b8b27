/**
 * The printed Sổ đăng ký văn bản đến (NĐ 30/2020 Phụ lục IV, mẫu VI): which entries, in what order,
 * and the text of each cell. Pure, so the PDF and the spreadsheet print exactly the same thing.
 */
import type { Book } from '../../infra/print/register-book.js';
import { coverLines, printedDate, printedTypeAndSubject, registerCover as coverOf, type PrintRange, type RegisterCover } from '../../infra/print/register-cover.js';
import type { IncomingDocument } from '../schemas.js';

export interface RegisterRow {
  arrivalDate: string;
  arrivalNumber: number;
  author: string;
  symbol: string;
  documentDate: string;
  typeAndSubject: string;
  /** Whom the head's direction handed it to; before any, what the clerk typed at registration. */
  recipient: string;
  /** The day it was handed on; Ký nhận stays blank for the receiver to sign on paper. */
  handedOverOn: string;
  receivedBy: string;
  note: string;
  cancelled: boolean;
}

export interface RegisterColumn {
  header: string;
  value: (row: RegisterRow) => string | number;
}

/** The ten columns of the template, in its order and with its wording. */
export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  { header: 'Ngày đến', value: (r) => r.arrivalDate },
  { header: 'Số đến', value: (r) => r.arrivalNumber },
  { header: 'Tác giả', value: (r) => r.author },
  { header: 'Số, ký hiệu văn bản', value: (r) => r.symbol },
  { header: 'Ngày tháng văn bản', value: (r) => r.documentDate },
  { header: 'Tên loại và trích yếu nội dung văn bản', value: (r) => r.typeAndSubject },
  { header: 'Đơn vị hoặc người nhận', value: (r) => r.recipient },
  { header: 'Ngày chuyển', value: (r) => r.handedOverOn },
  { header: 'Ký nhận', value: (r) => r.receivedBy },
  { header: 'Ghi chú', value: (r) => r.note },
];

export const REGISTER_TITLE = 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN';
export const SHEET_NAME = 'Sổ đăng ký văn bản đến';

/** Dates, numbers and symbols stand centred in their narrow columns. */
const CENTRED_COLUMNS = new Set([0, 1, 3, 4, 7]);

/** '125' + 'QĐ-UBND' → '125/QĐ-UBND'; whichever part is known when the other is missing. */
export function printedSymbol(codeNumber: string | null, codeNotation: string | null): string {
  return [codeNumber, codeNotation].filter((p) => p && p.trim()).join('/');
}

/** What register-handover.ts found for a directed entry. */
export interface RegisterHandOver {
  /** 'Chủ trì: …\nPhối hợp: …' */
  recipients: string;
  /** The legal day of the lead's assignment, 'YYYY-MM-DD'. */
  on: string;
}

export function toRegisterRow(doc: IncomingDocument, handOver?: RegisterHandOver): RegisterRow {
  const cancelled = doc.status === 'cancelled';
  // A cancelled entry keeps its row and number, so the bound register shows no gap.
  const cancelNote = cancelled ? (doc.cancelReason ? `Đã hủy: ${doc.cancelReason}` : 'Đã hủy') : '';
  return {
    arrivalDate: printedDate(doc.arrivalDate),
    arrivalNumber: doc.arrivalNumber,
    author: doc.issuerName,
    symbol: printedSymbol(doc.codeNumber, doc.codeNotation),
    documentDate: printedDate(doc.issuedDate),
    typeAndSubject: printedTypeAndSubject(doc.typeName, doc.subject),
    recipient: handOver?.recipients ?? doc.toPlaces ?? '',
    handedOverOn: printedDate(handOver?.on ?? null),
    receivedBy: '',
    note: [cancelNote, doc.description ?? ''].filter(Boolean).join('\n'),
    cancelled,
  };
}

/** Bounds of a print run: numbers inclusive, dates as 'YYYY-MM-DD' inclusive. */
export type RegisterRange = PrintRange;

/** The entries within the range, in số đến order, with the hand-overs of those directed (by document id). */
export function registerRows(docs: readonly IncomingDocument[], range: RegisterRange = {}, handOvers: ReadonlyMap<string, RegisterHandOver> = new Map()): RegisterRow[] {
  return docs
    .filter(
      (d) =>
        (range.fromNumber === undefined || d.arrivalNumber >= range.fromNumber) &&
        (range.toNumber === undefined || d.arrivalNumber <= range.toNumber) &&
        (range.fromDate === undefined || d.arrivalDate >= range.fromDate) &&
        (range.toDate === undefined || d.arrivalDate <= range.toDate),
    )
    .sort((a, b) => a.arrivalNumber - b.arrivalNumber)
    .map((d) => toRegisterRow(d, handOvers.get(d.id)));
}

/** The cover states the first and last entries the volume holds (see infra/print/register-cover.ts). */
export function registerCover(
  agency: { name: string; parentName: string | null },
  year: number,
  rows: readonly RegisterRow[],
  range: RegisterRange = {},
  volume?: number,
): RegisterCover {
  const end = (row: RegisterRow | undefined) => row && { date: row.arrivalDate, number: row.arrivalNumber };
  return coverOf(agency, year, { first: end(rows[0]), last: end(rows[rows.length - 1]) }, range, volume);
}

/** The register as a book to print: the cover of the template, then one row per entry. */
export function registerBook(cover: RegisterCover, rows: readonly RegisterRow[]): Book {
  const lines = coverLines(cover);
  return {
    name: `Sổ đăng ký văn bản đến năm ${cover.year}`,
    cover: { heading: cover, title: REGISTER_TITLE, year: lines.year, details: [lines.dates, lines.numbers, lines.volume] },
    sheet: { name: SHEET_NAME, details: [`${lines.dates}; ${lines.numbers}`, lines.volume], agencyColumns: 3 },
    columns: REGISTER_COLUMNS.map((c, i) => ({ header: c.header, centred: CENTRED_COLUMNS.has(i), padded: i === 1 })),
    rows: rows.map((row) => REGISTER_COLUMNS.map((c) => c.value(row))),
  };
}
