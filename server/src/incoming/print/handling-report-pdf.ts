/** The handling report as an A4 landscape PDF: agency block, title, period, the two tables and a note on what is counted. */
import { agencyBlock, agencyHeading, grid, renderFormPdf, type GridColumn } from './form-pdf.js';
import type { HandlingReport } from './handling-report-service.js';
import { personRows, REPORT_NOTE, REPORT_TITLE, reportLines, SECTION_TITLES, unitRows, UNIT_HEADERS, PERSON_HEADERS, type Cell } from './handling-report-rows.js';

const COUNT_WIDTH = 70;

function columns(headers: readonly string[], nameWidths: readonly (number | '*')[]): GridColumn[] {
  return headers.map((header, i) => ({ header, width: i === 0 ? 26 : (nameWidths[i - 1] ?? COUNT_WIDTH), align: i === 0 || i > nameWidths.length ? 'center' : 'left' }));
}

const text = (rows: Cell[][]) => rows.map((row) => row.map(String));
/** The total row is the last one. */
const lastBold = (rows: Cell[][]) => new Set([rows.length - 1]);

export async function buildHandlingReportPdf(report: HandlingReport, options: { fontDir?: string | null } = {}): Promise<Buffer> {
  const units = unitRows(report);
  const people = personRows(report);
  const heading = (title: string) => ({ text: title, bold: true, fontSize: 12, margin: [0, 12, 0, 4] });
  return renderFormPdf({
    title: `Báo cáo tình hình giải quyết văn bản đến từ ${report.fromDate} đến ${report.toDate}`,
    author: report.agencyName,
    orientation: 'landscape',
    fontDir: options.fontDir,
    content: [
      agencyBlock(agencyHeading({ name: report.agencyName, parentName: report.parentAgencyName }), 12),
      { text: REPORT_TITLE, fontSize: 14, bold: true, alignment: 'center', margin: [0, 12, 0, 4] },
      ...reportLines(report).map((line) => ({ text: line, italics: true, fontSize: 12, alignment: 'center' })),
      heading(SECTION_TITLES[0]),
      grid(columns(UNIT_HEADERS, ['*']), text(units), { numbered: false, boldRows: lastBold(units) }),
      heading(SECTION_TITLES[1]),
      grid(columns(PERSON_HEADERS, [150, '*']), text(people), { numbered: false, boldRows: lastBold(people) }),
      { text: REPORT_NOTE, italics: true, fontSize: 10, margin: [0, 8, 0, 0] },
    ],
  });
}
