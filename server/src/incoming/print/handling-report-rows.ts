/**
 * The printed handling report: its title lines, its two tables (by unit, by person) and the text
 * of every cell, shared by the PDF and the spreadsheet.
 */
import { agencyHeading } from '../../infra/print/form-pdf.js';
import { printedDate } from '../../infra/print/register-cover.js';
import { countColumns, type Report } from '../../infra/print/report-book.js';
import type { HandlingCounts } from './handling-report.js';
import type { HandlingReport } from './handling-report-service.js';

export const REPORT_TITLE = 'BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐẾN';
export const COUNT_HEADERS = ['Số văn bản tiếp nhận', 'Đã giải quyết đúng hạn', 'Đã giải quyết quá hạn', 'Đang giải quyết trong hạn', 'Quá hạn chưa giải quyết'] as const;
export const UNIT_HEADERS = ['STT', 'Đơn vị', ...COUNT_HEADERS];
export const PERSON_HEADERS = ['STT', 'Họ và tên', 'Đơn vị', ...COUNT_HEADERS];
export const SECTION_TITLES = ['I. THEO ĐƠN VỊ', 'II. THEO CÁ NHÂN'] as const;
export const TOTAL = 'Tổng cộng';
export const REPORT_NOTE =
  'Ghi chú: tính các văn bản được giao chủ trì giải quyết trong kỳ; đúng hạn, quá hạn theo thời hạn của từng phân công; cá nhân gồm người được lãnh đạo cơ quan giao trực tiếp và người được lãnh đạo đơn vị giao.';

export type Cell = string | number;

const numbers = (c: HandlingCounts): number[] => [c.received, c.onTime, c.late, c.inProgress, c.overdue];

export function reportLines(r: HandlingReport): string[] {
  return [
    `Từ ngày ${printedDate(r.fromDate)} đến ngày ${printedDate(r.toDate)}`,
    ...(r.unitName ? [`Đơn vị: ${r.unitName}`] : []),
    ...(r.asOf < r.toDate ? [`Số liệu tính đến ngày ${printedDate(r.asOf)}`] : []),
  ];
}

/** Rows of the unit table, the total last. */
export function unitRows(r: HandlingReport): Cell[][] {
  return [...r.units.map((u, i) => [i + 1, u.unitName, ...numbers(u)]), ['', TOTAL, ...numbers(r.unitTotal)]];
}

/** Rows of the person table, the total last. */
export function personRows(r: HandlingReport): Cell[][] {
  return [...r.people.map((p, i) => [i + 1, p.fullName, p.unitName, ...numbers(p)]), ['', TOTAL, '', ...numbers(r.peopleTotal)]];
}

export const REPORT_SHEETS = ['Theo đơn vị', 'Theo cá nhân'] as const;

/** The report as a file: the two tables, totals last, and what is counted. */
export function handlingReportFile(r: HandlingReport): Report {
  return {
    name: `Báo cáo tình hình giải quyết văn bản đến từ ${r.fromDate} đến ${r.toDate}`,
    heading: agencyHeading({ name: r.agencyName, parentName: r.parentAgencyName }),
    title: REPORT_TITLE,
    lines: reportLines(r),
    sections: [
      { title: SECTION_TITLES[0], sheetName: REPORT_SHEETS[0], columns: countColumns(UNIT_HEADERS, [['*', 36]]), rows: unitRows(r), total: true },
      { title: SECTION_TITLES[1], sheetName: REPORT_SHEETS[1], columns: countColumns(PERSON_HEADERS, [[150, 28], ['*', 30]]), rows: personRows(r), total: true },
    ],
    note: REPORT_NOTE,
  };
}
