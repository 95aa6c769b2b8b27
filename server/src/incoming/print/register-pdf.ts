/**
 * The Sổ đăng ký văn bản đến as a PDF for printing, signing and binding (Q-11.2a): a cover page as in
 * NĐ 30/2020 Phụ lục IV, then the ten-column table with its header repeated on every page.
 */
import { buildBookPdf } from '../../infra/print/register-book.js';
import type { RegisterCover } from '../../infra/print/register-cover.js';
import { registerBook, type RegisterRow } from './register-rows.js';

/**
 * Widths in points, in column order. Dates and numbers fit on one line at 10 pt; the summary takes
 * what is left (about 5 cm); Ngày chuyển and Ký nhận are wide enough to write and sign in by hand.
 */
export const COLUMN_WIDTHS: readonly (number | '*')[] = [48, 30, 80, 66, 48, '*', 72, 48, 54, 62];

export interface RegisterPdfOptions {
  /** A folder with Times-metric fonts under the bundled file names; the bundled Liberation Serif otherwise. */
  fontDir?: string | null;
}

export async function buildRegisterPdf(cover: RegisterCover, rows: readonly RegisterRow[], options: RegisterPdfOptions = {}): Promise<Buffer> {
  return buildBookPdf(registerBook(cover, rows), COLUMN_WIDTHS, { fontDir: options.fontDir, blockWidth: 300 });
}
