import { Readable } from 'node:stream';
import { EncryptedPDFError, PDFDocument } from '@cantoo/pdf-lib';
import type { Ctx } from '../infra/context.js';
import { requireActor } from '../infra/context.js';
import { hasRole } from '../infra/auth/actor.js';
import { findAgency, type Agency } from '../agencies/index.js';
import { findIncoming } from '../incoming/index.js';
import { AppError, conflict, forbidden, notFound } from '../shared/errors.js';
import type { CopyForm } from '../signing/index.js';

/** What a copy is made from: the document, its main file and the copying agency. */

export interface PageRange {
  from: number;
  to: number;
}

/** The agency's clerks make and number copies (Điều 25–27 NĐ 30; the head's decision is outside the system). */
export function requireClerk(ctx: Ctx) {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'clerk')) throw forbidden('Chỉ văn thư cơ quan được sao văn bản và cấp số bản sao.');
  return actor;
}

export const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ field }]);

/** An incoming document of the actor's agency with its main file; another agency's answers as missing. */
export async function loadIncomingSource(ctx: Ctx, incomingId: string) {
  const actor = requireClerk(ctx);
  const doc = await findIncoming(ctx.db, incomingId);
  if (!doc || doc.agencyId !== actor.agencyId) throw notFound('Văn bản đến');
  if (doc.status === 'cancelled') throw conflict('Văn bản đến đã bị hủy đăng ký; không sao được.');
  if (doc.recall) throw conflict('Văn bản đến đã bị bên gửi thu hồi; không sao được.');
  const agency: Agency = (await findAgency(ctx.db, actor.agencyId))!;
  const mainFileId = doc.files.find((f) => f.role === 'main')?.fileId ?? null;
  return { actor, doc, agency, mainFileId };
}

export async function readFileBytes(ctx: Ctx, fileId: string): Promise<Buffer> {
  return ctx.files.readAll(await ctx.files.get(ctx, fileId));
}

/** Stores the copy's PDF in the caller's transaction; ASCII names ("ban-sao-TrS-den-12.pdf") survive every download. */
export function storeCopyFile(ctx: Ctx, pdf: Buffer, symbol: string, arrivalNumber: number) {
  return ctx.files.store(ctx, { source: Readable.from([pdf]), originalName: `ban-sao-${symbol}-den-${arrivalNumber}.pdf` });
}

/** Trích sao copies part of the document (here: a range of pages); sao y and sao lục copy all of it. */
export function checkPages(form: CopyForm, pages: PageRange | undefined): PageRange | null {
  if (form !== 'TRÍCH SAO') {
    if (pages) throw invalid('pages', 'Chỉ bản trích sao chọn trang; bản sao y, sao lục sao toàn bộ văn bản.');
    return null;
  }
  if (!pages) throw invalid('pages', 'Bản trích sao cần chọn các trang được sao (từ trang … đến trang …).');
  if (pages.to < pages.from) throw invalid('pages', 'Trang cuối phải sau hoặc bằng trang đầu.');
  return pages;
}

export async function loadPdf(bytes: Buffer): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (err) {
    if (err instanceof EncryptedPDFError) throw conflict('Tệp PDF của văn bản được mã hoá; không sao được.');
    throw conflict('Không đọc được tệp PDF của văn bản (tệp hỏng hoặc không phải PDF).');
  }
}

/** A new PDF with the chosen pages of the source (all when no range), checked against its page count. */
export async function selectPages(source: PDFDocument, range: PageRange | null): Promise<PDFDocument> {
  const count = source.getPageCount();
  if (range && range.to > count) throw invalid('pages', `Văn bản chỉ có ${count} trang.`);
  const out = await PDFDocument.create({ updateMetadata: false });
  const indices = range ? Array.from({ length: range.to - range.from + 1 }, (_, i) => range.from - 1 + i) : source.getPageIndices();
  for (const page of await out.copyPages(source, indices)) out.addPage(page);
  return out;
}
