import type { Ctx } from '../infra/context.js';
import { requireActor } from '../infra/context.js';
import { AppError, conflict, forbidden } from '../shared/errors.js';
import { findAgency } from '../agencies/index.js';
import { listAgencyClerks } from '../users/index.js';
import { notify } from '../notifications/index.js';
import { completeSigningSession, fillIssueFields, reserveIssueFieldsOffThread, startSigningSession, verifyWithTrustList, type PreparedSession } from '../signing/index.js';
import { loadForChange } from './draft-access.js';
import { fileName, OBJECT_TYPE, readFile, requireClerk, SIGNER_FIELD, storePdf, type SignatureAnswer, type SignatureStart } from './issue-common.js';
import { recordNumber, takeNumber } from './numbering.js';
import { addEvent, findVersion, outgoingDb } from './repository.js';

/**
 * The electronic original (Q-12.2a, Q-12.1b): the signer signs the approved version with a
 * certification signature that permits form filling; the clerk then takes the number in the
 * transaction that writes it and the date into the fields reserved on page 1. The organisation's
 * signature over them issues the document (seal.ts). All functions run in the caller's transaction.
 */

/**
 * The checks before signing (NĐ 30 Art. 12): the approved version is the current one, its PDF is
 * readable, and page 1 has the places for the number and the date, now reserved as form fields.
 * The signer's handwritten-signature image, if uploaded, goes between title and name (Q-8.2a).
 */
export async function prepareSignerSignature(ctx: Ctx, id: string, input: SignatureStart, fontDir?: string): Promise<PreparedSession> {
  const actor = requireActor(ctx);
  const row = await loadForChange(ctx, id);
  if (row.signer_id !== actor.userId) throw forbidden('Chỉ người ký được phân công ký văn bản này.');
  if (row.state !== 'approved') throw conflict('Văn bản chưa được duyệt dự thảo, hoặc đã ký.');
  if (row.approved_version !== row.current_version) throw conflict('Dự thảo đã thay đổi sau khi duyệt; cần duyệt lại.');
  const version = await findVersion(ctx.db, id, row.current_version);
  const reserved = await reserveIssueFieldsOffThread(await readFile(ctx, version!.pdf_file_id!), { fontDir });
  const agency = await findAgency(ctx.db, row.agency_id);
  return startSigningSession(ctx, {
    purpose: 'personal',
    certificateId: input.certificateId,
    pdf: reserved.pdf,
    objectType: OBJECT_TYPE,
    objectId: id,
    options: { certify: true, reason: 'Ký ban hành văn bản', location: agency?.placeName || undefined, fieldName: SIGNER_FIELD },
    visible: { signerName: actor.fullName, positionTitle: row.signer_position, box: input.box },
  });
}

export async function completeSignerSignature(ctx: Ctx, id: string, answer: SignatureAnswer & { signature: string }): Promise<void> {
  const actor = requireActor(ctx);
  const row = await loadForChange(ctx, id);
  if (row.signer_id !== actor.userId) throw forbidden('Chỉ người ký được phân công ký văn bản này.');
  if (row.state !== 'approved') throw conflict('Văn bản không ở trạng thái chờ ký.');
  const done = await completeSigningSession(ctx, answer.sessionId, answer);
  if (done.objectId !== id || done.purpose !== 'personal') throw conflict('Phiên ký số không dành cho văn bản này.');
  const now = ctx.clock.now();
  const file = await storePdf(ctx, done.pdf, fileName(row, 'da-ky'));
  await outgoingDb(ctx.db).updateTable('outgoing_document').set({ state: 'signed', signed_file_id: file.id, signed_at: now, updated_at: now }).where('id', '=', id).execute();
  await addEvent(ctx.db, id, actor.userId, now, 'signed', { certificateId: done.certificateId, version: row.current_version });
  const clerks = await listAgencyClerks(ctx.db, row.agency_id);
  await notify(ctx.db, now, { userIds: clerks.map((c) => c.id), agencyId: row.agency_id, kind: 'outgoing.to_issue', title: `Văn bản đã ký, chờ phát hành: ${row.summary}`, link: `/outgoing/${id}`, urgent: row.urgency > 0 });
}

/**
 * Cấp số: checks that the signer's signature is valid (Q-5.3b), takes the next number of the
 * series in this transaction, and writes number and date into the reserved fields as an
 * incremental update. A failure anywhere rolls the number back with everything else.
 */
export async function numberDocument(ctx: Ctx, id: string, fontDir?: string) {
  const actor = requireClerk(ctx);
  const row = await loadForChange(ctx, id);
  if (row.state !== 'signed') throw conflict(row.state === 'numbered' || row.state === 'issued' ? 'Văn bản đã được cấp số.' : 'Văn bản chưa được ký.');
  const signed = await readFile(ctx, row.signed_file_id!);
  const check = await verifyWithTrustList(ctx.db, signed);
  if (check.indication !== 'VALID') throw new AppError('SIGNATURE_INVALID', `Chữ ký số của người ký chưa hợp lệ nên chưa thể phát hành: ${check.message}`);
  const taken = await takeNumber(ctx, row);
  const filled = await fillIssueFields(signed, { number: taken.numberAndNotation, placeDate: taken.placeDate }, { fontDir });
  const file = await storePdf(ctx, filled, fileName({ ...row, number: taken.number }, 'cap-so'));
  return recordNumber(ctx, actor, row, taken, { numbered_file_id: file.id });
}
