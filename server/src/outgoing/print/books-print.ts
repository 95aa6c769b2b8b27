/**
 * Printing the agency's Sổ đăng ký văn bản đi (Q-12.3b) and Sổ gửi văn bản đi bưu điện (Q-14,
 * Q-7.2): who may, which documents, and the file. One series of one year per print, the agency's
 * default series unless another is asked for. The audit entry is returned for the caller to record
 * once the file is built.
 */
import type { Ctx } from '../../infra/context.js';
import { buildBookFile, type Book } from '../../infra/print/register-book.js';
import { checkEntryLimit, checkRange, CONTENT_TYPES, invalid, requirePrinter, type PrintedFile, type PrintFormat, type PrintOptions } from '../../infra/print/printed-file.js';
import type { PrintRange } from '../../infra/print/register-cover.js';
import { legalYear } from '../../infra/time/legal-time.js';
import type { OutgoingState } from '../tables.js';
import type { BookScope } from './book-cover.js';
import { loadCorrections, loadNumbered, loadPrintNames, loadRecipients, seriesRegister, type NumberedDocument, type PrintNames } from './print-data.js';
import { outgoingRegisterBook, toRegisterRow } from './register-rows.js';
import { postRegisterBook, postRows } from './post-rows.js';

export interface BookQuery extends PrintRange {
  year?: number;
  /** Code of a series of its own; the agency's default series when empty. */
  series?: string;
  volume?: number;
}

/** Widths of each book's columns: points in the PDF ('*' takes what is left), characters in the sheet. */
export const REGISTER_WIDTHS = { pdf: [72, 48, '*', 66, 86, 66, 36, 48, 48, 56], sheet: [14, 12, 45, 20, 28, 20, 9, 12, 14, 22] } as const;
export const POST_WIDTHS = { pdf: [60, 80, '*', 50, 150, 120], sheet: [12, 16, 50, 10, 30, 26] } as const;

/** The year asked for, else that of the dates asked for, else this year; dates outside it are a mistake. */
function bookYear(ctx: Ctx, query: BookQuery): number {
  const dated = query.fromDate ?? query.toDate;
  const year = query.year ?? (dated ? Number(dated.slice(0, 4)) : legalYear(ctx.clock.now()));
  for (const field of ['fromDate', 'toDate'] as const) {
    if (query[field] && Number(query[field]!.slice(0, 4)) !== year) throw invalid(field, `Khoảng ngày phải nằm trong năm ${year} của sổ; mỗi năm có một sổ riêng.`);
  }
  return year;
}

interface LoadedBook {
  agencyId: string;
  scope: BookScope;
  series: string;
  docs: NumberedDocument[];
  names: PrintNames;
}

/** Every number of the series and year within the range held by a document in one of `states`. */
async function loadBook(ctx: Ctx, format: PrintFormat, query: BookQuery, states: OutgoingState[], refusal: string, options: PrintOptions): Promise<LoadedBook> {
  const actor = requirePrinter(ctx, refusal);
  checkRange(query);
  const year = bookYear(ctx, query);
  const series = query.series?.trim() ?? '';
  const { registerId, name } = await seriesRegister(ctx.db, actor.agencyId, year, series);
  const range: PrintRange = { fromNumber: query.fromNumber, toNumber: query.toNumber, fromDate: query.fromDate, toDate: query.toDate };
  const docs = registerId ? await loadNumbered(ctx.db, actor.agencyId, { ...range, year, registerId, states }) : [];
  checkEntryLimit(docs.length, format, options, (max) => `Hãy in từng quyển, chọn Từ số … đến số … (ví dụ từ số ${docs[0].number} đến số ${docs[max - 1].number}).`, 'toNumber');
  await loadRecipients(ctx.db, docs);
  const names = await loadPrintNames(ctx.db, actor.agencyId, docs);
  return { agencyId: actor.agencyId, scope: { year, range, volume: query.volume, seriesName: name }, series, docs, names };
}

/** As the incoming register, the agency block is wide enough for a long name on two lines. */
function bookFile(ctx: Ctx, format: PrintFormat, book: Book, widths: { pdf: readonly (number | '*')[]; sheet: readonly number[] }, options: PrintOptions): Promise<Buffer> {
  return buildBookFile(format, book, widths, { ...options, blockWidth: 300 }, ctx.clock.now());
}

/** 'so-dang-ky-van-ban-di-2026-HDTDKT.pdf': ASCII only, as a Content-Disposition filename must be. */
function fileName(base: string, loaded: LoadedBook, format: PrintFormat): string {
  const series = loaded.series.replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D')).normalize('NFD').replace(/[^A-Za-z0-9-]/g, '');
  return `${base}-${loaded.scope.year}${series ? `-${series}` : ''}.${format}`;
}

function auditDetails(format: PrintFormat, loaded: LoadedBook, printed: readonly { number: number }[]) {
  const { scope } = loaded;
  return {
    format,
    year: scope.year,
    series: loaded.series,
    fromNumber: scope.range.fromNumber ?? null,
    toNumber: scope.range.toNumber ?? null,
    fromDate: scope.range.fromDate ?? null,
    toDate: scope.range.toDate ?? null,
    volume: scope.volume ?? null,
    entries: printed.length,
    firstNumber: printed[0]?.number ?? null,
    lastNumber: printed[printed.length - 1]?.number ?? null,
  };
}

/**
 * Every number taken, so the bound register has no gap: issued and recalled documents, and one
 * numbered but not yet issued with the organisation's signature (noted as such).
 */
export async function printOutgoingRegister(ctx: Ctx, format: PrintFormat, query: BookQuery, options: PrintOptions = {}): Promise<PrintedFile> {
  const loaded = await loadBook(ctx, format, query, ['numbered', 'issued', 'recalled'], 'Chỉ văn thư, lãnh đạo cơ quan và thanh tra được in sổ đăng ký văn bản đi.', options);
  await loadCorrections(ctx.db, loaded.agencyId, loaded.docs);
  const rows = loaded.docs.map((d) => toRegisterRow(d, loaded.names));
  return {
    body: await bookFile(ctx, format, outgoingRegisterBook(loaded.names, loaded.scope, rows), REGISTER_WIDTHS, options),
    filename: fileName('so-dang-ky-van-ban-di', loaded, format),
    contentType: CONTENT_TYPES[format],
    audit: { action: 'outgoing.register_printed', objectType: 'outgoing_register', agencyId: loaded.agencyId, details: auditDetails(format, loaded, rows) },
  };
}

/** Only what has left: issued documents (recalled ones too, the envelopes went before the recall). */
export async function printPostRegister(ctx: Ctx, format: PrintFormat, query: BookQuery, options: PrintOptions = {}): Promise<PrintedFile> {
  const loaded = await loadBook(ctx, format, query, ['issued', 'recalled'], 'Chỉ văn thư, lãnh đạo cơ quan và thanh tra được in sổ gửi văn bản đi bưu điện.', options);
  const rows = postRows(loaded.docs);
  return {
    body: await bookFile(ctx, format, postRegisterBook(loaded.names, loaded.scope, rows), POST_WIDTHS, options),
    filename: fileName('so-gui-van-ban-di-buu-dien', loaded, format),
    contentType: CONTENT_TYPES[format],
    audit: { action: 'outgoing.post_register_printed', objectType: 'outgoing_post_register', agencyId: loaded.agencyId, details: auditDetails(format, loaded, rows) },
  };
}
