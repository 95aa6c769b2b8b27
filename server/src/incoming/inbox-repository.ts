import type { Ctx } from '../infra/context.js';
import { publish } from '../infra/events.js';
import { conflict, notFound } from '../shared/errors.js';
import { requireActor } from '../infra/context.js';
import { incomingDb } from './repository.js';

/** Locks a pending inbox entry of the actor's agency for the registration that takes it. */
export async function claimInboxItem(ctx: Ctx, inboxId: string) {
  const actor = requireActor(ctx);
  const item = await incomingDb(ctx.db).selectFrom('incoming_inbox').selectAll().where('id', '=', inboxId).forUpdate().executeTakeFirst();
  if (!item || item.agency_id !== actor.agencyId) throw notFound('Văn bản điện tử đã nhận');
  if (item.state !== 'pending') throw conflict(item.state === 'recalled' ? 'Văn bản đã bị cơ quan gửi thu hồi.' : 'Văn bản này đã được xử lý (đăng ký hoặc trả lại).');
  return item;
}

/** The entry is registered: the sender learns its số đến (Q-6.1e, the receipt status of the mission). */
export async function markInboxRegistered(ctx: Ctx, inboxId: string, documentId: string, arrivalNumber: number) {
  const actor = requireActor(ctx);
  const now = ctx.clock.now();
  const item = await incomingDb(ctx.db)
    .updateTable('incoming_inbox')
    .set({ state: 'registered', document_id: documentId, handled_by: actor.userId, handled_at: now })
    .where('id', '=', inboxId)
    .returning(['channel', 'origin_ref'])
    .executeTakeFirstOrThrow();
  await publish(ctx.db, { type: 'delivery.status', channel: item.channel, originRef: item.origin_ref, status: 'received', at: now, arrivalNumber });
}
