/**
 * The printed Sổ gửi văn bản đi bưu điện (NĐ 30/2020 Phụ lục IV, mẫu III): which documents go by
 * post, to whom, and the text of each cell. Pure, so the PDF and the spreadsheet agree.
 *
 * A document goes by post when its draft recorded a reason for paper copies (Q-7.2): then every
 * recipient gets one. Otherwise only the recipients outside this deployment do, which the system
 * cannot deliver to an inbox. One row per document; one envelope (bì) per recipient listed.
 */
import type { Book } from '../../infra/print/register-book.js';
import { printedDate } from '../../infra/print/register-cover.js';
import { numberAndNotation } from '../repository.js';
import { bookCover, seriesSuffix, type BookScope } from './book-cover.js';
import type { NumberedDocument, PrintedRecipient, PrintNames } from './print-data.js';

export interface PostRow {
  number: number;
  /** 'YYYY-MM-DD', for the cover's span. */
  sentOn: string;
  numberAndNotation: string;
  recipients: string;
  envelopes: number;
  note: string;
}

/** The six columns of the template, in its order and with its wording; the post office signs and stamps by hand. */
export const POST_COLUMNS: readonly { header: string; value: (row: PostRow) => string | number; centred?: boolean }[] = [
  { header: 'Ngày chuyển', value: (r) => printedDate(r.sentOn), centred: true },
  { header: 'Số, ký hiệu văn bản', value: (r) => r.numberAndNotation, centred: true },
  { header: 'Nơi nhận văn bản', value: (r) => r.recipients },
  { header: 'Số lượng bì', value: (r) => r.envelopes, centred: true },
  { header: 'Ký nhận và dấu bưu điện', value: () => '' },
  { header: 'Ghi chú', value: (r) => r.note },
];

export const POST_TITLE = 'SỔ GỬI VĂN BẢN ĐI BƯU ĐIỆN';
export const POST_SHEET = 'Sổ gửi văn bản đi bưu điện';

/** Who gets a paper copy by post. */
export function postRecipients(doc: NumberedDocument): PrintedRecipient[] {
  return doc.paperReason ? doc.recipients : doc.recipients.filter((r) => r.agencyId === null);
}

function postNote(doc: NumberedDocument): string {
  const paper = doc.paperReason ? `Gửi bản giấy (lý do điểm ${doc.paperReason})` : '';
  const recalled = doc.state === 'recalled' ? `Đã thu hồi${doc.recallReason ? `: ${doc.recallReason}` : ''}` : '';
  return [paper, recalled].filter(Boolean).join('\n');
}

/**
 * Issued documents with someone to post to, in number order. Ngày chuyển is the day of issue: the
 * clerk corrects it by hand when the envelopes leave later.
 */
export function postRows(docs: readonly NumberedDocument[]): PostRow[] {
  return docs.flatMap((doc) => {
    const to = postRecipients(doc);
    if (!to.length || !doc.issuedOn) return [];
    return [{ number: doc.number, sentOn: doc.issuedOn, numberAndNotation: numberAndNotation(doc)!, recipients: to.map((r) => r.name).join('\n'), envelopes: to.length, note: postNote(doc) }];
  });
}

export function postRegisterBook(names: PrintNames, scope: BookScope, rows: readonly PostRow[]): Book {
  // A document numbered earlier can be issued later, so the dates are the extremes, not the first and last rows.
  const dates = rows.map((r) => r.sentOn).sort();
  const end = (r: PostRow | undefined, date: string | undefined) => r && { date: printedDate(date), number: r.number };
  const { cover, sheetDetails } = bookCover(names.heading, POST_TITLE, scope, { first: end(rows[0], dates[0]), last: end(rows[rows.length - 1], dates[dates.length - 1]) });
  return {
    name: `Sổ gửi văn bản đi bưu điện năm ${scope.year}${seriesSuffix(scope)}`,
    cover,
    sheet: { name: POST_SHEET, details: sheetDetails, agencyColumns: 2 },
    columns: POST_COLUMNS.map((c) => ({ header: c.header, centred: c.centred })),
    rows: rows.map((row) => POST_COLUMNS.map((c) => c.value(row))),
  };
}
