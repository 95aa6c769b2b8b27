/**
 * Printing an agency's Sổ đăng ký văn bản đến (Q-11.2a): who may, which entries, and the file.
 * The audit entry is returned, not written, so the caller records it in a short transaction after
 * the (slow) file is built instead of holding the audit lock while it is.
 */
import type { Ctx } from '../../infra/context.js';
import type { Db } from '../../infra/db/database.js';
import { legalYear } from '../../infra/time/legal-time.js';
import { CONTENT_TYPES, checkEntryLimit, checkRange, requirePrinter, type PrintFormat, type PrintOptions, type PrintedFile } from '../../infra/print/printed-file.js';
import { notFound } from '../../shared/errors.js';
import { findAgency } from '../../agencies/index.js';
import { listIncoming } from '../repository.js';
import type { IncomingDocument } from '../schemas.js';
import { registerCover, registerRows, type RegisterRange } from './register-rows.js';
import { loadHandOvers } from './register-handover.js';
import { buildRegisterPdf } from './register-pdf.js';
import { buildRegisterXlsx } from './register-xlsx.js';

export interface PrintRegisterQuery extends RegisterRange {
  year?: number;
  /** Quyển số for the cover; left blank for the clerk to write in when not given. */
  volume?: number;
}

const PAGE = 500;

/**
 * Every entry of the year within the number bounds. Pages walk down the numbers (listIncoming
 * sorts newest first) with the upper bound as cursor rather than an offset, so an entry registered
 * while printing cannot shift a page and be printed twice.
 */
export async function loadRegisterDocuments(db: Db, agencyId: string, year: number, range: RegisterRange = {}, pageSize = PAGE): Promise<IncomingDocument[]> {
  const docs: IncomingDocument[] = [];
  let toNumber = range.toNumber;
  for (;;) {
    const page = await listIncoming(db, agencyId, { year, fromNumber: range.fromNumber, toNumber, limit: pageSize, offset: 0 });
    docs.push(...page);
    const lowest = page[page.length - 1]?.arrivalNumber;
    // Stopping at 1 matters: listIncoming reads a bound of 0 as no bound at all.
    if (page.length < pageSize || lowest === undefined || lowest <= 1) return docs;
    toNumber = lowest - 1;
  }
}

export async function printIncomingRegister(ctx: Ctx, format: PrintFormat, query: PrintRegisterQuery, options: PrintOptions = {}): Promise<PrintedFile> {
  const actor = requirePrinter(ctx, 'Chỉ văn thư, lãnh đạo cơ quan và thanh tra được in sổ đăng ký văn bản đến.');
  checkRange(query);
  const year = query.year ?? legalYear(ctx.clock.now());
  const agency = await findAgency(ctx.db, actor.agencyId);
  if (!agency) throw notFound('Cơ quan');
  const parent = agency.parentId ? await findAgency(ctx.db, agency.parentId) : undefined;

  const range: RegisterRange = { fromNumber: query.fromNumber, toNumber: query.toNumber, fromDate: query.fromDate, toDate: query.toDate };
  const rows = registerRows(await loadRegisterDocuments(ctx.db, agency.id, year, range), range, await loadHandOvers(ctx.db, agency.id, year, range));
  const volumeHint = (max: number) => `Hãy in từng quyển, chọn Từ số … đến số … (ví dụ từ số ${rows[0].arrivalNumber} đến số ${rows[max - 1].arrivalNumber}).`;
  checkEntryLimit(rows.length, format, options, volumeHint, 'toNumber');
  const cover = registerCover({ name: agency.name, parentName: parent?.name ?? null }, year, rows, range, query.volume);
  const body =
    format === 'pdf'
      ? await buildRegisterPdf(cover, rows, { fontDir: options.fontDir })
      : await buildRegisterXlsx(cover, rows, { fontName: options.xlsxFontName, createdAt: ctx.clock.now() });

  return {
    body,
    filename: `so-dang-ky-van-ban-den-${year}.${format}`,
    contentType: CONTENT_TYPES[format],
    audit: {
      action: 'incoming.register_printed',
      objectType: 'incoming_register',
      agencyId: agency.id,
      details: {
        format,
        year,
        fromNumber: range.fromNumber ?? null,
        toNumber: range.toNumber ?? null,
        fromDate: range.fromDate ?? null,
        toDate: range.toDate ?? null,
        volume: query.volume ?? null,
        entries: rows.length,
        firstNumber: rows[0]?.arrivalNumber ?? null,
        lastNumber: rows[rows.length - 1]?.arrivalNumber ?? null,
      },
    },
  };
}
