/**
 * Printing an agency's Sổ đăng ký văn bản đến (Q-11.2a): who may, which entries, and the file.
 * The audit entry is returned, not written, so the caller records it in a short transaction after
 * the (slow) file is built instead of holding the audit lock while it is.
 */
import type { Ctx } from '../../infra/context.js';
import { requireActor } from '../../infra/context.js';
import { hasRole } from '../../infra/auth/actor.js';
import type { AuditEntry } from '../../infra/audit/audit.js';
import type { Db } from '../../infra/db/database.js';
import { legalYear } from '../../infra/time/legal-time.js';
import { AppError, forbidden, notFound } from '../../shared/errors.js';
import { findAgency } from '../../agencies/index.js';
import { listIncoming } from '../repository.js';
import type { IncomingDocument } from '../schemas.js';
import { registerCover, registerRows, type RegisterRange } from './register-rows.js';
import { buildRegisterPdf } from './register-pdf.js';
import { buildRegisterXlsx } from './register-xlsx.js';

export type RegisterFormat = 'pdf' | 'xlsx';

export interface PrintRegisterQuery extends RegisterRange {
  year?: number;
  /** Quyển số for the cover; left blank for the clerk to write in when not given. */
  volume?: number;
}

export interface PrintOptions {
  fontDir?: string | null;
  xlsxFontName?: string;
  maxEntries?: Partial<Record<RegisterFormat, number>>;
}

/**
 * Entries one print may hold. pdfmake lays out synchronously: per thousand entries about 1.3 s,
 * during which no other request is served, and 60 MB. 2,000 entries (about 270 pages) is also
 * about what one bound volume (quyển) holds, so a larger register is printed volume by volume.
 */
export const MAX_ENTRIES: Record<RegisterFormat, number> = { pdf: 2000, xlsx: 10000 };

export interface RegisterFile {
  body: Buffer;
  filename: string;
  contentType: string;
  audit: AuditEntry;
}

const PAGE = 500;

const CONTENT_TYPES: Record<RegisterFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

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

function checkRange(query: PrintRegisterQuery): void {
  const bad = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ field }]);
  if (query.fromNumber !== undefined && query.toNumber !== undefined && query.fromNumber > query.toNumber) {
    throw bad('fromNumber', 'Số bắt đầu phải nhỏ hơn hoặc bằng số kết thúc.');
  }
  if (query.fromDate && query.toDate && query.fromDate > query.toDate) throw bad('fromDate', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
}

/** Clerks keep the register; the agency's leaders and the inspector check it. Always the actor's own agency. */
function requirePrinter(ctx: Ctx) {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'clerk', 'agency_head', 'deputy_head', 'inspector')) {
    throw forbidden('Chỉ văn thư, lãnh đạo cơ quan và thanh tra được in sổ đăng ký văn bản đến.');
  }
  return actor;
}

export async function printIncomingRegister(ctx: Ctx, format: RegisterFormat, query: PrintRegisterQuery, options: PrintOptions = {}): Promise<RegisterFile> {
  const actor = requirePrinter(ctx);
  checkRange(query);
  const year = query.year ?? legalYear(ctx.clock.now());
  const agency = await findAgency(ctx.db, actor.agencyId);
  if (!agency) throw notFound('Cơ quan');
  const parent = agency.parentId ? await findAgency(ctx.db, agency.parentId) : undefined;

  const range: RegisterRange = { fromNumber: query.fromNumber, toNumber: query.toNumber, fromDate: query.fromDate, toDate: query.toDate };
  const rows = registerRows(await loadRegisterDocuments(ctx.db, agency.id, year, range), range);
  const max = options.maxEntries?.[format] ?? MAX_ENTRIES[format];
  if (rows.length > max) {
    const n = (v: number) => v.toLocaleString('vi-VN');
    throw new AppError(
      'VALIDATION_FAILED',
      `Khoảng đã chọn có ${n(rows.length)} văn bản; mỗi lần in tối đa ${n(max)} văn bản. Hãy in từng quyển, chọn Từ số … đến số … (ví dụ từ số ${rows[0].arrivalNumber} đến số ${rows[max - 1].arrivalNumber}).`,
      [{ field: 'toNumber' }],
    );
  }
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
