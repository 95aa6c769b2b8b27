import type { Ctx } from '../infra/context.js';
import { requireActor } from '../infra/context.js';
import type { Db } from '../infra/db/database.js';
import { AppError, conflict } from '../shared/errors.js';
import { nfc } from '../shared/text.js';
import { outgoingDb, type AppendixRow } from './repository.js';
import type { AppendixInput } from './appendix-schemas.js';

/**
 * Phụ lục in separate files (Q-8.2c). They belong to a draft version, not to the document: the
 * version the unit head approves is the text with exactly these appendices, every earlier set is
 * kept, and changing them is a new version that needs approval again (Q-12.2a). At issue
 * the clerk's seal covers each one with the appendix stamp (seal.ts). Office files become PDF in
 * the background like the draft itself (conversion.ts).
 */

const OFFICE_FORMATS = new Set(['docx', 'odt', 'doc', 'rtf']);
const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ field }]);

async function appendixFile(ctx: Ctx, input: AppendixInput, i: number) {
  const field = `appendices/${i}/fileId`;
  const file = await ctx.files.get(ctx, input.fileId).catch(() => undefined);
  if (!file || file.agencyId !== requireActor(ctx).agencyId) throw invalid(field, `Tệp phụ lục ${i + 1} không tồn tại hoặc không thuộc cơ quan.`);
  const title = nfc(input.title?.trim() || file.originalName.replace(/\.[^.]+$/, '')).slice(0, 300);
  if (file.format === 'pdf') return { title, source_file_id: file.id, pdf_file_id: file.id, conversion: 'not_needed' as const };
  if (OFFICE_FORMATS.has(file.format)) return { title, source_file_id: file.id, pdf_file_id: null, conversion: 'pending' as const };
  throw invalid(field, `Phụ lục ${i + 1} phải là tệp .pdf, .docx, .odt, .doc hoặc .rtf.`);
}

/**
 * The appendices of a new version: those given, or, when left out, the previous version's
 * carried over unchanged (files and conversions are shared, the rows are the new version's).
 */
export async function saveAppendices(ctx: Ctx, documentId: string, version: number, input: AppendixInput[] | undefined, previous?: number): Promise<number> {
  const q = outgoingDb(ctx.db);
  if (input === undefined) {
    if (previous === undefined) return 0;
    const carried = await listAppendices(ctx.db, documentId, previous);
    if (carried.length) {
      await q
        .insertInto('outgoing_appendix')
        .values(carried.map(({ id: _id, sealed_file_id: _sealed, ...a }) => ({ ...a, version, sealed_file_id: null })))
        .execute();
    }
    return carried.length;
  }
  if (new Set(input.map((a) => a.fileId)).size !== input.length) throw invalid('appendices', 'Một tệp được chọn làm hai phụ lục.');
  const rows = [];
  for (const [i, a] of input.entries()) rows.push({ document_id: documentId, version, ordinal: i + 1, ...(await appendixFile(ctx, a, i)), conversion_error: null, sealed_file_id: null });
  if (rows.length) await q.insertInto('outgoing_appendix').values(rows).execute();
  return rows.length;
}

export async function listAppendices(db: Db, documentId: string, version: number): Promise<AppendixRow[]> {
  return outgoingDb(db).selectFrom('outgoing_appendix').selectAll().where('document_id', '=', documentId).where('version', '=', version).orderBy('ordinal').execute();
}

/** Submitting and approving need every appendix as PDF, as they need the draft's. */
export async function requireReadyAppendices(db: Db, documentId: string, version: number): Promise<void> {
  for (const a of await listAppendices(db, documentId, version)) {
    if (a.pdf_file_id) continue;
    throw conflict(
      a.conversion === 'failed'
        ? `Chưa có bản PDF của phụ lục ${a.ordinal} ("${a.title}"): chuyển đổi thất bại (${a.conversion_error ?? ''}). Hãy tải lên phiên bản khác.`
        : `Phụ lục ${a.ordinal} ("${a.title}") đang được chuyển sang PDF; thử lại sau ít phút.`,
    );
  }
}
