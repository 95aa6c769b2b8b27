/**
 * The Sổ theo dõi giải quyết văn bản đến as a PDF for printing and binding: the cover of NĐ 30
 * Phụ lục IV, then the seven-column table, A4 landscape, headers repeated on every page.
 */
import { agencyBlock, grid, renderFormPdf, type GridColumn } from './form-pdf.js';
import { printedNumber } from './register-rows.js';
import { TRACKING_COLUMNS, TRACKING_TITLE, trackingCoverLines, type TrackingCover, type TrackingRow } from './tracking-rows.js';

/**
 * Widths in points, in column order: the document's description takes what is left (about 5.5 cm);
 * a unit's name and a progress note fit on a line; the reply column is wide enough to write in.
 */
export const TRACKING_WIDTHS: readonly (number | '*')[] = [34, '*', 150, 58, 130, 72, 64];
const CENTRED = new Set([0, 3]);

function coverPage(cover: TrackingCover): object[] {
  const lines = trackingCoverLines(cover);
  return [
    agencyBlock(cover),
    { text: TRACKING_TITLE, fontSize: 26, bold: true, alignment: 'center', margin: [0, 110, 0, 12] },
    { text: lines.year, fontSize: 16, bold: true, alignment: 'center' },
    { stack: [lines.dates, lines.volume], fontSize: 14, alignment: 'center', lineHeight: 1.5, margin: [0, 70, 0, 0], pageBreak: 'after' },
  ];
}

export async function buildTrackingPdf(cover: TrackingCover, rows: readonly TrackingRow[], options: { fontDir?: string | null } = {}): Promise<Buffer> {
  const columns: GridColumn[] = TRACKING_COLUMNS.map((c, i) => ({ header: c.header, width: TRACKING_WIDTHS[i], align: CENTRED.has(i) ? 'center' : 'left' }));
  const cells = rows.map((row) => TRACKING_COLUMNS.map((c) => c.value(row)).map((v) => (typeof v === 'number' ? printedNumber(v) : v)));
  return renderFormPdf({
    title: `Sổ theo dõi giải quyết văn bản đến năm ${cover.year}`,
    author: cover.agencyName,
    orientation: 'landscape',
    fontDir: options.fontDir,
    content: [...coverPage(cover), grid(columns, cells)],
  });
}
