import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Ctx } from '../infra/context.js';
import { recordAudit } from '../infra/audit/audit.js';
import { FONT_FILES, resolveFontDir } from '../infra/fonts.js';
import { AppError, conflict, notFound } from '../shared/errors.js';
import { checkDigitisedScan } from '../incoming/index.js';
import { completeSigningSession, startSigningSession, verifyWithTrustList } from '../signing/index.js';
import { COPY_SYMBOLS, copyNotation, takeCopyNumber } from './numbering.js';
import { copyDb, lockCopyOfSession, OBJECT_TYPE, presentCopy } from './repository.js';
import type { CompleteDigitised, Copy, PrepareDigitised } from './schemas.js';
import { checkPages, loadIncomingSource, loadPdf, requireClerk, selectPages, storeCopyFile } from './source.js';

/**
 * Bản sao điện tử of a paper document (Q-11.2b, Q-8.2b, Q-5.3b): its scan, checked against the
 * digitisation standard, signed by the agency with the text stamp (form, copying agency, ISO time)
 * top right of page 1. Two phases, as every signature: prepare here, the key signs wherever it is
 * (the clerk's token through the signing agent), complete records and numbers the copy.
 */
export async function prepareDigitisedCopy(ctx: Ctx, input: PrepareDigitised, fontDir?: string) {
  const { actor, doc, agency, mainFileId } = await loadIncomingSource(ctx, input.incomingId);
  if (doc.source !== 'paper') throw conflict('Chỉ số hóa văn bản đến bản giấy; văn bản điện tử đã có bản điện tử (bản sao giấy: in bản sao).');
  if (!mainFileId) throw conflict('Văn bản giấy chưa có bản quét (tệp văn bản chính); không số hóa được.');
  const pages = checkPages(input.form, input.pages);
  copyNotation(input.form, agency); // refuses early when the agency has no abbreviation for the symbol
  const file = await ctx.files.get(ctx, mainFileId);
  // Checked at registration already; checked again because the standard is what makes the copy lawful.
  const report = await checkDigitisedScan(await ctx.files.localPath(file));
  if (!report.ok) throw conflict(`Bản quét chưa đạt chuẩn số hóa (Q-11.2b): ${report.problems.map((p) => p.message).join(' ')}`, report.problems);
  const scan = await ctx.files.readAll(file);
  // A full copy signs the scan's own bytes (an incremental update); trích sao signs the chosen pages.
  const pdf = pages ? Buffer.from(await (await selectPages(await loadPdf(scan), pages)).save()) : scan;

  // One instant for the stamp, the signature's /M and the copy's date, so its year is the stamp's.
  const at = ctx.clock.now();
  const id = randomUUID();
  const session = await startSigningSession(
    { ...ctx, clock: { now: () => new Date(at) } },
    {
      purpose: 'organisation',
      certificateId: input.certificateId,
      pdf,
      objectType: OBJECT_TYPE,
      objectId: id,
      options: { reason: `${input.form} (số hóa từ văn bản giấy)`, location: agency.placeName || undefined, fieldName: 'SaoVanBan' },
      stamp: { copyForm: input.form, agencyName: agency.name, fontPath: join(resolveFontDir(fontDir), FONT_FILES.normal) },
    },
  );
  await copyDb(ctx.db)
    .insertInto('document_copy')
    .values({
      id,
      agency_id: actor.agencyId,
      source_type: 'incoming',
      source_id: doc.id,
      form: input.form,
      direction: 'digitised',
      state: 'prepared',
      page_from: pages?.from ?? null,
      page_to: pages?.to ?? null,
      register_id: null,
      year: null,
      number: null,
      notation: null,
      signer_user_id: null,
      signer_position: null,
      signer_name: null,
      to_places: null,
      file_id: null,
      signing_session_id: session.sessionId,
      made_by: actor.userId,
      made_at: at,
    })
    .execute();
  return { copyId: id, sessionId: session.sessionId, request: session.request, digest: session.digest, certificate: session.certificate };
}

/** Embeds the agency's signature, then numbers, stores and records the copy, all in the request's transaction. */
export async function completeDigitisedCopy(ctx: Ctx, input: CompleteDigitised): Promise<Copy> {
  const actor = requireClerk(ctx);
  const row = await lockCopyOfSession(ctx.db, actor.agencyId, input.sessionId);
  if (!row) throw notFound('Phiên ký số');
  if (row.state !== 'prepared') throw conflict('Bản sao này đã được ký số.');
  const { doc, agency } = await loadIncomingSource(ctx, row.source_id);
  const done = await completeSigningSession(ctx, input.sessionId, { signature: input.signature, certificateChain: input.certificateChain });
  if (done.purpose !== 'organisation' || done.objectType !== OBJECT_TYPE || done.objectId !== row.id) throw conflict('Phiên ký số không dành cho bản sao này.');
  const check = await verifyWithTrustList(ctx.db, done.pdf);
  if (check.indication === 'INVALID') throw new AppError('SIGNATURE_INVALID', `Chữ ký số của cơ quan không hợp lệ: ${check.message}`);
  const file = await storeCopyFile(ctx, done.pdf, COPY_SYMBOLS[row.form], doc.arrivalNumber);
  // Last before writing; dated with the signature, so a copy signed on 31 December keeps that year.
  const taken = await takeCopyNumber(ctx.db, agency, row.form, row.made_at);
  const updated = await copyDb(ctx.db).updateTable('document_copy').set({ state: 'signed', file_id: file.id, ...taken }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
  await recordAudit(ctx, {
    action: 'copy.digitised',
    objectType: OBJECT_TYPE,
    objectId: row.id,
    details: { sourceType: row.source_type, sourceId: row.source_id, form: row.form, year: taken.year, number: taken.number, notation: taken.notation, pages: updated.page_from ? { from: updated.page_from, to: updated.page_to } : null, certificateId: done.certificateId, fileId: file.id },
  });
  return presentCopy(updated);
}
