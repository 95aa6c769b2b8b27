/**
 * The Sổ theo dõi giải quyết văn bản đến as a spreadsheet: the same seven columns and texts as the
 * PDF, for the clerk who follows up in Excel/LibreOffice and writes in the replies.
 */
import { bookHeaderRow, buildBookXlsx } from '../../infra/print/register-book.js';
import type { FormWorkbookOptions } from '../../infra/print/form-xlsx.js';
import { trackingBook, type TrackingCover, type TrackingRow } from './tracking-rows.js';

export { TRACKING_SHEET } from './tracking-rows.js';

/** Rows 1–6 carry the title block (dates and volume on one line); the header follows a blank line. */
export const TRACKING_HEADER_ROW = bookHeaderRow(1);
const WIDTHS = [8, 50, 32, 13, 28, 20, 18];

export async function buildTrackingXlsx(cover: TrackingCover, rows: readonly TrackingRow[], options: FormWorkbookOptions = {}): Promise<Buffer> {
  return buildBookXlsx(trackingBook(cover, rows), WIDTHS, options);
}
