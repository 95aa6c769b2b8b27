import type { Ctx } from '../context.js';
import { inTransaction } from '../db/database.js';
import { AppError } from '../../shared/errors.js';
import { recordAudit } from '../audit/audit.js';
import { recordSecurityEvent } from '../audit/security-events.js';
import type { IdentityProvider } from './identity.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import { createSession } from './sessions.js';
import { recordSuccess } from './throttle.js';
import { assertMayTry, countWrongPassword, lockedMessage } from './attempts.js';

const INVALID = 'Tên đăng nhập hoặc mật khẩu không đúng.';

/**
 * Checks a password and opens a session. Throttled first by (account, address), then slowed down
 * across addresses (throttle.ts); failures are committed even though the login fails, and recorded
 * as security events of the account's agency. Disabled accounts are throttled like any other.
 */
export async function login(
  ctx: Ctx,
  identity: IdentityProvider,
  input: { username: string; password: string; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; expiresAt: Date; userId: string }> {
  const now = ctx.clock.now();
  const username = input.username.trim().toLowerCase();
  const cred = await identity.findCredentials(ctx.db, username);
  const who = { username, userId: cred?.userId, agencyId: cred?.agencyId };
  await assertMayTry(ctx, who);

  const ok = await verifyPassword(cred?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!cred || !ok) {
    const locked = await countWrongPassword(ctx, who, 'login_failed', cred ? (cred.disabled ? 'disabled_bad_password' : 'bad_password') : 'unknown_account');
    if (locked) throw new AppError('ACCOUNT_LOCKED', lockedMessage(locked, now), { lockedUntil: locked.toISOString() });
    throw new AppError('INVALID_CREDENTIALS', INVALID);
  }
  if (cred.disabled) {
    await recordSecurityEvent(ctx.db, now, { kind: 'login_failed', agencyId: cred.agencyId, ip: ctx.ip, subject: username, details: { username, reason: 'disabled' } });
    throw new AppError('INVALID_CREDENTIALS', cred.refusal ?? 'Tài khoản đã bị vô hiệu hóa. Liên hệ quản trị hệ thống.');
  }

  return inTransaction(ctx.db, async (trx) => {
    await recordSuccess(trx, username, ctx.ip ?? 'unknown', now);
    const session = await createSession(trx, cred.userId, now, { ip: ctx.ip, userAgent: input.userAgent });
    const actor = await identity.loadActor(trx, cred.userId);
    await recordAudit({ ...ctx, db: trx, actor: actor ?? null }, { action: 'auth.login', objectType: 'user', objectId: cred.userId });
    return { ...session, userId: cred.userId };
  });
}
