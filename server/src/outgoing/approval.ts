import type { Ctx } from '../infra/context.js';
import { requireActor } from '../infra/context.js';
import { hasRole, type Actor } from '../infra/auth/actor.js';
import { recordAudit } from '../infra/audit/audit.js';
import { conflict, forbidden } from '../shared/errors.js';
import { nfc } from '../shared/text.js';
import { listUnitHeads } from '../users/index.js';
import { notify } from '../notifications/index.js';
import { requireReadyAppendices } from './appendices.js';
import { loadForChange, requireDrafter } from './draft-access.js';
import { addEvent, findVersion, outgoingDb, type DocumentRow } from './repository.js';

/**
 * Approval (Q-10.1, Q-12.2a): the drafter submits the current version; the head of the drafting
 * unit approves it (ký duyệt bản thảo) or returns it with comments.
 */

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

/** The head of the drafting unit, or the agency's leaders. */
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
