/**
 * Printing the Báo cáo tình hình giải quyết văn bản đi for a period (Q-14, Q-6.2c): the same people
 * as the registers may, always their own agency. The audit entry is returned for the caller to
 * record once the file is built.
 */
import type { Ctx } from '../../infra/context.js';
import { checkRange, CONTENT_TYPES, requirePrinter, type PrintedFile, type PrintFormat, type PrintOptions } from '../../infra/print/printed-file.js';
import { buildReportFile } from '../../infra/print/report-book.js';
import { legalDate } from '../../infra/time/legal-time.js';
import { loadNumbered, loadPrintNames, loadRecipients } from './print-data.js';
import { tallyOutgoing } from './report.js';
import { outgoingReportFile } from './report-file.js';

export interface OutgoingReportQuery {
  fromDate: string;
  toDate: string;
}

/** Documents issued in the period, recalled ones included: they were issued, and their recall is counted. */
export async function printOutgoingReport(ctx: Ctx, format: PrintFormat, query: OutgoingReportQuery, options: PrintOptions = {}): Promise<PrintedFile> {
  const actor = requirePrinter(ctx, 'Chỉ văn thư, lãnh đạo cơ quan và thanh tra được in báo cáo tình hình giải quyết văn bản đi.');
  checkRange(query);
  const docs = await loadNumbered(ctx.db, actor.agencyId, { states: ['issued', 'recalled'], fromDate: query.fromDate, toDate: query.toDate });
  await loadRecipients(ctx.db, docs);
  const names = await loadPrintNames(ctx.db, actor.agencyId, docs);
  const tally = tallyOutgoing(docs, names);
  const now = ctx.clock.now();
  const report = outgoingReportFile(names.heading, { ...query, asOf: legalDate(now) }, tally);
  return {
    body: await buildReportFile(format, report, options, now),
    filename: `bao-cao-giai-quyet-van-ban-di-${query.fromDate}-${query.toDate}.${format}`,
    contentType: CONTENT_TYPES[format],
    audit: {
      action: 'outgoing.report_printed',
      objectType: 'outgoing_report',
      agencyId: actor.agencyId,
      details: { format, fromDate: query.fromDate, toDate: query.toDate, documents: tally.total.documents, recipients: tally.recipients },
    },
  };
}
