import type { Ctx } from '../infra/context.js';
import { requireActor } from '../infra/context.js';
import { hasRole } from '../infra/auth/actor.js';
import { assertTransaction, inTransaction } from '../infra/db/database.js';
import { recordAudit } from '../infra/audit/audit.js';
import { publish } from '../infra/events.js';
import { legalDate } from '../infra/time/legal-time.js';
import type { StoredFile } from '../infra/storage/file-store.js';
import { AppError, conflict, forbidden, notFound } from '../shared/errors.js';
import { nfc } from '../shared/text.js';
import { findAgency } from '../agencies/index.js';
import { listAgencyClerks } from '../users/index.js';
import { notify } from '../notifications/index.js';
import { claimInboxItem } from './inbox-repository.js';
import { incomingDb } from './repository.js';
import { invalid, register } from './registration.js';
import { addEvent, routingDb } from './routing-repository.js';
import type { IncomingDocument } from './schemas.js';
import type { InboxEnvelope } from './tables.js';

/**
 * Văn bản điện tử nhận được: what other agencies of this deployment (and later the hub) deliver
 * lands here, files and signatures included, and waits for the clerk, who checks it and registers
 * it (Q-11.2a) or returns it with a reason (Q-6.1d). Each step is reported back to the sender.
 */

export interface Delivery {
  toAgencyId: string;
  channel: 'internal' | 'hub';
  originRef: string;
  senderAgencyId: string | null;
  envelope: InboxEnvelope;
  mainFile: StoredFile;
  attachments: StoredFile[];
}

function requireClerk(ctx: Ctx) {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'clerk')) throw forbidden('Chỉ văn thư cơ quan tiếp nhận văn bản điện tử.');
  return actor;
}

