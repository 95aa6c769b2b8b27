/**
 * A report (báo cáo) as a file: agency block, title, the period and other lines, then one table per
 * section with the total row in bold, and a note on what is counted. The PDF is A4 landscape; the
 * spreadsheet gives each section a sheet with the title block, so either prints alone, and keeps
 * counts as numbers for the agency's own sums and charts.
 */
import { agencyBlock, grid, renderFormPdf, type AgencyHeading, type GridColumn } from './form-pdf.js';
import { addFormSheet, formWorkbook, type FormWorkbookOptions } from './form-xlsx.js';
import type { PrintFormat, PrintOptions } from './printed-file.js';
import type { Cell } from './register-book.js';

export interface ReportColumn {
  header: string;
  /** In points for the PDF; '*' takes what is left. */
  width: number | '*';
  /** In characters for the sheet. */
  sheetWidth: number;
  centred?: boolean;
}

export interface ReportSection {
  title: string;
  sheetName: string;
  columns: readonly ReportColumn[];
  rows: readonly (readonly Cell[])[];
  /** The last row is the total, printed in bold. */
  total?: boolean;
}

export interface Report {
  /** The file's title. */
  name: string;
  heading: AgencyHeading;
  title: string;
  lines: readonly string[];
  sections: readonly ReportSection[];
  note?: string;
}

/** The usual report table: STT, then the named columns (points, characters), then the counts, centred. */
export function countColumns(headers: readonly string[], names: readonly (readonly [number | '*', number])[], count: readonly [number, number] = [70, 14]): ReportColumn[] {
  return headers.map((header, i) => {
    if (i === 0) return { header, width: 26, sheetWidth: 6, centred: true };
    const name = names[i - 1];
    return name ? { header, width: name[0], sheetWidth: name[1] } : { header, width: count[0], sheetWidth: count[1], centred: true };
  });
}

const boldRows = (s: ReportSection) => new Set(s.total ? [s.rows.length - 1] : []);

export function buildReportPdf(report: Report, options: { fontDir?: string | null } = {}): Promise<Buffer> {
  const table = (s: ReportSection) => {
    const columns: GridColumn[] = s.columns.map((c) => ({ header: c.header, width: c.width, align: c.centred ? 'center' : 'left' }));
    return grid(columns, s.rows.map((row) => row.map(String)), { numbered: false, boldRows: boldRows(s) });
  };
  return renderFormPdf({
    title: report.name,
    author: report.heading.agencyName,
    orientation: 'landscape',
    fontDir: options.fontDir,
    content: [
      agencyBlock(report.heading, 12),
      { text: report.title, fontSize: 14, bold: true, alignment: 'center', margin: [0, 12, 0, 4] },
      ...report.lines.map((line) => ({ text: line, italics: true, fontSize: 12, alignment: 'center' })),
      ...report.sections.flatMap((s) => [{ text: s.title, bold: true, fontSize: 12, margin: [0, 12, 0, 4] }, table(s)]),
      ...(report.note ? [{ text: report.note, italics: true, fontSize: 10, margin: [0, 8, 0, 0] }] : []),
    ],
  });
}

/** Title block in rows 1–3, the lines from row 4, the section's title, then its header (row 8 at the earliest). */
export function reportHeaderRow(lineCount: number): number {
  return Math.max(8, 5 + lineCount);
}

export async function buildReportXlsx(report: Report, options: FormWorkbookOptions = {}): Promise<Buffer> {
  const workbook = formWorkbook(report.name, options);
  const headerRow = reportHeaderRow(report.lines.length);
  for (const s of report.sections) {
    const widths = s.columns.map((c) => c.sheetWidth);
    const form = addFormSheet(workbook, s.sheetName, { orientation: 'landscape', widths, headerRow, headerRows: 1 }, options);
    const last = s.columns.length;
    if (report.heading.parentAgencyName) form.line(1, report.heading.parentAgencyName, 1, 3);
    form.line(2, report.heading.agencyName, 1, 3, { bold: true });
    form.line(3, report.title, 1, last, { bold: true, size: 14 });
    report.lines.forEach((line, i) => form.line(4 + i, line, 1, last, { italic: true }));
    form.line(headerRow - 1, s.title, 1, last, { bold: true });

    form.headers(headerRow, s.columns.map((c) => c.header), false);
    const centred = new Set(s.columns.flatMap((c, i) => (c.centred ? [i] : [])));
    const bold = boldRows(s);
    s.rows.forEach((row, r) => form.cells(headerRow + 1 + r, row, centred, bold.has(r) ? { bold: true } : {}));
    if (report.note) {
      form.line(headerRow + s.rows.length + 2, report.note, 1, last, { italic: true, size: 10 });
      form.sheet.getRow(headerRow + s.rows.length + 2).height = 30;
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The report in the format asked for; the sheet stamped with the clock's time. */
export function buildReportFile(format: PrintFormat, report: Report, options: PrintOptions, createdAt: Date): Promise<Buffer> {
  return format === 'pdf' ? buildReportPdf(report, { fontDir: options.fontDir }) : buildReportXlsx(report, { fontName: options.xlsxFontName, createdAt });
}
