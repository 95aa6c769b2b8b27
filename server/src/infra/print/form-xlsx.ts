/**
 * What the spreadsheet forms share: a sheet that prints like the PDF (A4, NĐ 30 margins, header
 * rows repeated, page numbers from the second page), merged title lines and ruled cells in a
 * Times-metric font the agency has installed.
 */
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

/**
 * exceljs and its zip libraries are some 400 modules: loaded when the first spreadsheet is made,
 * not at every start (synchronously, so the form builders stay synchronous).
 */
const require = createRequire(import.meta.url);
let excel: typeof ExcelJS | undefined;
const exceljs = (): typeof ExcelJS => (excel ??= require('exceljs') as typeof ExcelJS);

const MM_PER_INCH = 25.4;
const thin = { style: 'thin' as const };
export const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

export interface FormWorkbookOptions {
  /** Any font with Times New Roman metrics the agency has installed. */
  fontName?: string;
  /** Stamped in the file's properties; the clock's time rather than the machine's. */
  createdAt?: Date;
}

export class FormSheet {
  constructor(
    readonly sheet: ExcelJS.Worksheet,
    readonly fontName: string,
  ) {}

  font(extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
    return { name: this.fontName, size: 12, ...extra };
  }

  /** One merged, centred line of the title block. */
  line(row: number, text: string, fromCol: number, toCol: number, extra: Partial<ExcelJS.Font> = {}): void {
    this.sheet.mergeCells(row, fromCol, row, toCol);
    const cell = this.sheet.getCell(row, fromCol);
    cell.value = text;
    cell.font = this.font(extra);
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }

  /** The column headers, and under them the "(1) (2) …" numbering row when asked for. */
  headers(row: number, headers: readonly string[], numbered = true): void {
    headers.forEach((text, i) => {
      const h = this.sheet.getRow(row).getCell(i + 1);
      h.value = text;
      h.font = this.font({ bold: true });
      h.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      h.border = BORDER;
      if (!numbered) return;
      const n = this.sheet.getRow(row + 1).getCell(i + 1);
      n.value = `(${i + 1})`;
      n.font = this.font({ italic: true, size: 10 });
      n.alignment = { horizontal: 'center' };
      n.border = BORDER;
    });
  }

  /** One ruled data row; numbers stay numbers so the sheet sums, sorts and filters by them. */
  cells(row: number, values: readonly (string | number)[], centred: ReadonlySet<number>, extra: Partial<ExcelJS.Font> = {}): void {
    const sheetRow = this.sheet.getRow(row);
    values.forEach((value, i) => {
      const cell = sheetRow.getCell(i + 1);
      cell.value = value;
      cell.font = this.font(extra);
      cell.alignment = { horizontal: centred.has(i) ? 'center' : 'left', vertical: 'top', wrapText: true };
      cell.border = BORDER;
    });
  }
}

export function formWorkbook(title: string, options: FormWorkbookOptions = {}): ExcelJS.Workbook {
  const workbook = new (exceljs().Workbook)();
  workbook.creator = 'VănThư';
  workbook.title = title;
  if (options.createdAt) workbook.created = options.createdAt;
  return workbook;
}

export function addFormSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  layout: { orientation: 'portrait' | 'landscape'; widths: readonly number[]; headerRow: number; headerRows: number },
  options: FormWorkbookOptions = {},
): FormSheet {
  const fontName = options.fontName ?? 'Times New Roman';
  const last = layout.headerRow + layout.headerRows - 1;
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: layout.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${layout.headerRow}:${last}`,
      margins: { left: 30 / MM_PER_INCH, right: 15 / MM_PER_INCH, top: 20 / MM_PER_INCH, bottom: 20 / MM_PER_INCH, header: 10 / MM_PER_INCH, footer: 10 / MM_PER_INCH },
    },
    headerFooter: { differentFirst: true, firstHeader: '', oddHeader: `&C&"${fontName},Regular"&13&P` },
    views: [{ state: 'frozen', ySplit: last }],
  });
  sheet.columns = layout.widths.map((width) => ({ width }));
  return new FormSheet(sheet, fontName);
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