/** Delivers into the recipient's inbox, inside the deliverer's transaction; the files are filed for the recipient. */
export async function deliverToInbox(ctx: Ctx, delivery: Delivery): Promise<string> {
  assertTransaction(ctx.db);
  const now = ctx.clock.now();
  const main = await ctx.files.shareWith(ctx, delivery.mainFile, delivery.toAgencyId);
  const attachments = [];
  for (const file of delivery.attachments) attachments.push(await ctx.files.shareWith(ctx, file, delivery.toAgencyId));
  const row = await incomingDb(ctx.db)
    .insertInto('incoming_inbox')
    .values({
      agency_id: delivery.toAgencyId,
      channel: delivery.channel,
      origin_ref: delivery.originRef,
      sender_agency_id: delivery.senderAgencyId,
      received_at: now,
      envelope: JSON.stringify(delivery.envelope),
      main_file_id: main.id,
      attachment_file_ids: attachments.map((f) => f.id),
      state: 'pending',
      document_id: null,
      reason: null,
      handled_by: null,
      handled_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const clerks = await listAgencyClerks(ctx.db, delivery.toAgencyId);
  const urgent = delivery.envelope.urgency > 0;
  await notify(ctx.db, now, { userIds: clerks.map((c) => c.id), agencyId: delivery.toAgencyId, kind: 'incoming.delivered', title: `Văn bản điện tử mới: ${delivery.envelope.codeNumber}/${delivery.envelope.codeNotation} — ${delivery.envelope.subject}`, link: `/incoming/inbox/${row.id}`, urgent });
  return row.id;
}

export async function listInbox(ctx: Ctx, state: 'pending' | 'registered' | 'returned' | 'recalled' = 'pending') {
  const actor = requireClerk(ctx);
  const rows = await incomingDb(ctx.db).selectFrom('incoming_inbox').selectAll().where('agency_id', '=', actor.agencyId).where('state', '=', state).orderBy('received_at').execute();
  // Urgent first (Hỏa tốc, Thượng khẩn, Khẩn), then in order of arrival (Q-6.2b).
  return rows.map(presentInbox).sort((a, b) => b.envelope.urgency - a.envelope.urgency || a.receivedAt.localeCompare(b.receivedAt));
}

export async function getInboxItem(ctx: Ctx, id: string) {
  const actor = requireClerk(ctx);
  const row = await incomingDb(ctx.db).selectFrom('incoming_inbox').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.agency_id !== actor.agencyId) throw notFound('Văn bản điện tử đã nhận');
  return presentInbox(row);
}

type InboxRow = Awaited<ReturnType<typeof claimInboxItem>>;
function presentInbox(row: InboxRow) {
  return {
    id: row.id,
    channel: row.channel,
    senderAgencyId: row.sender_agency_id,
    receivedAt: row.received_at.toISOString(),
    envelope: row.envelope,
    mainFileId: row.main_file_id,
    attachmentFileIds: row.attachment_file_ids,
    state: row.state,
    documentId: row.document_id,
    reason: row.reason,
  };
}

/** The reason text kept with a return and sent to the sender; the column holds 500 characters. */
const reasonText = (text: string) => (text.length > 500 ? `${text.slice(0, 499)}…` : text);

/**
 * The check of the address (Q-6.1d): when the envelope names its recipients (the hub's To list)
 * with their agency codes, one of them must be this agency. Names alone are not judged: "UBND tỉnh"
 * and "Ủy ban nhân dân tỉnh" are the same addressee, and a return cannot be undone; the clerk reads
 * them and returns the document by hand if it is not ours. Within this deployment delivery puts a
 * document only in the inbox of an agency the sender chose, so an envelope without recipients has
 * nothing more to check.
 */
async function misaddressed(ctx: Ctx, agencyId: string, e: InboxEnvelope): Promise<string | null> {
  if (!e.recipients?.length) return null;
  const agency = await findAgency(ctx.db, agencyId);
  if (!agency) return null;
  const ours = (r: { agencyCode?: string | null; name: string }) => !r.agencyCode || r.agencyCode === agency.code;
  if (e.recipients.some(ours)) return null;
  return reasonText(`Văn bản không gửi đến ${agency.name}: nơi nhận ghi trên văn bản là ${e.recipients.map((r) => r.name).join('; ')}.`);
}

/** The appointed time of a Hỏa tốc hẹn giờ envelope, when it has a readable one. */
function appointment(e: InboxEnvelope): string | null {
  if (e.urgency !== 4 || !e.urgentDeadline || Number.isNaN(Date.parse(e.urgentDeadline))) return null;
  return new Date(e.urgentDeadline).toISOString();
}

/**
 * Registers a delivered document with the envelope's fields; the signature check of any electronic
 * registration applies. A document that fails the receipt checks (Q-6.1d) — not addressed to this
 * agency, or a signature INVALID (altered after signing, forged, a broken file) — is not
 * registered: it is returned to the sender at once with the reason, logged, and the clerk told so.
 */
export async function registerFromInbox(ctx: Ctx, id: string, input: { dueDate?: string | null; description?: string | null; acknowledgeDuplicate?: boolean }): Promise<IncomingDocument> {
  const item = await getInboxItem(ctx, id);
  if (item.state !== 'pending') throw conflict(item.state === 'recalled' ? 'Văn bản đã bị cơ quan gửi thu hồi.' : 'Văn bản này đã được xử lý.');
  const e = item.envelope;
  if (input.dueDate && input.dueDate < legalDate(ctx.clock.now())) throw invalid('dueDate', 'Thời hạn giải quyết không được trước hôm nay.');
  const wrongAddress = await misaddressed(ctx, requireActor(ctx).agencyId, e);
  if (wrongAddress) {
    await returnItem(ctx, id, wrongAddress, { automatic: true, cause: 'misaddressed' });
    throw conflict(`Văn bản không được đăng ký vì gửi sai địa chỉ. ${wrongAddress} Văn bản đã được tự động trả lại cơ quan gửi kèm lý do.`, { returnedToSender: true, cause: 'MISADDRESSED', reason: wrongAddress });
  }
  // Hỏa tốc hẹn giờ keeps its level and time; without a time it is registered as Hỏa tốc.
  const appointedAt = appointment(e);
  try {
    return await register(
      ctx,
      {
        source: item.channel,
        issuerName: e.issuerName,
        issuerCode: e.issuerCode,
        typeName: e.typeName,
        codeNumber: e.codeNumber,
        codeNotation: e.codeNotation,
        issuedDate: e.issuedDate,
        subject: e.subject,
        signerPosition: e.signerPosition,
        signerName: e.signerName,
        urgency: appointedAt ? 4 : Math.min(e.urgency, 3),
        urgentDeadline: appointedAt,
        toPlaces: e.toPlaces,
        pageAmount: e.pageAmount,
        dueDate: input.dueDate ?? e.dueDate,
        description: input.description ?? null,
        arrivedAt: item.receivedAt,
        mainFileId: item.mainFileId,
        attachmentFileIds: item.attachmentFileIds,
        acknowledgeDuplicate: input.acknowledgeDuplicate,
      },
      { inboxId: id, senderAgencyId: item.senderAgencyId },
    );
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'SIGNATURE_INVALID') throw error;
    const report = (error.details ?? {}) as { message?: string };
    const reason = reasonText(`Chữ ký số không hợp lệ: ${report.message ?? error.message}`);
    try {
      await returnItem(ctx, id, reason, { automatic: true, cause: 'signature_invalid' });
    } catch (returnError) {
      // Another clerk handled the item meanwhile: the refusal stands, without a second return.
      if (returnError instanceof AppError && returnError.code === 'CONFLICT') throw error;
      throw returnError;
    }
    throw new AppError('SIGNATURE_INVALID', `${error.message} Văn bản đã được tự động trả lại cơ quan gửi kèm lý do.`, { ...(error.details as object), returnedToSender: true, reason });
  }
}

