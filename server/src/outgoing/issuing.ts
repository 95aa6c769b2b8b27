import { Readable } from 'node:stream';
import type { Ctx } from '../infra/context.js';
import { requireActor } from '../infra/context.js';
import { hasRole } from '../infra/auth/actor.js';
import { isUniqueViolation } from '../infra/db/database.js';
import { recordAudit } from '../infra/audit/audit.js';
import { legalDate, legalYear } from '../infra/time/legal-time.js';
import { AppError, conflict, forbidden } from '../shared/errors.js';
import { findAgency, findUnit } from '../agencies/index.js';
import { findUserBrief, listAgencyClerks, listAgencyUsersWithRole, listUnitHeads } from '../users/index.js';
import { notify } from '../notifications/index.js';
import { recordReply } from '../incoming/index.js';
import { registerState, takeNextNumber } from '../registers/index.js';
import { completeSigningSession, fillIssueFields, reserveIssueFields, startSigningSession, verifyWithTrustList, type PageBox, type PreparedSession } from '../signing/index.js';
import { formatNumber, notationOf } from './document-types.js';
import { loadForChange } from './drafts.js';
import { deliver } from './delivery.js';
import { placeDateLine } from './place-date.js';
import { addEvent, findVersion, numberAndNotation, outgoingDb, type DocumentRow } from './repository.js';

/**
 * Signing and issuing (Q-12.2a, Q-12.1b, Q-12.3a): the signer signs the approved version with a
 * certification signature that permits form filling; the clerk then takes the number in the
 * transaction that writes it and the date into the fields reserved on page 1, and applies the
 * organisation's signature over them, which issues and delivers the document.
 * All functions run in the caller's transaction.
 */

export interface SignatureAnswer {
  sessionId: string;
  signature: string;
  certificateChain?: string[];
}

/** What the person preparing a signature sends: the certificate and, if the page had no place found, a box (Q-8.2a). */
export interface SignatureStart {
  certificateId: string;
  box?: PageBox;
}

const OBJECT_TYPE = 'outgoing_document';
const SIGNER_FIELD = 'NguoiKy';

function requireClerk(ctx: Ctx) {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'clerk')) throw forbidden('Chỉ văn thư cơ quan cấp số và phát hành văn bản (Q-6.2a).');
  return actor;
}

async function readFile(ctx: Ctx, fileId: string): Promise<Buffer> {
  return ctx.files.readAll(await ctx.files.get(ctx, fileId));
}

async function storePdf(ctx: Ctx, pdf: Buffer, name: string) {
  return ctx.files.store(ctx, { source: Readable.from([pdf]), originalName: name });
}

function fileName(row: DocumentRow, step: string) {
  return `${row.type_code}-${row.number ?? 'du-thao'}-${step}.pdf`.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/\s+/g, '-');
}

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
  const reserved = await reserveIssueFields(await readFile(ctx, version!.pdf_file_id!), { fontDir });
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

