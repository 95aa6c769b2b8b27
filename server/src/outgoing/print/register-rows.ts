/**
 * The printed Sổ đăng ký văn bản đi (NĐ 30/2020 Phụ lục IV, mẫu I): the text of each cell and the
 * cover. Pure, so the PDF and the spreadsheet print exactly the same thing.
 */
import type { Book } from '../../infra/print/register-book.js';
import { printedDate, printedTypeAndSubject } from '../../infra/print/register-cover.js';
import { documentType } from '../document-types.js';
import { numberAndNotation } from '../repository.js';
import { bookCover, seriesSuffix, type BookScope } from './book-cover.js';
import type { CorrectionKind } from '../tables.js';
import type { CorrectionRef, NumberedDocument, PrintNames } from './print-data.js';

export interface RegisterRow {
  number: number;
  numberAndNotation: string;
  date: string;
  typeAndSubject: string;
  signer: string;
  recipients: string;
  fileCopyHolder: string;
  copies: number;
  /** Ngày chuyển: the day the organisation's signature issued it, which sends it to its recipients and files its copies. */
  handedOverOn: string;
  note: string;
}

/** The ten columns of the template, in its order and with its wording; Ký nhận is signed by hand. */
export const REGISTER_COLUMNS: readonly { header: string; value: (row: RegisterRow) => string | number; centred?: boolean }[] = [
  { header: 'Số, ký hiệu văn bản', value: (r) => r.numberAndNotation, centred: true },
  { header: 'Ngày tháng văn bản', value: (r) => r.date, centred: true },
  { header: 'Tên loại và trích yếu nội dung văn bản', value: (r) => r.typeAndSubject },
  { header: 'Người ký', value: (r) => r.signer },
  { header: 'Nơi nhận văn bản', value: (r) => r.recipients },
  { header: 'Đơn vị, người nhận bản lưu', value: (r) => r.fileCopyHolder },
  { header: 'Số lượng bản', value: (r) => r.copies, centred: true },
  { header: 'Ngày chuyển', value: (r) => r.handedOverOn, centred: true },
  { header: 'Ký nhận', value: () => '' },
  { header: 'Ghi chú', value: (r) => r.note },
];

export const REGISTER_TITLE = 'SỔ ĐĂNG KÝ VĂN BẢN ĐI';
export const REGISTER_SHEET = 'Sổ đăng ký văn bản đi';

/**
 * Bản lưu: NĐ 30 ends every Nơi nhận with "Lưu: VT, [đơn vị soạn thảo]", one copy kept by the
 * clerk (the original) and one by the drafting unit.
 */
export const FILE_COPIES = 2;

/** Số lượng bản: one per recipient, and the two file copies. */
export const copiesOf = (doc: NumberedDocument) => doc.recipients.length + FILE_COPIES;

const CORRECTS: Record<CorrectionKind, string> = { replace: 'Thay thế', amend: 'Sửa đổi, bổ sung' };
const CORRECTED_BY: Record<CorrectionKind, string> = { replace: 'Đã được thay thế bởi', amend: 'Đã được sửa đổi, bổ sung bởi' };
const cite = (ref: CorrectionRef) => `văn bản số ${numberAndNotation(ref)} ngày ${printedDate(ref.issuedDate)}`;

/** A recalled document keeps its row and number, so the bound register shows no gap. */
function stateNote(doc: NumberedDocument): string {
  if (doc.state === 'recalled') return doc.recallReason ? `Đã thu hồi: ${doc.recallReason}` : 'Đã thu hồi';
  if (doc.state === 'numbered') return 'Đã cấp số, chưa phát hành';
  return '';
}

/** Ghi chú, in the order things happened: what the document corrects, its state, then what corrected it (Q-12.3d). */
export function registerNote(doc: NumberedDocument): string {
  const corrects = doc.corrects && `${CORRECTS[doc.corrects.kind]} ${cite(doc.corrects)}`;
  const correctedBy = doc.correctedBy.map((ref) => `${CORRECTED_BY[ref.kind]} ${cite(ref)}`);
  return [corrects, stateNote(doc), ...correctedBy].filter(Boolean).join('\n');
}

export function typeAndSubject(doc: NumberedDocument): string {
  return printedTypeAndSubject(documentType(doc.typeCode)?.name ?? doc.typeCode, doc.summary);
}

export function toRegisterRow(doc: NumberedDocument, names: PrintNames): RegisterRow {
  const signer = names.signers.get(doc.signerId)?.fullName;
  return {
    number: doc.number,
    numberAndNotation: numberAndNotation(doc)!,
    date: printedDate(doc.issuedDate),
    typeAndSubject: typeAndSubject(doc),
    signer: [signer, doc.signerPosition].filter(Boolean).join('\n'),
    recipients: doc.recipients.map((r) => r.name).join('\n'),
    fileCopyHolder: names.unitNames.get(doc.draftingUnitId) ?? '',
    copies: copiesOf(doc),
    handedOverOn: printedDate(doc.issuedOn),
    note: registerNote(doc),
  };
}

/** The register as a book to print: the cover states its first and last entries, then one row per document. */
export function outgoingRegisterBook(names: PrintNames, scope: BookScope, rows: readonly RegisterRow[]): Book {
  const end = (r: RegisterRow | undefined) => r && { date: r.date, number: r.number };
  const { cover, sheetDetails } = bookCover(names.heading, REGISTER_TITLE, scope, { first: end(rows[0]), last: end(rows[rows.length - 1]) });
  return {
    name: `Sổ đăng ký văn bản đi năm ${scope.year}${seriesSuffix(scope)}`,
    cover,
    sheet: { name: REGISTER_SHEET, details: sheetDetails, agencyColumns: 3 },
    columns: REGISTER_COLUMNS.map((c) => ({ header: c.header, centred: c.centred })),
    rows: rows.map((row) => REGISTER_COLUMNS.map((c) => c.value(row))),
  };
}
