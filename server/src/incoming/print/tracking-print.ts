/**
 * Printing an agency's Sổ theo dõi giải quyết văn bản đến (Q-6.2c, Q-11.3đ; NĐ 30 Phụ lục IV mẫu
 * VIII): the same people as the register may, always their own agency. As for the register, the
 * audit entry is returned for the caller to record once the file is built.
 */
import type { Ctx } from '../../infra/context.js';
import { legalDate, legalYear } from '../../infra/time/legal-time.js';
import { loadWorkingCalendar } from '../../infra/time/calendar.js';
import { CONTENT_TYPES, checkEntryLimit, invalid, requirePrinter, type PrintFormat, type PrintOptions, type PrintedFile } from '../../infra/print/printed-file.js';
import { printedDate } from '../../infra/print/register-cover.js';
import { agencyNames, loadNames } from './form-names.js';
import { loadTrackingEntries, type TrackingRange } from './tracking-data.js';
import { toTrackingRow, trackingCover } from './tracking-rows.js';
import { buildTrackingPdf } from './tracking-pdf.js';
import { buildTrackingXlsx } from './tracking-xlsx.js';

export interface PrintTrackingQuery extends TrackingRange {
  year?: number;
  volume?: number;
}

export async function printTrackingBook(ctx: Ctx, format: PrintFormat, query: PrintTrackingQuery, options: PrintOptions = {}): Promise<PrintedFile> {
  const actor = requirePrinter(ctx, 'Chỉ văn thư, lãnh đạo cơ quan và thanh tra được in sổ theo dõi giải quyết văn bản đến.');
  if (query.fromDate && query.toDate && query.fromDate > query.toDate) throw invalid('fromDate', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
  const now = ctx.clock.now();
  const year = query.year ?? legalYear(now);
  const agency = await agencyNames(ctx.db, actor.agencyId);
  const range: TrackingRange = { fromDate: query.fromDate, toDate: query.toDate };
  const entries = await loadTrackingEntries(ctx.db, agency.id, year, range);

  const volumeHint = (max: number) => `Hãy in từng quyển, chọn Từ ngày … đến ngày … (ví dụ đến ngày ${printedDate(entries[max - 1].arrivalDate)}).`;
  checkEntryLimit(entries.length, format, options, volumeHint, 'toDate');

  const names = await loadNames(ctx.db, agency.id, entries.flatMap((e) => [e.lead, ...e.coordinating].flatMap((a) => (a?.userId ? [a.userId] : []))));
  const calendar = await loadWorkingCalendar(ctx.db);
  // Progress is as of the day of printing: the book is a snapshot of where handling stands.
  const today = legalDate(now);
  const rows = entries.map((e) => toTrackingRow(e, names, today, calendar));
  const cover = trackingCover(agency, year, entries, range, query.volume);
  const body =
    format === 'pdf' ? await buildTrackingPdf(cover, rows, { fontDir: options.fontDir }) : await buildTrackingXlsx(cover, rows, { fontName: options.xlsxFontName, createdAt: now });

  return {
    body,
    filename: `so-theo-doi-giai-quyet-van-ban-den-${year}.${format}`,
    contentType: CONTENT_TYPES[format],
    audit: {
      action: 'incoming.tracking_printed',
      objectType: 'incoming_tracking_book',
      agencyId: agency.id,
      details: { format, year, fromDate: range.fromDate ?? null, toDate: range.toDate ?? null, volume: query.volume ?? null, entries: entries.length, asOf: today },
    },
  };
}
