/**
 * The Sổ đăng ký văn bản đến as a spreadsheet: the same ten columns and texts as the PDF, for
 * agencies that keep or adjust the register in Excel/LibreOffice before printing.
 */
import { bookHeaderRow, buildBookXlsx } from '../../infra/print/register-book.js';
import type { FormWorkbookOptions } from '../../infra/print/form-xlsx.js';
import type { RegisterCover } from '../../infra/print/register-cover.js';
import { registerBook, type RegisterRow } from './register-rows.js';

export type RegisterXlsxOptions = FormWorkbookOptions;

export { SHEET_NAME } from './register-rows.js';

/** Widths in characters, in column order: the summary widest, hand-filled columns wide enough to write in. */
export const XLSX_COLUMN_WIDTHS = [12, 7, 24, 17, 12, 50, 22, 12, 14, 20];

/** Rows 1–7 carry the title block (the dates and numbers on one line, the volume on the next); the header follows a blank line. */
export const HEADER_ROW = bookHeaderRow(2);

export async function buildRegisterXlsx(cover: RegisterCover, rows: readonly RegisterRow[], options: RegisterXlsxOptions = {}): Promise<Buffer> {
  return buildBookXlsx(registerBook(cover, rows), XLSX_COLUMN_WIDTHS, options);
}
