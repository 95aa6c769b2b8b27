/** The handling report as a file to print or keep; the audit entry is returned for the caller to record. */
import type { Ctx } from '../../infra/context.js';
import { CONTENT_TYPES, type PrintFormat, type PrintOptions, type PrintedFile } from '../../infra/print/printed-file.js';
import { buildReportFile } from '../../infra/print/report-book.js';
import { handlingReport, type HandlingReportQuery } from './handling-report-service.js';
import { handlingReportFile } from './handling-report-rows.js';

export async function printHandlingReport(ctx: Ctx, format: PrintFormat, query: HandlingReportQuery, options: PrintOptions = {}): Promise<PrintedFile> {
  const report = await handlingReport(ctx, query);
  return {
    body: await buildReportFile(format, handlingReportFile(report), options, ctx.clock.now()),
    filename: `bao-cao-giai-quyet-van-ban-den-${query.fromDate}-${query.toDate}.${format}`,
    contentType: CONTENT_TYPES[format],
    audit: {
      action: 'incoming.handling_report_printed',
      objectType: 'incoming_handling_report',
      details: { format, fromDate: query.fromDate, toDate: query.toDate, asOf: report.asOf, unitId: report.unitId, received: report.unitTotal.received },
    },
  };
}
