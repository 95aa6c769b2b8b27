/**
 * What every printed register and report shares: its formats and limits, who may print the
 * agency's registers, the checks of a range, and the file handed back with the audit entry the
 * caller records once the (slow) file is built, so the audit lock is not held while it is.
 */
import type { AuditEntry } from '../audit/audit.js';
import { hasRole, type Actor } from '../auth/actor.js';
import { requireActor, type Ctx } from '../context.js';
import { AppError, forbidden } from '../../shared/errors.js';
import { XLSX_CONTENT_TYPE } from './form-xlsx.js';
import type { PrintRange } from './register-cover.js';

export type PrintFormat = 'pdf' | 'xlsx';

export const CONTENT_TYPES: Record<PrintFormat, string> = { pdf: 'application/pdf', xlsx: XLSX_CONTENT_TYPE };

export interface PrintOptions {
  fontDir?: string | null;
  xlsxFontName?: string;
  maxEntries?: Partial<Record<PrintFormat, number>>;
}

/**
 * Entries one print may hold. pdfmake lays out synchronously: per thousand entries about 1.3 s,
 * during which no other request is served, and 60 MB. 2,000 entries (about 270 pages) is also
 * about what one bound volume (quyển) holds, so a larger register is printed volume by volume.
 */
export const MAX_ENTRIES: Record<PrintFormat, number> = { pdf: 2000, xlsx: 10000 };

export interface PrintedFile {
  body: Buffer;
  filename: string;
  contentType: string;
  audit: AuditEntry;
}

/** Clerks keep the registers; the agency's leaders and the inspector check them. Always the actor's own agency. */
export function requirePrinter(ctx: Ctx, refusal: string): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'clerk', 'agency_head', 'deputy_head', 'inspector')) throw forbidden(refusal);
  return actor;
}

export const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ field }]);

/** Bounds in order: a reversed range is a mistake to say, not an empty print. */
export function checkRange(range: PrintRange): void {
  if (range.fromNumber !== undefined && range.toNumber !== undefined && range.fromNumber > range.toNumber) {
    throw invalid('fromNumber', 'Số bắt đầu phải nhỏ hơn hoặc bằng số kết thúc.');
  }
  if (range.fromDate && range.toDate && range.fromDate > range.toDate) throw invalid('fromDate', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
}

/** Refuses a print larger than one run may hold, saying how to split it (`hint`). */
export function checkEntryLimit(count: number, format: PrintFormat, options: PrintOptions, hint: (max: number) => string, field: string): void {
  const max = options.maxEntries?.[format] ?? MAX_ENTRIES[format];
  if (count <= max) return;
  const n = (v: number) => v.toLocaleString('vi-VN');
  throw invalid(field, `Khoảng đã chọn có ${n(count)} văn bản; mỗi lần in tối đa ${n(max)} văn bản. ${hint(max)}`);
}