/** Returns a misaddressed or faulty document to its sender with the reason (Q-6.1d); it is not registered. */
export async function returnInboxItem(ctx: Ctx, id: string, reason: string): Promise<void> {
  await returnItem(ctx, id, nfc(reason), {});
}

/** The return itself: the entry is closed, the return logged, and the sender's delivery status becomes "returned" with the reason. */
async function returnItem(ctx: Ctx, id: string, reason: string, details: Record<string, unknown>): Promise<void> {
  const actor = requireClerk(ctx);
  await inTransaction(ctx.db, async (trx) => {
    const tctx = { ...ctx, db: trx };
    const item = await claimInboxItem(tctx, id);
    const now = ctx.clock.now();
    await incomingDb(trx).updateTable('incoming_inbox').set({ state: 'returned', reason, handled_by: actor.userId, handled_at: now }).where('id', '=', id).execute();
    await recordAudit(tctx, { action: 'incoming.return', objectType: 'incoming_inbox', objectId: id, details: { reason, ...details } });
    await publish(trx, { type: 'delivery.status', channel: item.channel, originRef: item.origin_ref, status: 'returned', at: now, reason });
  });
}

/**
 * The sender recalls a document (Q-12.3c), in the sender's transaction: a pending delivery is
 * withdrawn; a registered one is frozen and marked recalled until this agency's clerk confirms.
 */
export async function recallDelivery(ctx: Ctx, input: { channel: 'internal' | 'hub'; originRef: string; reason: string }): Promise<void> {
  assertTransaction(ctx.db);
  const now = ctx.clock.now();
  const q = incomingDb(ctx.db);
  const item = await q.selectFrom('incoming_inbox').selectAll().where('channel', '=', input.channel).where('origin_ref', '=', input.originRef).forUpdate().executeTakeFirst();
  if (!item || item.state === 'returned' || item.state === 'recalled') return;
  await q.updateTable('incoming_inbox').set({ state: 'recalled', reason: nfc(input.reason) }).where('id', '=', item.id).execute();
  if (item.document_id) {
    await q.updateTable('incoming_document').set({ recalled_at: now, recall_reason: nfc(input.reason) }).where('id', '=', item.document_id).execute();
    await routingDb(ctx.db).updateTable('incoming_assignment').set({ state: 'recalled' }).where('document_id', '=', item.document_id).where('state', 'in', ['open', 'in_progress']).execute();
    await addEvent(ctx.db, item.document_id, requireActor(ctx).userId, now, 'recalled_by_sender', { reason: nfc(input.reason) });
  }
  const clerks = await listAgencyClerks(ctx.db, item.agency_id);
  await notify(ctx.db, now, { userIds: clerks.map((c) => c.id), agencyId: item.agency_id, kind: 'incoming.recalled', title: `Văn bản ${item.envelope.codeNumber}/${item.envelope.codeNotation} bị thu hồi: ${nfc(input.reason)}`, link: item.document_id ? `/incoming/${item.document_id}` : `/incoming/inbox/${item.id}`, urgent: true });
}

/** The clerk confirms a recall: the entry is cancelled (keeping its number) and the sender told (Q-12.3c). */
export async function confirmRecall(ctx: Ctx, documentId: string): Promise<void> {
  const actor = requireClerk(ctx);
  await inTransaction(ctx.db, async (trx) => {
    const q = incomingDb(trx);
    const doc = await q.selectFrom('incoming_document').selectAll().where('id', '=', documentId).forUpdate().executeTakeFirst();
    if (!doc || doc.agency_id !== actor.agencyId) throw notFound('Văn bản đến');
    if (!doc.recalled_at) throw conflict('Văn bản không bị thu hồi.');
    if (doc.recall_confirmed_at) throw conflict('Việc thu hồi đã được xác nhận.');
    const now = ctx.clock.now();
    await q
      .updateTable('incoming_document')
      .set({ recall_confirmed_at: now, recall_confirmed_by: actor.userId, status: 'cancelled', cancelled_at: now, cancelled_by: actor.userId, cancel_reason: `Thu hồi: ${doc.recall_reason ?? ''}`.slice(0, 500) })
      .where('id', '=', documentId)
      .execute();
    await addEvent(trx, documentId, actor.userId, now, 'recall_confirmed', {});
    await recordAudit({ ...ctx, db: trx }, { action: 'incoming.recall_confirm', objectType: 'incoming_document', objectId: documentId });
    const item = doc.inbox_id ? await q.selectFrom('incoming_inbox').select(['channel', 'origin_ref']).where('id', '=', doc.inbox_id).executeTakeFirst() : undefined;
    if (item) await publish(trx, { type: 'delivery.status', channel: item.channel, originRef: item.origin_ref, status: 'recall_confirmed', at: now });
  });
}
