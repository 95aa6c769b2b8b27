import type { Ctx } from '../context.js';
import { inTransaction } from '../db/database.js';
import { AppError } from '../../shared/errors.js';
import { recordAudit } from '../audit/audit.js';
import type { IdentityProvider } from './identity.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import { createSession } from './sessions.js';
import { clearFailures, ipKey, lockedUntil, recordFailure, THROTTLE, userKey } from './throttle.js';

const INVALID = 'Tên đăng nhập hoặc mật khẩu không đúng.';

function lockedMessage(until: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60000));
  return `Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau khoảng ${minutes} phút.`;
}

/**
 * Checks a password and opens a session. Failures are counted per username and per address and
 * committed even though the login fails; too many lock the key for a while.
 */
export async function login(
  ctx: Ctx,
  identity: IdentityProvider,
  input: { username: string; password: string; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; expiresAt: Date; userId: string }> {
  const now = ctx.clock.now();
  const username = input.username.trim().toLowerCase();
  const keys = { user: userKey(username), ip: ipKey(ctx.ip ?? 'unknown') };

  const ipLock = await lockedUntil(ctx.db, keys.ip, now);
  if (ipLock) throw new AppError('TOO_MANY_REQUESTS', 'Quá nhiều lần đăng nhập sai từ địa chỉ này. Vui lòng thử lại sau.', { lockedUntil: ipLock });
  const userLock = await lockedUntil(ctx.db, keys.user, now);
  if (userLock) throw new AppError('ACCOUNT_LOCKED', lockedMessage(userLock), { lockedUntil: userLock });

  const cred = await identity.findCredentials(ctx.db, username);
  const ok = await verifyPassword(cred?.passwordHash ?? (await dummyPasswordHash()), input.password);

  if (!cred || !ok || cred.disabled) {
    await inTransaction(ctx.db, async (trx) => {
      const tctx = { ...ctx, db: trx };
      if (!cred?.disabled) {
        await recordFailure(trx, keys.user, THROTTLE.userFailures, now);
        await recordFailure(trx, keys.ip, THROTTLE.ipFailures, now);
      }
      await recordAudit(tctx, { action: 'auth.login_failed', objectType: 'user', objectId: cred?.userId, agencyId: null, details: { username, reason: cred?.disabled ? 'disabled' : 'bad_credentials' } });
    });
    if (cred?.disabled && ok) throw new AppError('INVALID_CREDENTIALS', cred.refusal ?? 'Tài khoản đã bị vô hiệu hóa. Liên hệ quản trị hệ thống.');
    const lock = await lockedUntil(ctx.db, keys.user, now);
    if (lock) throw new AppError('ACCOUNT_LOCKED', lockedMessage(lock), { lockedUntil: lock });
    throw new AppError('INVALID_CREDENTIALS', INVALID);
  }

  return inTransaction(ctx.db, async (trx) => {
    await clearFailures(trx, keys.user);
    const session = await createSession(trx, cred.userId, now, { ip: ctx.ip, userAgent: input.userAgent });
    const actor = await identity.loadActor(trx, cred.userId);
    await recordAudit({ ...ctx, db: trx, actor: actor ?? null }, { action: 'auth.login', objectType: 'user', objectId: cred.userId });
    return { ...session, userId: cred.userId };
  });
}
