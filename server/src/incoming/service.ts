import type { Ctx } from '../infra/context.js';
import { requireActor } from '../infra/context.js';
import { inTransaction } from '../infra/db/database.js';
import { recordAudit } from '../infra/audit/audit.js';
import { legalYear } from '../infra/time/legal-time.js';
import { conflict, notFound } from '../shared/errors.js';
import { nfc } from '../shared/text.js';
import { findIncoming, incomingDb, listIncoming } from './repository.js';
import { addEvent, routingDb } from './routing-repository.js';
import { checkDigitisedScan } from './scan-check.js';
import { invalid, register, requireClerk } from './registration.js';
import type { IncomingDocument, ListIncomingQuery, RegisterIncoming } from './schemas.js';

/** A clerk registers a document typed in or uploaded (paper or electronic); see `register`. */
export async function registerIncoming(ctx: Ctx, input: RegisterIncoming): Promise<IncomingDocument> {
  return register(ctx, input);
}

/** One document of the actor's agency; the read is logged. */
export async function readIncoming(ctx: Ctx, id: string): Promise<IncomingDocument> {
  const actor = requireActor(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const doc = await findIncoming(trx, id);
    if (!doc || doc.agencyId !== actor.agencyId) throw notFound('Văn bản đến');
    await recordAudit({ ...ctx, db: trx }, { action: 'incoming.read', objectType: 'incoming_document', objectId: id });
    return doc;
  });
}

export async function searchIncoming(ctx: Ctx, query: ListIncomingQuery): Promise<IncomingDocument[]> {
  const actor = requireActor(ctx);
  return listIncoming(ctx.db, actor.agencyId, { ...query, year: query.year ?? legalYear(ctx.clock.now()) });
}

/** A mistaken entry is never deleted: it is cancelled with a reason and keeps its number. */
export async function cancelIncoming(ctx: Ctx, id: string, reason: string): Promise<IncomingDocument> {
  const actor = requireClerk(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const doc = await findIncoming(trx, id);
    if (!doc || doc.agencyId !== actor.agencyId) throw notFound('Văn bản đến');
    if (doc.status === 'cancelled') throw conflict('Văn bản đã bị hủy đăng ký trước đó.');
    const now = ctx.clock.now();
    await incomingDb(trx).updateTable('incoming_document').set({ status: 'cancelled', cancelled_at: now, cancelled_by: actor.userId, cancel_reason: nfc(reason) }).where('id', '=', id).execute();
    await routingDb(trx).updateTable('incoming_assignment').set({ state: 'recalled' }).where('document_id', '=', id).where('state', 'in', ['open', 'in_progress']).execute();
    await addEvent(trx, id, actor.userId, now, 'cancelled', { reason: nfc(reason) });
    await recordAudit({ ...ctx, db: trx }, { action: 'incoming.cancel', objectType: 'incoming_document', objectId: id, details: { reason: nfc(reason), arrivalNumber: doc.arrivalNumber } });
    return (await findIncoming(trx, id))!;
  });
}

/** Checks an uploaded scan against the digitisation standard before registering it (Q-11.2b). */
export async function checkScanFile(ctx: Ctx, fileId: string) {
  const actor = requireActor(ctx);
  const file = await ctx.files.get(ctx, fileId);
  if (file.agencyId !== actor.agencyId) throw notFound('Tệp');
  if (file.format !== 'pdf') throw invalid('fileId', 'Bản số hóa phải là tệp PDF.');
  return checkDigitisedScan(await ctx.files.localPath(file));
}

/** An outgoing document answering this one was issued (Sổ theo dõi giải quyết, "Số, ký hiệu văn bản trả lời"). */
export async function recordReply(ctx: Ctx, documentId: string, reply: { notation: string; outgoingId: string }): Promise<void> {
  const actor = requireActor(ctx);
  const q = incomingDb(ctx.db);
  const doc = await q.selectFrom('incoming_document').select(['agency_id']).where('id', '=', documentId).executeTakeFirst();
  if (!doc || doc.agency_id !== actor.agencyId) return;
  await q.updateTable('incoming_document').set({ reply_notation: reply.notation }).where('id', '=', documentId).execute();
  await addEvent(ctx.db, documentId, actor.userId, ctx.clock.now(), 'replied', reply);
}
