/**
 * Throttling of password guesses without locking people out of their own desk (issue 11, item 11).
 *
 * - (account, address): a few wrong passwords from one address lock that pair for a while; the
 *   same account from another desk is not affected.
 * - account, across addresses: past a threshold each further attempt from an address the account
 *   never logged in from must wait a growing delay (capped at a minute) — a slowed guesser, not a
 *   locked owner.
 * - address, across accounts (password spraying): the same growing delay for accounts that have no
 *   successful login from that address. The address is the real client's: behind a proxy set
 *   VANTHU_TRUST_PROXY, or everyone shares the proxy's counter (they still only get delays).
 * An address the account logged in from before is "known" and only its own pair lock applies there.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { AuthTables } from './tables.js';

export const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  pairFailures: 5,
  pairLockMs: 15 * 60 * 1000,
  // Above the pair's limit: one address alone, locked at 5, never slows the account elsewhere.
  accountFailures: 10,
  addressFailures: 30,
  firstDelayMs: 1000,
  maxDelayMs: 60 * 1000,
  knownAddressMs: 90 * 24 * 60 * 60 * 1000,
};

const authDb = (db: Db) => db.withTables<AuthTables>();

export const pairKey = (username: string, ip: string) => `pair:${username.toLowerCase()}|${ip}`;
export const accountKey = (username: string) => `user:${username.toLowerCase()}`;
export const addressKey = (ip: string) => `ip:${ip}`;

export type Refusal = { kind: 'locked'; until: Date } | { kind: 'slowed'; until: Date; scope: 'account' | 'address' };

/** The wait before the next attempt once `failures` reached `threshold`: 1 s, 2 s, 4 s … 60 s. */
export function delayAfter(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  return Math.min(THROTTLE.firstDelayMs * 2 ** Math.min(failures - threshold, 30), THROTTLE.maxDelayMs);
}

async function counters(db: Db, keys: string[], now: Date) {
  const rows = await authDb(db).selectFrom('auth_throttle').selectAll().where('key', 'in', keys).execute();
  const windowStart = now.getTime() - THROTTLE.windowMs;
  return new Map(rows.map((r) => [r.key, { failures: r.window_start.getTime() < windowStart ? 0 : r.failures, lockedUntil: r.locked_until, last: r.last_failure_at }]));
}

export async function isKnownAddress(db: Db, username: string, ip: string, now: Date): Promise<boolean> {
  const row = await authDb(db).selectFrom('auth_known_address').select('last_login_at').where('username', '=', username).where('ip', '=', ip).executeTakeFirst();
  return !!row && row.last_login_at.getTime() > now.getTime() - THROTTLE.knownAddressMs;
}

/** Whether a password may be checked now for this account from this address; the refusal otherwise. */
export async function checkThrottle(db: Db, username: string, ip: string, now: Date): Promise<Refusal | undefined> {
  const c = await counters(db, [pairKey(username, ip), accountKey(username), addressKey(ip)], now);
  const pair = c.get(pairKey(username, ip));
  if (pair?.lockedUntil && pair.lockedUntil > now) return { kind: 'locked', until: pair.lockedUntil };
  if (await isKnownAddress(db, username, ip, now)) return undefined;
  for (const [scope, key, threshold] of [
    ['account', accountKey(username), THROTTLE.accountFailures],
    ['address', addressKey(ip), THROTTLE.addressFailures],
  ] as const) {
    const row = c.get(key);
    if (!row?.last || !row.failures) continue;
    const until = new Date(row.last.getTime() + delayAfter(row.failures, threshold));
    if (until > now) return { kind: 'slowed', until, scope };
  }
  return undefined;
}

