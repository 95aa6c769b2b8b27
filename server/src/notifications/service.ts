import type { Ctx } from '../infra/context.js';
import { requireActor } from '../infra/context.js';
import { assertTransaction, type Db } from '../infra/db/database.js';
import { notFound } from '../shared/errors.js';
import type { NotificationTables } from './tables.js';

const notificationDb = (db: Db) => db.withTables<NotificationTables>();

export interface Notice {
  userIds: string[];
  agencyId: string;
  kind: string;
  title: string;
  link?: string;
  urgent?: boolean;
  dedupeKey?: string;
}

/** In-app notices, written in the transaction of the change they announce (no notice for a rolled-back change). */
export async function notify(db: Db, at: Date, notice: Notice): Promise<void> {
  assertTransaction(db);
  const userIds = [...new Set(notice.userIds)];
  if (!userIds.length) return;
  await notificationDb(db)
    .insertInto('notification')
    .values(userIds.map((user_id) => ({ user_id, agency_id: notice.agencyId, kind: notice.kind, title: notice.title, link: notice.link ?? null, urgent: notice.urgent ?? false, dedupe_key: notice.dedupeKey ?? null, created_at: at, read_at: null })))
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .execute();
}

export async function myNotifications(ctx: Ctx, options: { unreadOnly?: boolean; limit?: number }) {
  const actor = requireActor(ctx);
  let q = notificationDb(ctx.db).selectFrom('notification').selectAll().where('user_id', '=', actor.userId);
  if (options.unreadOnly) q = q.where('read_at', 'is', null);
  const rows = await q
    .orderBy('urgent', 'desc')
    .orderBy('created_at', 'desc')
    .limit(options.limit ?? 50)
    .execute();
  const unread = await notificationDb(ctx.db).selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', actor.userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return {
    unread: Number(unread.n),
    items: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, link: r.link, urgent: r.urgent, createdAt: r.created_at.toISOString(), read: r.read_at !== null })),
  };
}

export async function markRead(ctx: Ctx, id?: string): Promise<void> {
  const actor = requireActor(ctx);
  let q = notificationDb(ctx.db).updateTable('notification').set({ read_at: ctx.clock.now() }).where('user_id', '=', actor.userId).where('read_at', 'is', null);
  if (id) q = q.where('id', '=', id);
  const res = await q.executeTakeFirst();
  if (id && Number(res.numUpdatedRows) === 0) {
    const mine = await notificationDb(ctx.db).selectFrom('notification').select('id').where('id', '=', id).where('user_id', '=', actor.userId).executeTakeFirst();
    if (!mine) throw notFound('Thông báo');
  }
}
