/** Password attempts (login, password change): throttled before the check, counted and told after a wrong one. */
import type { Ctx } from '../context.js';
import { inTransaction } from '../db/database.js';
import { publish } from '../events.js';
import { AppError } from '../../shared/errors.js';
import { recordAudit } from '../audit/audit.js';
import { recordSecurityEvent, type SecurityEventKind } from '../audit/security-events.js';
import { checkThrottle, recordFailure, THROTTLE } from './throttle.js';

export interface Attempted {
  username: string;
  /** Present when the account exists: its agency's heads see the events, its owner is told. */
  userId?: string;
  agencyId?: string;
}

const clientAddress = (ctx: Ctx) => ctx.ip ?? 'unknown';

export function lockedMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60000));
  return `Đăng nhập sai nhiều lần từ máy này nên tài khoản tạm khóa trên máy này. Vui lòng thử lại sau khoảng ${minutes} phút hoặc liên hệ quản trị hệ thống để mở khóa.`;
}

function event(ctx: Ctx, who: Attempted, kind: SecurityEventKind, details: Record<string, string | number | boolean | null>) {
  return {
    kind,
    actorId: ctx.actor?.userId,
    actorName: ctx.actor?.username,
    agencyId: who.agencyId ?? ctx.actor?.agencyId ?? null,
    ip: ctx.ip,
    subject: who.username,
    details: { username: who.username, ...details },
  };
}

/** Refuses (429) before any password is checked while the pair is locked or the account/address slowed. */
export async function assertMayTry(ctx: Ctx, who: Attempted): Promise<void> {
  const now = ctx.clock.now();
  const refusal = await checkThrottle(ctx.db, who.username, clientAddress(ctx), now);
  if (!refusal) return;
  await recordSecurityEvent(ctx.db, now, event(ctx, who, 'login_throttled', { reason: refusal.kind === 'locked' ? 'pair_locked' : `${refusal.scope}_slowed`, until: refusal.until.toISOString() }));
  if (refusal.kind === 'locked') throw new AppError('ACCOUNT_LOCKED', lockedMessage(refusal.until, now), { lockedUntil: refusal.until.toISOString() });
  const seconds = Math.max(1, Math.ceil((refusal.until.getTime() - now.getTime()) / 1000));
  throw new AppError('TOO_MANY_REQUESTS', `Có nhiều lần đăng nhập sai vào tài khoản này. Vui lòng chờ ${seconds} giây rồi thử lại.`, { retryAfterSeconds: seconds });
}

/**
 * A wrong password: counted under the pair, the account and the address, recorded as a security
 * event of the account's agency; a new lock goes into the audit log and its owner and the admins
 * are told (through an event the users module acts on). Returns the pair's lock when this failure set it.
 */
export async function countWrongPassword(ctx: Ctx, who: Attempted, kind: 'login_failed' | 'password_check_failed', reason: string): Promise<Date | undefined> {
  const now = ctx.clock.now();
  const ip = clientAddress(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const outcome = await recordFailure(trx, who.username, ip, now);
    await recordSecurityEvent(trx, now, event(ctx, who, kind, { reason }));
    const locks: { scope: 'address' | 'account'; until: Date }[] = [];
    if (outcome.pairLocked) locks.push({ scope: 'address', until: outcome.pairLocked });
    if (outcome.accountSlowed) locks.push({ scope: 'account', until: new Date(outcome.windowStart.getTime() + THROTTLE.windowMs) });
    for (const lock of locks) {
      await recordSecurityEvent(trx, now, event(ctx, who, 'login_locked', { scope: lock.scope, until: lock.until.toISOString(), failures: outcome.failures }));
      if (!who.userId) continue;
      await recordAudit(
        { ...ctx, db: trx },
        { action: lock.scope === 'address' ? 'auth.login_locked' : 'auth.login_slowed', objectType: 'user', objectId: who.userId, agencyId: who.agencyId ?? null, details: { username: who.username, until: lock.until.toISOString(), failures: outcome.failures } },
      );
      await publish(trx, { type: 'auth.login_throttled', userId: who.userId, username: who.username, scope: lock.scope, ip: ctx.ip, until: lock.until, windowStart: outcome.windowStart, at: now });
    }
    return outcome.pairLocked;
  });
}
