/**
 * The Sổ theo dõi giải quyết văn bản đến as a spreadsheet: the same seven columns and texts as the
 * PDF, for the clerk who follows up in Excel/LibreOffice and writes in the replies.
 */
import { addFormSheet, formWorkbook, type FormWorkbookOptions } from './form-xlsx.js';
import { TRACKING_COLUMNS, TRACKING_TITLE, trackingCoverLines, type TrackingCover, type TrackingRow } from './tracking-rows.js';

export const TRACKING_SHEET = 'Sổ theo dõi giải quyết VB đến';

/** Rows 1–6 carry the title block; the table header starts below a blank line. */
export const TRACKING_HEADER_ROW = 8;
const FIRST_DATA_ROW = TRACKING_HEADER_ROW + 2;
const WIDTHS = [8, 50, 32, 13, 28, 20, 18];
const CENTRED = new Set([0, 3]);

export async function buildTrackingXlsx(cover: TrackingCover, rows: readonly TrackingRow[], options: FormWorkbookOptions = {}): Promise<Buffer> {
  const workbook = formWorkbook(`Sổ theo dõi giải quyết văn bản đến năm ${cover.year}`, options);
  const form = addFormSheet(workbook, TRACKING_SHEET, { orientation: 'landscape', widths: WIDTHS, headerRow: TRACKING_HEADER_ROW, headerRows: 2 }, options);
  const last = TRACKING_COLUMNS.length;
  const lines = trackingCoverLines(cover);
  if (cover.parentAgencyName) form.line(1, cover.parentAgencyName, 1, 2);
  form.line(2, cover.agencyName, 1, 2, { bold: true });
  form.line(4, TRACKING_TITLE, 1, last, { bold: true, size: 16 });
  form.line(5, lines.year, 1, last, { bold: true });
  form.line(6, `${lines.dates}; ${lines.volume}`, 1, last);

  form.headers(TRACKING_HEADER_ROW, TRACKING_COLUMNS.map((c) => c.header));
  rows.forEach((row, r) => {
    form.cells(FIRST_DATA_ROW + r, TRACKING_COLUMNS.map((c) => c.value(row)), CENTRED);
    // Số đến stays a number, shown with the leading 0 of the PDF.
    form.sheet.getCell(FIRST_DATA_ROW + r, 1).numFmt = '00';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
