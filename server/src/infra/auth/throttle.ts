import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { AuthTables } from './tables.js';

/** Failed logins allowed per window before a temporary lockout, per username and per client address. */
export const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  lockMs: 15 * 60 * 1000,
  userFailures: 5,
  ipFailures: 30,
};

const authDb = (db: Db) => db.withTables<AuthTables>();

export const userKey = (username: string) => `user:${username.toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** When the key is locked, the instant the lock ends. */
export async function lockedUntil(db: Db, key: string, now: Date): Promise<Date | undefined> {
  const row = await authDb(db).selectFrom('auth_throttle').select('locked_until').where('key', '=', key).executeTakeFirst();
  return row?.locked_until && row.locked_until > now ? row.locked_until : undefined;
}

/** Counts one failure; a window that has passed starts over. Locks the key when the limit is reached. */
export async function recordFailure(db: Db, key: string, limit: number, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMs);
  const lockUntil = new Date(now.getTime() + THROTTLE.lockMs);
  await sql`
    insert into auth_throttle as t (key, failures, window_start, locked_until)
    values (${key}, 1, ${now}, ${limit <= 1 ? lockUntil : null})
    on conflict (key) do update set
      failures = case when t.window_start < ${windowStart} then 1 else t.failures + 1 end,
      window_start = case when t.window_start < ${windowStart} then ${now} else t.window_start end,
      locked_until = case
        when (case when t.window_start < ${windowStart} then 1 else t.failures + 1 end) >= ${limit} then ${lockUntil}::timestamptz
        else t.locked_until end`.execute(authDb(db));
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await authDb(db).deleteFrom('auth_throttle').where('key', '=', key).execute();
}
