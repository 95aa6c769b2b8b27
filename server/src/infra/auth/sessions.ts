import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { AuthTables } from './tables.js';
import { sessionCache } from './session-cache.js';

export const SESSION_COOKIE = 'vanthu_session';
export const CSRF_COOKIE = 'vanthu_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** A working day plus margin; idle sessions end sooner. */
export const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;

export interface Session {
  id: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
}

const authDb = (db: Db) => db.withTables<AuthTables>();
const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, userId: string, now: Date, meta: { ip: string | null; userAgent: string | null }) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_MAX_AGE_MS);
  await authDb(db)
    .insertInto('auth_session')
    .values({ id: tokenId(token), user_id: userId, csrf_token: csrfToken, created_at: now, last_seen_at: now, expires_at: expiresAt, revoked_at: null, ip: meta.ip, user_agent: meta.userAgent?.slice(0, 300) ?? null })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** The live session of a cookie token, refreshing its idle timer at most once a minute. */
export async function findSession(db: Db, token: string, now: Date): Promise<Session | undefined> {
  const q = authDb(db);
  const row = await q
    .selectFrom('auth_session')
    .selectAll()
    .where('id', '=', tokenId(token))
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .where('last_seen_at', '>', new Date(now.getTime() - SESSION_IDLE_MS))
    .executeTakeFirst();
  if (!row) return undefined;
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await q.updateTable('auth_session').set({ last_seen_at: now }).where('id', '=', row.id).execute();
  }
  return { id: row.id, userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at };
}

export async function revokeSession(db: Db, sessionId: string, now: Date): Promise<void> {
  sessionCache.forget({ sessionId });
  await authDb(db).updateTable('auth_session').set({ revoked_at: now }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
}

/** Ends every session of a user (disabled account, password changed), optionally keeping one. */
export async function revokeUserSessions(db: Db, userId: string, now: Date, keepSessionId?: string): Promise<number> {
  sessionCache.forget({ userId });
  let q = authDb(db).updateTable('auth_session').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (keepSessionId) q = q.where('id', '<>', keepSessionId);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}
