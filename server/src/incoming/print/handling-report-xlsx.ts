/**
 * The handling report as a spreadsheet: one sheet per table, each with the title block, so either
 * prints alone; counts stay numbers for the agency's own sums and charts.
 */
import { addFormSheet, formWorkbook, type FormWorkbookOptions } from './form-xlsx.js';
import type { HandlingReport } from './handling-report-service.js';
import { PERSON_HEADERS, personRows, REPORT_NOTE, REPORT_TITLE, reportLines, SECTION_TITLES, UNIT_HEADERS, unitRows, type Cell } from './handling-report-rows.js';

export const REPORT_SHEETS = ['Theo đơn vị', 'Theo cá nhân'] as const;
/** Rows above it carry the title block; sheets put their header row here. */
export const REPORT_HEADER_ROW = 8;

function addTable(workbook: ReturnType<typeof formWorkbook>, report: HandlingReport, index: 0 | 1, options: FormWorkbookOptions): void {
  const headers = index === 0 ? UNIT_HEADERS : PERSON_HEADERS;
  const rows: Cell[][] = index === 0 ? unitRows(report) : personRows(report);
  const nameColumns = index === 0 ? [36] : [28, 30];
  const widths = [6, ...nameColumns, ...Array<number>(5).fill(14)];
  const form = addFormSheet(workbook, REPORT_SHEETS[index], { orientation: 'landscape', widths, headerRow: REPORT_HEADER_ROW, headerRows: 1 }, options);
  const last = headers.length;
  if (report.parentAgencyName) form.line(1, report.parentAgencyName.toLocaleUpperCase('vi'), 1, 3);
  form.line(2, report.agencyName.toLocaleUpperCase('vi'), 1, 3, { bold: true });
  form.line(3, REPORT_TITLE, 1, last, { bold: true, size: 14 });
  reportLines(report).forEach((line, i) => form.line(4 + i, line, 1, last, { italic: true }));
  form.line(REPORT_HEADER_ROW - 1, SECTION_TITLES[index], 1, last, { bold: true });

  form.headers(REPORT_HEADER_ROW, headers, false);
  const centred = new Set([0, ...Array.from({ length: 5 }, (_, i) => last - 5 + i)]);
  rows.forEach((row, r) => form.cells(REPORT_HEADER_ROW + 1 + r, row, centred, r === rows.length - 1 ? { bold: true } : {}));
  form.line(REPORT_HEADER_ROW + rows.length + 2, REPORT_NOTE, 1, last, { italic: true, size: 10 });
  form.sheet.getRow(REPORT_HEADER_ROW + rows.length + 2).height = 30;
}

export async function buildHandlingReportXlsx(report: HandlingReport, options: FormWorkbookOptions = {}): Promise<Buffer> {
  const workbook = formWorkbook(`Báo cáo tình hình giải quyết văn bản đến từ ${report.fromDate} đến ${report.toDate}`, options);
  addTable(workbook, report, 0, options);
  addTable(workbook, report, 1, options);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
