/**
 * The printed Báo cáo tình hình giải quyết văn bản đi: its title lines, its four tables and the text
 * of every cell, shared by the PDF and the spreadsheet.
 */
import type { AgencyHeading } from '../../infra/print/form-pdf.js';
import type { Cell } from '../../infra/print/register-book.js';
import { printedDate } from '../../infra/print/register-cover.js';
import { countColumns, type Report } from '../../infra/print/report-book.js';
import type { Counts, CountLine, OutgoingTally } from './report.js';

export const REPORT_TITLE = 'BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐI';
export const COUNT_HEADERS = ['Số văn bản phát hành', 'Trong đó: gửi kèm bản giấy', 'Trong đó: đã thu hồi'] as const;
export const SECTIONS = [
  { title: 'I. THEO LOẠI VĂN BẢN', sheetName: 'Theo loại văn bản', headers: ['STT', 'Loại văn bản', ...COUNT_HEADERS] },
  { title: 'II. THEO ĐƠN VỊ SOẠN THẢO', sheetName: 'Theo đơn vị soạn thảo', headers: ['STT', 'Đơn vị soạn thảo', ...COUNT_HEADERS] },
  { title: 'III. THEO NGƯỜI KÝ', sheetName: 'Theo người ký', headers: ['STT', 'Người ký', 'Chức vụ', ...COUNT_HEADERS] },
  { title: 'IV. TÌNH TRẠNG GỬI, NHẬN CỦA NƠI NHẬN', sheetName: 'Tình trạng gửi, nhận', headers: ['STT', 'Tình trạng', 'Số lượt nơi nhận'] },
] as const;
export const TOTAL = 'Tổng cộng';
export const REPORT_NOTE =
  'Ghi chú: tính các văn bản đã phát hành (đã ký số của cơ quan) có ngày văn bản trong kỳ, kể cả văn bản đã thu hồi; mỗi nơi nhận của một văn bản là một lượt, theo tình trạng tại thời điểm in báo cáo.';

const numbers = (c: Counts): number[] => [c.documents, c.paper, c.recalled];

function countRows(lines: readonly CountLine[], total: Counts, withDetail: boolean): Cell[][] {
  const name = (l: { name: string; detail: string }) => (withDetail ? [l.name, l.detail] : [l.name]);
  return [...lines.map((l, i) => [i + 1, ...name(l), ...numbers(l)]), ['', ...name({ name: TOTAL, detail: '' }), ...numbers(total)]];
}

export interface ReportPeriod {
  fromDate: string;
  toDate: string;
  /** The day the recipients' standing is read: the day of printing. */
  asOf: string;
}

export function reportLines(period: ReportPeriod, tally: OutgoingTally): string[] {
  return [
    `Từ ngày ${printedDate(period.fromDate)} đến ngày ${printedDate(period.toDate)}`,
    `Tổng số văn bản phát hành: ${tally.total.documents}; số lượt nơi nhận: ${tally.recipients}`,
    `Tình trạng gửi, nhận tính đến ngày ${printedDate(period.asOf)}`,
  ];
}

export function outgoingReportFile(heading: AgencyHeading, period: ReportPeriod, tally: OutgoingTally): Report {
  const [types, units, signers, statuses] = SECTIONS;
  const statusRows: Cell[][] = [...tally.byStatus.map((s, i) => [i + 1, s.label, s.count]), ['', TOTAL, tally.recipients]];
  const count = [100, 16] as const;
  return {
    name: `Báo cáo tình hình giải quyết văn bản đi từ ${period.fromDate} đến ${period.toDate}`,
    heading,
    title: REPORT_TITLE,
    lines: reportLines(period, tally),
    sections: [
      { ...types, columns: countColumns(types.headers, [['*', 30]], count), rows: countRows(tally.byType, tally.total, false), total: true },
      { ...units, columns: countColumns(units.headers, [['*', 36]], count), rows: countRows(tally.byUnit, tally.total, false), total: true },
      { ...signers, columns: countColumns(signers.headers, [[150, 28], ['*', 24]], count), rows: countRows(tally.bySigner, tally.total, true), total: true },
      { ...statuses, columns: countColumns(statuses.headers, [['*', 40]], [120, 18]), rows: statusRows, total: true },
    ],
    note: REPORT_NOTE,
  };
}