/** Counts one failure under a key; a window that has passed starts over. Locks at `lockAfter` when given. */
async function countFailure(db: Db, key: string, now: Date, lockAfter?: number): Promise<{ failures: number; windowStart: Date; lockedUntil: Date | null }> {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMs);
  const lockUntil = lockAfter === undefined ? null : new Date(now.getTime() + THROTTLE.pairLockMs);
  const limit = lockAfter ?? 2 ** 31 - 1;
  const res = await sql<{ failures: number; window_start: Date; locked_until: Date | null }>`
    insert into auth_throttle as t (key, failures, window_start, locked_until, last_failure_at)
    values (${key}, 1, ${now}, ${limit <= 1 ? lockUntil : null}, ${now})
    on conflict (key) do update set
      failures = case when t.window_start < ${windowStart} then 1 else t.failures + 1 end,
      window_start = case when t.window_start < ${windowStart} then ${now} else t.window_start end,
      last_failure_at = ${now},
      locked_until = case
        when (case when t.window_start < ${windowStart} then 1 else t.failures + 1 end) >= ${limit} then ${lockUntil}::timestamptz
        else t.locked_until end
    returning failures, window_start, locked_until`.execute(authDb(db));
  const row = res.rows[0];
  return { failures: row.failures, windowStart: row.window_start, lockedUntil: row.locked_until };
}

export interface FailureOutcome {
  /** The pair was locked by this very failure. */
  pairLocked?: Date;
  /** The account reached its threshold with this failure: from now on unknown addresses are slowed. */
  accountSlowed: boolean;
  /** Start of the account's counting window: one notice per window. */
  windowStart: Date;
  failures: number;
}

/** One wrong password for this account from this address, counted under the pair, the account and the address. */
export async function recordFailure(db: Db, username: string, ip: string, now: Date): Promise<FailureOutcome> {
  const pair = await countFailure(db, pairKey(username, ip), now, THROTTLE.pairFailures);
  const account = await countFailure(db, accountKey(username), now);
  await countFailure(db, addressKey(ip), now);
  return {
    pairLocked: pair.failures === THROTTLE.pairFailures && pair.lockedUntil ? pair.lockedUntil : undefined,
    accountSlowed: account.failures === THROTTLE.accountFailures,
    windowStart: account.windowStart,
    failures: account.failures,
  };
}

/** A successful login: this pair starts over and the address becomes known for the account. */
export async function recordSuccess(db: Db, username: string, ip: string, now: Date): Promise<void> {
  await authDb(db).deleteFrom('auth_throttle').where('key', '=', pairKey(username, ip)).execute();
  await sql`
    insert into auth_known_address (username, ip, last_login_at) values (${username}, ${ip}, ${now})
    on conflict (username, ip) do update set last_login_at = excluded.last_login_at`.execute(authDb(db));
}

/** Locks of an account now in force (pairs) and whether it is being slowed: what the admin sees. */
export async function accountLocks(db: Db, usernames: string[] | undefined, now: Date): Promise<{ username: string; ip: string | null; until: Date; kind: 'locked' | 'slowed' }[]> {
  const rows = await sql<{ key: string; failures: number; window_start: Date; locked_until: Date | null; last_failure_at: Date | null }>`
    select key, failures, window_start, locked_until, last_failure_at from auth_throttle
    where (key like 'pair:%' and locked_until > ${now})
       or (key like 'user:%' and window_start >= ${new Date(now.getTime() - THROTTLE.windowMs)} and failures >= ${THROTTLE.accountFailures})`.execute(authDb(db));
  const result = rows.rows.map((r) => {
    if (r.key.startsWith('pair:')) {
      const [username, ip] = r.key.slice(5).split('|');
      return { username, ip, until: r.locked_until!, kind: 'locked' as const };
    }
    return { username: r.key.slice(5), ip: null, until: new Date(r.window_start.getTime() + THROTTLE.windowMs), kind: 'slowed' as const };
  });
  return usernames ? result.filter((r) => usernames.includes(r.username)) : result;
}

/** The admin's unlock, and a password reset: every lock and count of the account ends. */
export async function clearAccount(db: Db, username: string): Promise<number> {
  const name = username.toLowerCase();
  const res = await sql`delete from auth_throttle where key = ${accountKey(name)} or left(key, ${`pair:${name}|`.length}) = ${`pair:${name}|`}`.execute(authDb(db));
  return Number(res.numAffectedRows ?? 0);
}
