/**
 * The printed Sổ đăng ký văn bản đến (NĐ 30/2020 Phụ lục IV, mẫu VI): which entries, in what order,
 * and the text of each cell. Pure, so the PDF and the spreadsheet print exactly the same thing.
 */
import type { IncomingDocument } from '../schemas.js';

export interface RegisterRow {
  arrivalDate: string;
  arrivalNumber: number;
  author: string;
  symbol: string;
  documentDate: string;
  typeAndSubject: string;
  recipient: string;
  /** Ngày chuyển and Ký nhận stay blank: the receiver writes and signs them on the paper copy. */
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

/** 'YYYY-MM-DD' → 'dd/mm/yyyy'; empty when unknown. */
export function printedDate(date: string | null | undefined): string {
  if (!date) return '';
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** Numbers below 10 take a leading 0, as NĐ 30 Phụ lục I writes document numbers. */
export function printedNumber(n: number): string {
  return String(n).padStart(2, '0');
}

/** '125' + 'QĐ-UBND' → '125/QĐ-UBND'; whichever part is known when the other is missing. */
export function printedSymbol(codeNumber: string | null, codeNotation: string | null): string {
  return [codeNumber, codeNotation].filter((p) => p && p.trim()).join('/');
}

/** Clerks sometimes type the type name into the subject too; it is then not printed twice. */
export function printedTypeAndSubject(typeName: string, subject: string): string {
  const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi');
  if (fold(subject).startsWith(fold(typeName))) return subject;
  return `${typeName}: ${subject}`;
}

export function toRegisterRow(doc: IncomingDocument): RegisterRow {
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
    recipient: doc.toPlaces ?? '',
    handedOverOn: '',
    receivedBy: '',
    note: [cancelNote, doc.description ?? ''].filter(Boolean).join('\n'),
    cancelled,
  };
}

/** Bounds of a print run: numbers inclusive, dates as 'YYYY-MM-DD' inclusive. */
export interface RegisterRange {
  fromNumber?: number;
  toNumber?: number;
  fromDate?: string;
  toDate?: string;
}

/** The entries within the range, in số đến order. */
export function registerRows(docs: readonly IncomingDocument[], range: RegisterRange = {}): RegisterRow[] {
  return docs
    .filter(
      (d) =>
        (range.fromNumber === undefined || d.arrivalNumber >= range.fromNumber) &&
        (range.toNumber === undefined || d.arrivalNumber <= range.toNumber) &&
        (range.fromDate === undefined || d.arrivalDate >= range.fromDate) &&
        (range.toDate === undefined || d.arrivalDate <= range.toDate),
    )
    .sort((a, b) => a.arrivalNumber - b.arrivalNumber)
    .map(toRegisterRow);
}

export interface RegisterCover {
  /** Tên cơ quan chủ quản trực tiếp; none for a top-level agency. */
  parentAgencyName: string | null;
  agencyName: string;
  year: number;
  fromDate: string | null;
  toDate: string | null;
  fromNumber: string | null;
  toNumber: string | null;
  volume: string | null;
}

/**
 * The cover states what the volume actually holds: its first and last entries. With no entries it
 * falls back to the range asked for, and what is still unknown is left for the clerk to write in.
 */
export function registerCover(
  agency: { name: string; parentName: string | null },
  year: number,
  rows: readonly RegisterRow[],
  range: RegisterRange = {},
  volume?: number,
): RegisterCover {
  const first = rows[0];
  const last = rows[rows.length - 1];
  const upper = (s: string) => s.toLocaleUpperCase('vi');
  const num = (n: number | undefined) => (n === undefined ? null : printedNumber(n));
  return {
    parentAgencyName: agency.parentName ? upper(agency.parentName) : null,
    agencyName: upper(agency.name),
    year,
    fromDate: first ? first.arrivalDate : printedDate(range.fromDate) || null,
    toDate: last ? last.arrivalDate : printedDate(range.toDate) || null,
    fromNumber: first ? printedNumber(first.arrivalNumber) : num(range.fromNumber),
    toNumber: last ? printedNumber(last.arrivalNumber) : num(range.toNumber),
    volume: volume === undefined ? null : printedNumber(volume),
  };
}

/** A blank for handwriting where a cover value is unknown. */
export const BLANK = '……………';

/** The cover lines under the title, shared by the PDF and the spreadsheet. */
export function coverLines(cover: RegisterCover): { year: string; dates: string; numbers: string; volume: string } {
  const v = (s: string | null) => s ?? BLANK;
  return {
    year: `Năm: ${cover.year}`,
    dates: `Từ ngày ${v(cover.fromDate)} đến ngày ${v(cover.toDate)}`,
    numbers: `Từ số ${v(cover.fromNumber)} đến số ${v(cover.toNumber)}`,
    volume: `Quyển số: ${v(cover.volume)}`,
  };
}
