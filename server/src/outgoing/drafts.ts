import type { Ctx } from '../infra/context.js';
import { requireActor } from '../infra/context.js';
import { hasRole, type Actor } from '../infra/auth/actor.js';
import { assertTransaction } from '../infra/db/database.js';
import { recordAudit } from '../infra/audit/audit.js';
import { AppError, conflict, forbidden, notFound } from '../shared/errors.js';
import { nfc } from '../shared/text.js';
import { findAgency, findUnit } from '../agencies/index.js';
import { findUserBrief, listUnitHeads } from '../users/index.js';
import { notify } from '../notifications/index.js';
import { findIncoming } from '../incoming/index.js';
import { documentType, PAPER_REASONS } from './document-types.js';
import { requireReadyAppendices, saveAppendices } from './appendices.js';
import { checkCorrection } from './corrections.js';
import { addEvent, findDocument, findVersion, outgoingDb, type DocumentRow } from './repository.js';
import type { CreateDraft, DraftFields, NewVersion, UpdateDraft } from './schemas.js';

/**
 * Drafting and approval (Q-10.1, Q-12.2a): a draft keeps every version with who and when; the
 * head of the drafting unit approves it or returns it with comments; any change after approval
 * sends it back for approval before it can be signed. All functions run in the caller's transaction.
 */

const OFFICE_FORMATS = new Set(['docx', 'odt', 'doc', 'rtf']);
const EDITABLE = new Set(['draft', 'submitted', 'returned', 'approved']);
const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ field }]);

function requireDrafter(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'staff', 'unit_head', 'clerk', 'deputy_head', 'agency_head')) throw forbidden('Bạn không có quyền soạn thảo văn bản đi.');
  return actor;
}

/** A document of the actor's agency, locked for the change; another agency's answers as missing. */
export async function loadForChange(ctx: Ctx, id: string): Promise<DocumentRow> {
  assertTransaction(ctx.db);
  const actor = requireActor(ctx);
  const row = await findDocument(ctx.db, id, true);
  if (!row || row.agency_id !== actor.agencyId) throw notFound('Văn bản đi');
  return row;
}

async function checkFields(ctx: Ctx, actor: Actor, input: UpdateDraft, current?: DocumentRow) {
  if (input.series) {
    const declared = await outgoingDb(ctx.db).selectFrom('outgoing_series').select('id').where('agency_id', '=', actor.agencyId).where('code', '=', input.series).executeTakeFirst();
    if (!declared) throw invalid('series', `Cơ quan chưa khai báo sổ "${input.series}".`);
  }
  if (input.draftingUnitId !== undefined) {
    const unit = await findUnit(ctx.db, input.draftingUnitId);
    if (!unit || unit.agencyId !== actor.agencyId || unit.disabled) throw invalid('draftingUnitId', 'Đơn vị soạn thảo không thuộc cơ quan.');
  }
  if (input.signerId !== undefined) {
    const signer = await findUserBrief(ctx.db, input.signerId);
    if (!signer || signer.agencyId !== actor.agencyId || !signer.active || !signer.roles.some((r) => r === 'agency_head' || r === 'deputy_head' || r === 'unit_head')) {
      throw invalid('signerId', 'Người ký phải là lãnh đạo đang làm việc của cơ quan hoặc của đơn vị.');
    }
  }
  for (const [i, id] of (input.recipientAgencyIds ?? []).entries()) {
    const agency = await findAgency(ctx.db, id);
    if (!agency || agency.disabled) throw invalid(`recipientAgencyIds/${i}`, 'Cơ quan nhận không có trong danh bạ.');
    if (id === actor.agencyId) throw invalid(`recipientAgencyIds/${i}`, 'Không gửi văn bản cho chính cơ quan mình; nơi lưu ghi ở "Nơi nhận".');
  }
  if (input.replyToIncomingId) {
    const incoming = await findIncoming(ctx.db, input.replyToIncomingId);
    if (!incoming || incoming.agencyId !== actor.agencyId) throw invalid('replyToIncomingId', 'Văn bản đến được trả lời không có trong sổ đến của cơ quan.');
  }
  if (input.paperReason && !(input.paperReason in PAPER_REASONS)) throw invalid('paperReason', 'Lý do gửi bản giấy phải thuộc danh mục a–đ.');
  const typeCode = input.typeCode ?? current?.type_code;
  if (typeCode && !documentType(typeCode)) throw invalid('typeCode', 'Loại văn bản không đúng danh mục.');
}

