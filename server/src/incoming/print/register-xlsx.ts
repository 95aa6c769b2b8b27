/**
 * The Sổ đăng ký văn bản đến as a spreadsheet: the same ten columns and texts as the PDF, for
 * agencies that keep or adjust the register in Excel/LibreOffice before printing.
 */
import ExcelJS from 'exceljs';
import { coverLines, REGISTER_COLUMNS, REGISTER_TITLE, type RegisterCover, type RegisterRow } from './register-rows.js';

export interface RegisterXlsxOptions {
  /** Any font with Times New Roman metrics the agency has installed. */
  fontName?: string;
  /** Stamped in the file's properties; the clock's time rather than the machine's. */
  createdAt?: Date;
}

export const SHEET_NAME = 'Sổ đăng ký văn bản đến';

/** Widths in characters, in column order: the summary widest, hand-filled columns wide enough to write in. */
export const XLSX_COLUMN_WIDTHS = [12, 7, 24, 17, 12, 50, 22, 12, 14, 20];

/** Rows 1–7 carry the title block; the table header starts below a blank line. */
export const HEADER_ROW = 9;
const FIRST_DATA_ROW = HEADER_ROW + 2;
const CENTRED_COLUMNS = new Set([1, 2, 4, 5, 8]);

const MM_PER_INCH = 25.4;
const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

export async function buildRegisterXlsx(cover: RegisterCover, rows: readonly RegisterRow[], options: RegisterXlsxOptions = {}): Promise<Buffer> {
  const fontName = options.fontName ?? 'Times New Roman';
  const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: fontName, size: 12, ...extra });
  const lastColumn = REGISTER_COLUMNS.length;

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'VănThư';
  workbook.title = `Sổ đăng ký văn bản đến năm ${cover.year}`;
  if (options.createdAt) workbook.created = options.createdAt;

  const sheet = workbook.addWorksheet(SHEET_NAME, {
    // Printing from the spreadsheet gives the same page as the PDF: A4 landscape, NĐ 30 margins,
    // header rows on every page, page numbers centred at the top except on the first page.
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW + 1}`,
      margins: { left: 30 / MM_PER_INCH, right: 15 / MM_PER_INCH, top: 20 / MM_PER_INCH, bottom: 20 / MM_PER_INCH, header: 10 / MM_PER_INCH, footer: 10 / MM_PER_INCH },
    },
    headerFooter: { differentFirst: true, firstHeader: '', oddHeader: `&C&"${fontName},Regular"&13&P` },
    views: [{ state: 'frozen', ySplit: HEADER_ROW + 1 }],
  });
  sheet.columns = XLSX_COLUMN_WIDTHS.map((width) => ({ width }));

  const line = (row: number, text: string, fromCol: number, toCol: number, extra: Partial<ExcelJS.Font> = {}) => {
    sheet.mergeCells(row, fromCol, row, toCol);
    const cell = sheet.getCell(row, fromCol);
    cell.value = text;
    cell.font = font(extra);
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  };
  const lines = coverLines(cover);
  if (cover.parentAgencyName) line(1, cover.parentAgencyName, 1, 3);
  line(2, cover.agencyName, 1, 3, { bold: true });
  line(4, REGISTER_TITLE, 1, lastColumn, { bold: true, size: 16 });
  line(5, lines.year, 1, lastColumn, { bold: true });
  line(6, `${lines.dates}; ${lines.numbers}`, 1, lastColumn);
  line(7, lines.volume, 1, lastColumn);

  const header = sheet.getRow(HEADER_ROW);
  const numbering = sheet.getRow(HEADER_ROW + 1);
  REGISTER_COLUMNS.forEach((column, i) => {
    const h = header.getCell(i + 1);
    h.value = column.header;
    h.font = font({ bold: true });
    h.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    h.border = BORDER;
    const n = numbering.getCell(i + 1);
    n.value = `(${i + 1})`;
    n.font = font({ italic: true, size: 10 });
    n.alignment = { horizontal: 'center' };
    n.border = BORDER;
  });

  rows.forEach((row, r) => {
    const sheetRow = sheet.getRow(FIRST_DATA_ROW + r);
    REGISTER_COLUMNS.forEach((column, i) => {
      const cell = sheetRow.getCell(i + 1);
      const value = column.value(row);
      cell.value = value;
      // Số đến stays a number so the sheet sorts and filters by it; shown with the leading 0 of the PDF.
      if (typeof value === 'number') cell.numFmt = '00';
      cell.font = font();
      cell.alignment = { horizontal: CENTRED_COLUMNS.has(i + 1) ? 'center' : 'left', vertical: 'top', wrapText: true };
      cell.border = BORDER;
    });
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
