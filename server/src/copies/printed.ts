import type { Ctx } from '../infra/context.js';
import { recordAudit } from '../infra/audit/audit.js';
import { legalDate } from '../infra/time/legal-time.js';
import { conflict } from '../shared/errors.js';
import { nfc } from '../shared/text.js';
import { findUserBrief } from '../users/index.js';
import { isolate, refusalAsAppError } from '../infra/isolate/index.js';
import { COPY_SYMBOLS, copyNotation, takeCopyNumber } from './numbering.js';
import { copyDb, OBJECT_TYPE, presentCopy } from './repository.js';
import { formatNumber, placeDateLine } from '../shared/legal-format.js';
import type { Copy, PrintCopy } from './schemas.js';
import { checkPages, invalid, loadIncomingSource, readFileBytes, storeCopyFile } from './source.js';

/** A copy of a 2,000-page document takes about 4 s to make on the test server. */
const PDF_LIMITS = { timeoutMs: 30_000, heapMb: 1024 };

/**
 * Bản sao giấy of an electronic document (Q-11.2c): the document's pages (or the chosen ones for
 * trích sao) followed by the copy block of Phụ lục I, Phần II with the next copy number. The clerk
 * prints the file; the signer signs by hand and the seal is stamped on the paper.
 */
export async function printCopy(ctx: Ctx, input: PrintCopy, fontDir?: string): Promise<{ copy: Copy; fileId: string }> {
  const { actor, doc, agency, mainFileId } = await loadIncomingSource(ctx, input.incomingId);
  // A paper document is copied from the paper (photocopy) or digitised; printing its scan would copy a copy.
  if (doc.source === 'paper') throw conflict('Văn bản đến bản giấy không in bản sao từ bản quét; hãy sao từ bản giấy hoặc số hóa văn bản (bản sao điện tử).');
  if (!mainFileId) throw conflict('Văn bản chưa có tệp văn bản chính để sao.');
  const pages = checkPages(input.form, input.pages);
  const signer = await findUserBrief(ctx.db, input.signerId);
  // NĐ 30 Điều 27: copies are signed by the head or those the head authorises, leaders all.
  if (!signer || signer.agencyId !== actor.agencyId || !signer.active || !signer.roles.some((r) => r === 'agency_head' || r === 'deputy_head' || r === 'unit_head')) {
    throw invalid('signerId', 'Người ký bản sao phải là lãnh đạo cơ quan hoặc lãnh đạo đơn vị đang làm việc tại cơ quan.');
  }
  const position = nfc(input.signerPosition ?? signer.positionTitle ?? '');
  if (!position) throw invalid('signerPosition', 'Cần chức vụ của người ký bản sao.');
  if (!agency.placeName) throw conflict('Cơ quan chưa khai báo địa danh ghi trên văn bản; quản trị hệ thống cần bổ sung.');
  const places = placeLines(input.toPlaces);
  if (!places.length) throw invalid('toPlaces', 'Cần ghi nơi nhận bản sao.');
  copyNotation(input.form, agency); // refuses early when the agency has no abbreviation for the symbol

  const sourceBytes = await readFileBytes(ctx, mainFileId);
  const now = ctx.clock.now();
  // Last before writing: the copy register stays locked from here to commit.
  const taken = await takeCopyNumber(ctx.db, agency, input.form, now);
  const authority = input.signerAuthority ? nfc(input.signerAuthority) || null : null;
  const block = { form: input.form, agencyName: agency.name, numberAndNotation: `${formatNumber(taken.number)}/${taken.notation}`, placeDate: placeDateLine(agency.placeName, legalDate(now)), authority, position, signerName: signer.fullName, toPlaces: places };
  // Off the event loop; a refusal (too many pages, a broken PDF) rolls the number back with the transaction.
  const made = await isolate.run<Buffer>(new URL('./printed-pdf.ts', import.meta.url), 'makePrintedCopyPdf', [sourceBytes, pages, block, fontDir], PDF_LIMITS).catch((err: unknown) => {
    throw refusalAsAppError(err, 'Tệp PDF của văn bản');
  });
  const file = await storeCopyFile(ctx, made, COPY_SYMBOLS[input.form], doc.arrivalNumber);
  const row = await copyDb(ctx.db)
    .insertInto('document_copy')
    .values({
      agency_id: actor.agencyId,
      source_type: 'incoming',
      source_id: doc.id,
      form: input.form,
      direction: 'printed',
      state: 'printed',
      page_from: pages?.from ?? null,
      page_to: pages?.to ?? null,
      ...taken,
      signer_user_id: signer.id,
      signer_position: position,
      signer_name: signer.fullName,
      to_places: nfc(input.toPlaces),
      file_id: file.id,
      signing_session_id: null,
      made_by: actor.userId,
      made_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(ctx, { action: 'copy.printed', objectType: OBJECT_TYPE, objectId: row.id, details: { sourceType: 'incoming', sourceId: doc.id, form: row.form, year: row.year, number: row.number, notation: row.notation, pages: input.pages ?? null, signerId: signer.id, fileId: file.id } });
  return { copy: presentCopy(row), fileId: file.id };
}

/** Each place on its own line: "- …;" and the last "- …." (Phụ lục I, "Nơi nhận"). Lines, or ";" on one line. */
export function placeLines(text: string): string[] {
  const parts = /\r?\n/.test(text.trim()) ? text.split(/\r?\n/) : text.split(';');
  const items = parts.map((p) => nfc(p).replace(/^[-–•+]\s*/u, '').replace(/[\s;.,]+$/u, '')).filter(Boolean);
  return items.map((item, i) => `- ${item}${i === items.length - 1 ? '.' : ';'}`);
}

