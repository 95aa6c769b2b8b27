/** The handling report as a file to print or keep; the audit entry is returned for the caller to record. */
import type { Ctx } from '../../infra/context.js';
import { XLSX_CONTENT_TYPE } from './form-xlsx.js';
import type { PrintOptions, RegisterFile, RegisterFormat } from './register-print.js';
import { handlingReport, type HandlingReportQuery } from './handling-report-service.js';
import { buildHandlingReportPdf } from './handling-report-pdf.js';
import { buildHandlingReportXlsx } from './handling-report-xlsx.js';

export async function printHandlingReport(ctx: Ctx, format: RegisterFormat, query: HandlingReportQuery, options: PrintOptions = {}): Promise<RegisterFile> {
  const report = await handlingReport(ctx, query);
  const body =
    format === 'pdf'
      ? await buildHandlingReportPdf(report, { fontDir: options.fontDir })
      : await buildHandlingReportXlsx(report, { fontName: options.xlsxFontName, createdAt: ctx.clock.now() });
  return {
    body,
    filename: `bao-cao-giai-quyet-van-ban-den-${query.fromDate}-${query.toDate}.${format}`,
    contentType: format === 'pdf' ? 'application/pdf' : XLSX_CONTENT_TYPE,
    audit: {
      action: 'incoming.handling_report_printed',
      objectType: 'incoming_handling_report',
      details: { format, fromDate: query.fromDate, toDate: query.toDate, asOf: report.asOf, unitId: report.unitId, received: report.unitTotal.received },
    },
  };
}
