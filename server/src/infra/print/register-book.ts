/**
 * A register (sổ) of NĐ 30 Phụ lục IV as a file: the cover of the template, then one ruled table
 * with its headers and "(1) (2) …" row repeated on every page. The PDF is A4 landscape for
 * printing, signing and binding; the spreadsheet holds the same cells and prints the same page.
 */
import { coverPage, grid, renderFormPdf, type CoverText, type GridColumn } from './form-pdf.js';
import { addFormSheet, formWorkbook, type FormWorkbookOptions } from './form-xlsx.js';
import type { PrintFormat, PrintOptions } from './printed-file.js';
import { printedNumber } from './register-cover.js';

export type Cell = string | number;

export interface BookColumn {
  header: string;
  centred?: boolean;
  /** A document number: printed with its leading 0, kept a number in the sheet. */
  padded?: boolean;
}

export interface Book {
  /** The file's title, e.g. 'Sổ đăng ký văn bản đi năm 2026'. */
  name: string;
  cover: CoverText;
  sheet: {
    name: string;
    /** The cover lines after the year as the sheet sets them: fewer, wider lines. */
    details: readonly string[];
    /** How many columns the agency block spans at the top left. */
    agencyColumns: number;
  };
  columns: readonly BookColumn[];
  rows: readonly (readonly Cell[])[];
}

export interface BookPdfLayout {
  fontDir?: string | null;
  titleSize?: number;
  blockWidth?: number;
}

const printed = (column: BookColumn, value: Cell) => (typeof value === 'number' && column.padded ? printedNumber(value) : String(value));

/** `widths` in points, in column order; '*' takes what is left. */
export function buildBookPdf(book: Book, widths: readonly (number | '*')[], layout: BookPdfLayout = {}): Promise<Buffer> {
  const columns: GridColumn[] = book.columns.map((c, i) => ({ header: c.header, width: widths[i], align: c.centred ? 'center' : 'left' }));
  const cells = book.rows.map((row) => book.columns.map((c, i) => printed(c, row[i] ?? '')));
  return renderFormPdf({
    title: book.name,
    author: book.cover.heading.agencyName,
    orientation: 'landscape',
    fontDir: layout.fontDir,
    subject: 'Mẫu sổ theo Phụ lục IV Nghị định 30/2020/NĐ-CP',
    content: [...coverPage(book.cover, layout), grid(columns, cells)],
  });
}

/** Rows 1–2 hold the agency, 4 the title, 5 the year, then the details; the header follows a blank row. */
export function bookHeaderRow(detailLines: number): number {
  return 7 + detailLines;
}

/** `widths` in characters, in column order. */
export async function buildBookXlsx(book: Book, widths: readonly number[], options: FormWorkbookOptions = {}): Promise<Buffer> {
  const headerRow = bookHeaderRow(book.sheet.details.length);
  const workbook = formWorkbook(book.name, options);
  const form = addFormSheet(workbook, book.sheet.name, { orientation: 'landscape', widths, headerRow, headerRows: 2 }, options);
  const last = book.columns.length;
  const { heading } = book.cover;
  if (heading.parentAgencyName) form.line(1, heading.parentAgencyName, 1, book.sheet.agencyColumns);
  form.line(2, heading.agencyName, 1, book.sheet.agencyColumns, { bold: true });
  form.line(4, book.cover.title, 1, last, { bold: true, size: 16 });
  form.line(5, book.cover.year, 1, last, { bold: true });
  book.sheet.details.forEach((text, i) => form.line(6 + i, text, 1, last));

  form.headers(headerRow, book.columns.map((c) => c.header));
  const centred = new Set(book.columns.flatMap((c, i) => (c.centred ? [i] : [])));
  book.rows.forEach((row, r) => {
    form.cells(headerRow + 2 + r, row, centred);
    // Numbers stay numbers so the sheet sorts and filters by them, shown with the PDF's leading 0.
    book.columns.forEach((c, i) => {
      if (c.padded && typeof row[i] === 'number') form.sheet.getCell(headerRow + 2 + r, i + 1).numFmt = '00';
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The book in the format asked for, with each format's column widths; the sheet stamped with the clock's time. */
export function buildBookFile(
  format: PrintFormat,
  book: Book,
  widths: { pdf: readonly (number | '*')[]; sheet: readonly number[] },
  layout: BookPdfLayout & PrintOptions,
  createdAt: Date,
): Promise<Buffer> {
  return format === 'pdf' ? buildBookPdf(book, widths.pdf, layout) : buildBookXlsx(book, widths.sheet, { fontName: layout.xlsxFontName, createdAt });
}