/** Checks a version's file: a PDF is used as it is; an office file is converted in the background. */
async function versionFile(ctx: Ctx, fileId: string) {
  const actor = requireActor(ctx);
  const file = await ctx.files.get(ctx, fileId).catch(() => undefined);
  if (!file || file.agencyId !== actor.agencyId) throw invalid('fileId', 'Tệp dự thảo không tồn tại hoặc không thuộc cơ quan.');
  if (file.format === 'pdf') return { source_file_id: file.id, pdf_file_id: file.id, conversion: 'not_needed' as const };
  if (OFFICE_FORMATS.has(file.format)) return { source_file_id: file.id, pdf_file_id: null, conversion: 'pending' as const };
  throw invalid('fileId', 'Dự thảo phải là tệp .docx, .odt, .doc, .rtf hoặc .pdf.');
}

export async function createDraft(ctx: Ctx, input: CreateDraft): Promise<{ id: string; conversion: string }> {
  assertTransaction(ctx.db);
  const actor = requireDrafter(ctx);
  const unitId = input.draftingUnitId ?? actor.unitId;
  if (!unitId) throw invalid('draftingUnitId', 'Chọn đơn vị soạn thảo.');
  await checkFields(ctx, actor, { ...input, draftingUnitId: unitId });
  const correction = await checkCorrection(ctx, actor.agencyId, input);
  const version = await versionFile(ctx, input.fileId);
  const now = ctx.clock.now();
  const q = outgoingDb(ctx.db);
  const row = await q
    .insertInto('outgoing_document')
    .values({
      agency_id: actor.agencyId,
      state: 'draft',
      type_code: input.typeCode,
      summary: nfc(input.summary),
      drafting_unit_id: unitId,
      drafter_id: actor.userId,
      signer_id: input.signerId,
      signer_authority: input.signerAuthority ?? '',
      signer_position: nfc(input.signerPosition),
      urgency: input.urgency ?? 0,
      reply_deadline: input.replyDeadline ?? null,
      to_places: nfc(input.toPlaces),
      paper_copies: Boolean(input.paperReason),
      paper_reason: input.paperReason ?? null,
      series: input.series ?? '',
      reply_to_incoming_id: input.replyToIncomingId ?? null,
      current_version: 1,
      approved_version: null,
      approved_by: null,
      approved_at: null,
      signed_file_id: null,
      signed_at: null,
      numbered_file_id: null,
      issued_file_id: null,
      register_id: null,
      year: null,
      number: null,
      notation: null,
      issued_date: null,
      numbered_at: null,
      numbered_by: null,
      issued_at: null,
      recalled_at: null,
      recall_reason: null,
      created_at: now,
      updated_at: now,
      ...correction,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await q.insertInto('outgoing_version').values({ document_id: row.id, version: 1, ...version, conversion_error: null, note: null, created_by: actor.userId, created_at: now }).execute();
  const appendices = await saveAppendices(ctx, row.id, 1, input.appendices);
  await replaceRecipients(ctx, row.id, input);
  await addEvent(ctx.db, row.id, actor.userId, now, 'created', { version: 1, appendices });
  await recordAudit(ctx, { action: 'outgoing.create', objectType: 'outgoing_document', objectId: row.id, details: { typeCode: input.typeCode, summary: nfc(input.summary), appendixFileIds: input.appendices?.map((a) => a.fileId) ?? [], ...correction } });
  return { id: row.id, conversion: version.conversion };
}

async function replaceRecipients(ctx: Ctx, documentId: string, input: Pick<DraftFields, 'recipientAgencyIds' | 'externalRecipients'>) {
  if (input.recipientAgencyIds === undefined && input.externalRecipients === undefined) return;
  const q = outgoingDb(ctx.db);
  const now = ctx.clock.now();
  const existing = await q.selectFrom('outgoing_recipient').selectAll().where('document_id', '=', documentId).execute();
  const internal = input.recipientAgencyIds ?? existing.filter((r) => r.agency_id).map((r) => r.agency_id!);
  const external = input.externalRecipients ?? existing.filter((r) => !r.agency_id).map((r) => r.name);
  await q.deleteFrom('outgoing_recipient').where('document_id', '=', documentId).execute();
  const rows = [];
  for (const agencyId of internal) rows.push({ document_id: documentId, agency_id: agencyId, name: (await findAgency(ctx.db, agencyId))!.name, status: 'sent' as const, arrival_number: null, reason: null, updated_at: now });
  for (const name of new Set(external.map((n) => nfc(n)))) rows.push({ document_id: documentId, agency_id: null, name, status: 'waiting_exchange' as const, arrival_number: null, reason: null, updated_at: now });
  if (rows.length) await q.insertInto('outgoing_recipient').values(rows).execute();
}

/** Any change after approval sends the draft back for approval (Q-12.2a). */
function backToDraft(row: DocumentRow) {
  return row.state === 'approved' || row.state === 'submitted' ? { state: 'draft' as const, approved_version: null, approved_by: null, approved_at: null } : {};
}

function requireEditor(actor: Actor, row: DocumentRow) {
  if (!EDITABLE.has(row.state)) throw conflict('Văn bản đã ký số; bản đã ký không được sửa. Sửa đổi phải ban hành văn bản mới.');
  if (row.drafter_id !== actor.userId && !(actor.unitId === row.drafting_unit_id && hasRole(actor, 'unit_head'))) throw forbidden('Chỉ người soạn thảo hoặc lãnh đạo đơn vị soạn thảo sửa dự thảo.');
}

export async function updateDraft(ctx: Ctx, id: string, input: UpdateDraft): Promise<void> {
  const actor = requireDrafter(ctx);
  const row = await loadForChange(ctx, id);
  requireEditor(actor, row);
  await checkFields(ctx, actor, input, row);
  const correction = await checkCorrection(ctx, actor.agencyId, input, row);
  const now = ctx.clock.now();
  await outgoingDb(ctx.db)
    .updateTable('outgoing_document')
    .set({
      ...(input.typeCode !== undefined && { type_code: input.typeCode }),
      ...(input.summary !== undefined && { summary: nfc(input.summary) }),
      ...(input.draftingUnitId !== undefined && { drafting_unit_id: input.draftingUnitId }),
      ...(input.signerId !== undefined && { signer_id: input.signerId }),
      ...(input.signerAuthority !== undefined && { signer_authority: input.signerAuthority }),
      ...(input.signerPosition !== undefined && { signer_position: nfc(input.signerPosition) }),
      ...(input.urgency !== undefined && { urgency: input.urgency }),
      ...(input.replyDeadline !== undefined && { reply_deadline: input.replyDeadline }),
      ...(input.toPlaces !== undefined && { to_places: nfc(input.toPlaces) }),
      ...(input.paperReason !== undefined && { paper_reason: input.paperReason, paper_copies: Boolean(input.paperReason) }),
      ...(input.series !== undefined && { series: input.series }),
      ...(input.replyToIncomingId !== undefined && { reply_to_incoming_id: input.replyToIncomingId }),
      ...correction,
      ...backToDraft(row),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  await replaceRecipients(ctx, id, input);
  await addEvent(ctx.db, id, actor.userId, now, 'edited', { fields: Object.keys(input), backToDraft: row.state === 'approved' });
  await recordAudit(ctx, { action: 'outgoing.edit', objectType: 'outgoing_document', objectId: id, details: input });
}

export async function addVersion(ctx: Ctx, id: string, input: NewVersion): Promise<{ version: number; conversion: string }> {
  const actor = requireDrafter(ctx);
  const row = await loadForChange(ctx, id);
  requireEditor(actor, row);
  const file = await versionFile(ctx, input.fileId);
  const now = ctx.clock.now();
  const version = row.current_version + 1;
  const q = outgoingDb(ctx.db);
  await q.insertInto('outgoing_version').values({ document_id: id, version, ...file, conversion_error: null, note: input.note ? nfc(input.note) : null, created_by: actor.userId, created_at: now }).execute();
  const appendices = await saveAppendices(ctx, id, version, input.appendices, row.current_version);
  await q.updateTable('outgoing_document').set({ current_version: version, ...backToDraft(row), updated_at: now }).where('id', '=', id).execute();
  await addEvent(ctx.db, id, actor.userId, now, 'version', { version, note: input.note ?? null, appendices });
  await recordAudit(ctx, { action: 'outgoing.version', objectType: 'outgoing_document', objectId: id, details: { version, fileId: input.fileId, appendixFileIds: input.appendices?.map((a) => a.fileId) ?? 'carried over' } });
  return { version, conversion: file.conversion };
}

export async function addComment(ctx: Ctx, id: string, body: string): Promise<void> {
  const actor = requireActor(ctx);
  const row = await loadForChange(ctx, id);
  const now = ctx.clock.now();
  await outgoingDb(ctx.db).insertInto('outgoing_comment').values({ document_id: id, version: row.current_version, author_id: actor.userId, body: nfc(body), created_at: now }).execute();
  if (actor.userId !== row.drafter_id) await notify(ctx.db, now, { userIds: [row.drafter_id], agencyId: row.agency_id, kind: 'outgoing.comment', title: `Ý kiến về dự thảo: ${row.summary}`, link: `/outgoing/${id}` });
  await recordAudit(ctx, { action: 'outgoing.comment', objectType: 'outgoing_document', objectId: id });
}

async function requireReadyPdf(ctx: Ctx, row: DocumentRow) {
  const version = await findVersion(ctx.db, row.id, row.current_version);
  if (!version?.pdf_file_id) {
    throw conflict(version?.conversion === 'failed' ? `Chưa có bản PDF của dự thảo: chuyển đổi thất bại (${version.conversion_error ?? ''}). Hãy tải lên phiên bản khác.` : 'Dự thảo đang được chuyển sang PDF; thử lại sau ít phút.');
  }
  await requireReadyAppendices(ctx.db, row.id, row.current_version);
  return version;
}

/** The drafter sends the current version to the head of the drafting unit. */
export async function submitDraft(ctx: Ctx, id: string): Promise<void> {
  const actor = requireDrafter(ctx);
  const row = await loadForChange(ctx, id);
  if (row.state !== 'draft' && row.state !== 'returned') throw conflict('Chỉ gửi duyệt dự thảo đang soạn hoặc bị trả lại.');
  if (row.drafter_id !== actor.userId) throw forbidden('Chỉ người soạn thảo gửi duyệt.');
  await requireReadyPdf(ctx, row);
  const now = ctx.clock.now();
  await outgoingDb(ctx.db).updateTable('outgoing_document').set({ state: 'submitted', updated_at: now }).where('id', '=', id).execute();
  await addEvent(ctx.db, id, actor.userId, now, 'submitted', { version: row.current_version });
  const heads = await listUnitHeads(ctx.db, row.drafting_unit_id);
  await notify(ctx.db, now, { userIds: heads.map((h) => h.id), agencyId: row.agency_id, kind: 'outgoing.to_approve', title: `Dự thảo chờ duyệt: ${row.summary}`, link: `/outgoing/${id}`, urgent: row.urgency > 0 });
  await recordAudit(ctx, { action: 'outgoing.submit', objectType: 'outgoing_document', objectId: id, details: { version: row.current_version } });
}

/** The head of the drafting unit (or the agency's leaders) approves (ký duyệt bản thảo) or returns with comments. */
function requireApprover(actor: Actor, row: DocumentRow) {
  const unitHead = hasRole(actor, 'unit_head') && actor.unitId === row.drafting_unit_id;
  if (!unitHead && !hasRole(actor, 'agency_head', 'deputy_head')) throw forbidden('Chỉ lãnh đạo đơn vị soạn thảo duyệt dự thảo.');
}

export async function approveDraft(ctx: Ctx, id: string): Promise<void> {
  const actor = requireActor(ctx);
  const row = await loadForChange(ctx, id);
  requireApprover(actor, row);
  if (row.state !== 'submitted') throw conflict('Dự thảo không ở trạng thái chờ duyệt.');
  await requireReadyPdf(ctx, row);
  const now = ctx.clock.now();
  await outgoingDb(ctx.db).updateTable('outgoing_document').set({ state: 'approved', approved_version: row.current_version, approved_by: actor.userId, approved_at: now, updated_at: now }).where('id', '=', id).execute();
  await addEvent(ctx.db, id, actor.userId, now, 'approved', { version: row.current_version });
  await notify(ctx.db, now, { userIds: [row.signer_id, row.drafter_id], agencyId: row.agency_id, kind: 'outgoing.to_sign', title: `Văn bản chờ ký: ${row.summary}`, link: `/outgoing/${id}`, urgent: row.urgency > 0 });
  await recordAudit(ctx, { action: 'outgoing.approve', objectType: 'outgoing_document', objectId: id, details: { version: row.current_version } });
}

export async function returnDraft(ctx: Ctx, id: string, reason: string): Promise<void> {
  const actor = requireActor(ctx);
  const row = await loadForChange(ctx, id);
  // The approver returns a submitted draft; the signer may also return an approved one instead of signing.
  if (row.state !== 'submitted' && row.state !== 'approved') throw conflict('Chỉ trả lại dự thảo đang chờ duyệt hoặc chờ ký.');
  if (row.state === 'submitted' || actor.userId !== row.signer_id) requireApprover(actor, row);
  const now = ctx.clock.now();
  await outgoingDb(ctx.db).updateTable('outgoing_document').set({ state: 'returned', approved_version: null, approved_by: null, approved_at: null, updated_at: now }).where('id', '=', id).execute();
  await outgoingDb(ctx.db).insertInto('outgoing_comment').values({ document_id: id, version: row.current_version, author_id: actor.userId, body: nfc(reason), created_at: now }).execute();
  await addEvent(ctx.db, id, actor.userId, now, 'returned', { reason: nfc(reason) });
  await notify(ctx.db, now, { userIds: [row.drafter_id], agencyId: row.agency_id, kind: 'outgoing.returned', title: `Dự thảo bị trả lại: ${row.summary}`, link: `/outgoing/${id}` });
  await recordAudit(ctx, { action: 'outgoing.return', objectType: 'outgoing_document', objectId: id, details: { reason: nfc(reason) } });
}
