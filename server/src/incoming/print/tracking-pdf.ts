/**
 * The Sổ theo dõi giải quyết văn bản đến as a PDF for printing and binding: the cover of NĐ 30
 * Phụ lục IV, then the seven-column table, A4 landscape, headers repeated on every page.
 */
import { buildBookPdf } from '../../infra/print/register-book.js';
import { trackingBook, type TrackingCover, type TrackingRow } from './tracking-rows.js';

/**
 * Widths in points, in column order: the document's description takes what is left (about 5.5 cm);
 * a unit's name and a progress note fit on a line; the reply column is wide enough to write in.
 */
export const TRACKING_WIDTHS: readonly (number | '*')[] = [34, '*', 150, 58, 130, 72, 64];

export async function buildTrackingPdf(cover: TrackingCover, rows: readonly TrackingRow[], options: { fontDir?: string | null } = {}): Promise<Buffer> {
  return buildBookPdf(trackingBook(cover, rows), TRACKING_WIDTHS, { fontDir: options.fontDir, titleSize: 26 });
}