export async function completeSignerSignature(ctx: Ctx, id: string, answer: SignatureAnswer): Promise<void> {
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

/** The series of a document: the one configured for its type or chosen (a council's), or the agency's default. */
async function seriesOf(ctx: Ctx, row: DocumentRow) {
  const q = outgoingDb(ctx.db).selectFrom('outgoing_series').selectAll().where('agency_id', '=', row.agency_id);
  const chosen = row.series ? await q.where('code', '=', row.series).executeTakeFirst() : undefined;
  if (row.series && !chosen) throw new AppError('VALIDATION_FAILED', `Cơ quan chưa khai báo sổ "${row.series}".`, [{ field: 'series' }]);
  const byType = chosen ?? (await q.where(({ eb, val }) => eb(val(row.type_code), '=', eb.fn.any('type_codes'))).executeTakeFirst());
  return { code: byType?.code ?? '', issuerAbbreviation: byType?.issuer_abbreviation ?? null };
}

async function numbering(ctx: Ctx, row: DocumentRow) {
  const agency = (await findAgency(ctx.db, row.agency_id))!;
  if (!agency.placeName) throw conflict('Cơ quan chưa khai báo địa danh ghi trên văn bản; quản trị hệ thống cần bổ sung.');
  const unit = await findUnit(ctx.db, row.drafting_unit_id);
  const series = await seriesOf(ctx, row);
  const notation = notationOf(row.type_code, series.issuerAbbreviation ?? agency.abbreviation, unit?.abbreviation ?? null);
  return { agency, series, notation };
}

/** What the clerk sees before confirming: the number the document will get if issued now. */
export async function previewNumber(ctx: Ctx, id: string) {
  requireClerk(ctx);
  const row = await loadForChange(ctx, id);
  if (row.state === 'numbered' || row.state === 'issued') return { year: row.year!, number: row.number!, notation: row.notation!, numberAndNotation: numberAndNotation(row)!, placeDate: '' };
  const { agency, series, notation } = await numbering(ctx, row);
  const now = ctx.clock.now();
  const state = await registerState(ctx.db, row.agency_id, 'outgoing', legalYear(now), series.code);
  const number = state?.next_number ?? 1;
  return { year: legalYear(now), number, notation, numberAndNotation: `${formatNumber(number)}/${notation}`, placeDate: placeDateLine(agency.placeName, legalDate(now)) };
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
  const { agency, series, notation } = await numbering(ctx, row);
  const now = ctx.clock.now();
  const issuedDate = legalDate(now);
  // Last: the register row stays locked from here to commit.
  const taken = await takeNextNumber(ctx.db, { agencyId: row.agency_id, kind: 'outgoing', series: series.code, at: now });
  const text = `${formatNumber(taken.number)}/${notation}`;
  const filled = await fillIssueFields(signed, { number: text, placeDate: placeDateLine(agency.placeName, issuedDate) }, { fontDir });
  const file = await storePdf(ctx, filled, fileName({ ...row, number: taken.number }, 'cap-so'));
  await outgoingDb(ctx.db)
    .updateTable('outgoing_document')
    .set({ state: 'numbered', register_id: taken.registerId, year: taken.year, number: taken.number, notation, issued_date: issuedDate, numbered_file_id: file.id, numbered_at: now, numbered_by: actor.userId, updated_at: now })
    .where('id', '=', id)
    .execute()
    .catch((err) => {
      throw isUniqueViolation(err) ? conflict(`Số, ký hiệu ${text} đã được dùng trong năm.`) : err;
    });
  await addEvent(ctx.db, id, actor.userId, now, 'numbered', { number: taken.number, notation, series: series.code });
  await recordAudit(ctx, { action: 'outgoing.number', objectType: OBJECT_TYPE, objectId: id, details: { year: taken.year, number: taken.number, notation, series: series.code } });
  return { year: taken.year, number: taken.number, notation, numberAndNotation: text };
}

/**
 * The organisation's signature over the numbered document, by the clerk holding the agency's
 * device (Q-5.3b); the agency's seal image, if uploaded, over the left third of the signer's (Q-8.2a).
 */
export async function prepareSeal(ctx: Ctx, id: string, input: SignatureStart): Promise<PreparedSession> {
  requireClerk(ctx);
  const row = await loadForChange(ctx, id);
  if (row.state !== 'numbered') throw conflict('Văn bản cần được cấp số trước khi ký số của cơ quan.');
  const agency = await findAgency(ctx.db, row.agency_id);
  const signer = await findUserBrief(ctx.db, row.signer_id);
  return startSigningSession(ctx, {
    purpose: 'organisation',
    certificateId: input.certificateId,
    pdf: await readFile(ctx, row.numbered_file_id!),
    objectType: OBJECT_TYPE,
    objectId: id,
    options: { reason: 'Ký số của cơ quan, tổ chức', location: agency?.placeName || undefined, fieldName: 'CoQuan' },
    visible: { signerName: signer?.fullName ?? '', positionTitle: row.signer_position, signerField: SIGNER_FIELD, box: input.box },
  });
}

export async function completeSeal(ctx: Ctx, id: string, answer: SignatureAnswer): Promise<void> {
  const actor = requireClerk(ctx);
  const row = await loadForChange(ctx, id);
  if (row.state !== 'numbered') throw conflict('Văn bản không ở trạng thái chờ ký số của cơ quan.');
  const done = await completeSigningSession(ctx, answer.sessionId, answer);
  if (done.objectId !== id || done.purpose !== 'organisation') throw conflict('Phiên ký số không dành cho văn bản này.');
  const check = await verifyWithTrustList(ctx.db, done.pdf);
  if (check.indication === 'INVALID') throw new AppError('SIGNATURE_INVALID', `Chữ ký số của cơ quan không hợp lệ: ${check.message}`);
  const now = ctx.clock.now();
  const file = await storePdf(ctx, done.pdf, fileName(row, 'phat-hanh'));
  await outgoingDb(ctx.db).updateTable('outgoing_document').set({ state: 'issued', issued_file_id: file.id, issued_at: now, updated_at: now }).where('id', '=', id).execute();
  const issued = { ...row, state: 'issued' as const, issued_file_id: file.id, issued_at: now };
  await addEvent(ctx.db, id, actor.userId, now, 'issued', { certificateId: done.certificateId });
  await recordAudit(ctx, { action: 'outgoing.issue', objectType: OBJECT_TYPE, objectId: id, details: { number: row.number, notation: row.notation } });
  await deliver(ctx, issued, file);
  await announceIssue(ctx, issued, now);
  if (row.reply_to_incoming_id) await recordReply(ctx, row.reply_to_incoming_id, { notation: numberAndNotation(row)!, outgoingId: id });
}

/** On issue the document goes to the agency head, the drafting unit's head, the drafter and the signer (Q-12.3a). */
async function announceIssue(ctx: Ctx, row: DocumentRow, at: Date) {
  const unitHeads = await listUnitHeads(ctx.db, row.drafting_unit_id);
  const agencyHeads = await listAgencyUsersWithRole(ctx.db, row.agency_id, 'agency_head');
  await notify(ctx.db, at, {
    userIds: [...agencyHeads, ...unitHeads].map((u) => u.id).concat(row.drafter_id, row.signer_id),
    agencyId: row.agency_id,
    kind: 'outgoing.issued',
    title: `Đã phát hành văn bản ${numberAndNotation(row)}: ${row.summary}`,
    link: `/outgoing/${row.id}`,
  });
}
