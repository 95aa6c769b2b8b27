import { sql } from 'kysely';
import type { Subscription } from '../infra/events.js';
import { toVietnamIso } from '../infra/time/index.js';
import { notify } from '../notifications/index.js';
import { findUserRow, userDb } from './repository.js';

/** '14:05 ngày 08/12/2026', Vietnam time. */
function when(at: Date): string {
  const iso = toVietnamIso(at);
  return `${iso.slice(11, 16)} ngày ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/**
 * Someone is guessing an account's password (infra/auth publishes it): the owner is told, so that a
 * refused login at their desk is not a mystery, and so is every system admin, who can unlock it.
 * One notice per account, kind and counting window.
 */
export const noticeOfLoginThrottle: Subscription<'auth.login_throttled'> = {
  type: 'auth.login_throttled',
  async handle(db, event) {
    const owner = await findUserRow(db, event.userId);
    if (!owner) return;
    const until = when(event.until);
    const where = event.ip ? ` từ địa chỉ ${event.ip}` : '';
    const dedupeKey = `login-${event.scope}:${event.userId}:${event.ip ?? ''}:${event.windowStart.toISOString()}`;
    const ownerTitle =
      event.scope === 'address'
        ? `Có người đăng nhập sai mật khẩu tài khoản của bạn nhiều lần${where}; đăng nhập từ máy đó bị tạm khóa đến ${until}. Nếu không phải bạn, hãy đổi mật khẩu.`
        : `Tài khoản của bạn bị đăng nhập sai mật khẩu nhiều lần từ nhiều máy; đăng nhập từ máy lạ bị giãn thời gian đến ${until}. Máy bạn vẫn dùng hằng ngày không bị ảnh hưởng.`;
    await notify(db, event.at, { userIds: [owner.id], agencyId: owner.agency_id, kind: 'security.login_throttled', title: ownerTitle, urgent: true, dedupeKey });
    const admins = await userDb(db).selectFrom('app_user').select(['id', 'agency_id']).where('disabled_at', 'is', null).where(sql<boolean>`'admin' = any(roles)`).execute();
    const adminTitle =
      event.scope === 'address'
        ? `Tài khoản ${owner.username} (${owner.full_name}) bị tạm khóa đăng nhập${where} đến ${until} do nhập sai mật khẩu nhiều lần.`
        : `Tài khoản ${owner.username} (${owner.full_name}) bị đăng nhập sai nhiều lần từ nhiều máy; máy lạ bị giãn thời gian đến ${until}.`;
    for (const agencyId of new Set(admins.map((a) => a.agency_id))) {
      const userIds = admins.filter((a) => a.agency_id === agencyId && a.id !== owner.id).map((a) => a.id);
      await notify(db, event.at, { userIds, agencyId, kind: 'security.login_throttled', title: adminTitle, link: '/quan-tri/nguoi-dung', dedupeKey });
    }
  },
};
