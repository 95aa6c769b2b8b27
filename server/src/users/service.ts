import type { Ctx } from '../infra/context.js';
import { requireActor, requireAdmin } from '../infra/context.js';
import { isUniqueViolation } from '../infra/db/database.js';
import { canReadAgency } from '../infra/auth/actor.js';
import { recordAudit } from '../infra/audit/audit.js';
import { clearLoginThrottle, forgetCachedUser, hashPassword, passwordProblem, revokeUserSessions } from '../infra/auth/index.js';
import { AppError, conflict, notFound } from '../shared/errors.js';
import { nfc } from '../shared/text.js';
import { findAgency, findUnit } from '../agencies/index.js';
import { notify } from '../notifications/index.js';
import { findUserRow, listUsersOfAgency, presentUser, userDb } from './repository.js';
import type { CreateUser, UpdateUser, User } from './schemas.js';

/** People of one agency: its own members, the admin and the inspector; another agency answers as missing. */
export async function listUsers(ctx: Ctx, agencyId?: string): Promise<User[]> {
  const actor = requireActor(ctx);
  const target = agencyId ?? actor.agencyId;
  if (!canReadAgency(actor, target) || !(await findAgency(ctx.db, target))) throw notFound('Cơ quan');
  return listUsersOfAgency(ctx.db, target);
}

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  const actor = requireActor(ctx);
  const row = await findUserRow(ctx.db, id);
  if (!row || !canReadAgency(actor, row.agency_id)) throw notFound('Người dùng');
  return presentUser(row);
}

async function checkPlacement(ctx: Ctx, agencyId: string, unitId: string | null | undefined): Promise<void> {
  if (!(await findAgency(ctx.db, agencyId))) throw new AppError('VALIDATION_FAILED', 'Cơ quan không tồn tại.', [{ field: 'agencyId' }]);
  if (unitId) {
    const unit = await findUnit(ctx.db, unitId);
    if (!unit || unit.agencyId !== agencyId) throw new AppError('VALIDATION_FAILED', 'Đơn vị không thuộc cơ quan đã chọn.', [{ field: 'unitId' }]);
  }
}

export async function createUser(ctx: Ctx, input: CreateUser): Promise<User> {
  requireAdmin(ctx);
  await checkPlacement(ctx, input.agencyId, input.unitId);
  const problem = passwordProblem(input.password, input.username);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, [{ field: 'password' }]);
  const now = ctx.clock.now();
  const row = await userDb(ctx.db)
    .insertInto('app_user')
    .values({
      agency_id: input.agencyId,
      unit_id: input.unitId ?? null,
      username: input.username,
      full_name: nfc(input.fullName),
      position_title: input.positionTitle ? nfc(input.positionTitle) : null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      roles: input.roles,
      password_hash: await hashPassword(input.password),
      disabled_at: null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((err) => {
      throw isUniqueViolation(err) ? conflict('Tên đăng nhập đã tồn tại.') : err;
    });
  await recordAudit(ctx, { action: 'user.create', objectType: 'user', objectId: row.id, agencyId: row.agency_id, details: { username: row.username, roles: row.roles } });
  return presentUser(row);
}

export async function updateUser(ctx: Ctx, id: string, input: UpdateUser): Promise<User> {
  const actor = requireAdmin(ctx);
  const current = await findUserRow(ctx.db, id);
  if (!current) throw notFound('Người dùng');
  if (input.unitId !== undefined) await checkPlacement(ctx, current.agency_id, input.unitId);
  if (id === actor.userId && (input.disabled === true || (input.roles && !input.roles.includes('admin')))) {
    throw new AppError('VALIDATION_FAILED', 'Không thể tự vô hiệu hóa hoặc tự bỏ quyền quản trị của chính mình.');
  }
  const now = ctx.clock.now();
  const row = await userDb(ctx.db)
    .updateTable('app_user')
    .set({
      ...(input.fullName !== undefined && { full_name: nfc(input.fullName) }),
      ...(input.unitId !== undefined && { unit_id: input.unitId }),
      ...(input.positionTitle !== undefined && { position_title: input.positionTitle && nfc(input.positionTitle) }),
      ...(input.email !== undefined && { email: input.email }),
      ...(input.phone !== undefined && { phone: input.phone }),
      ...(input.roles !== undefined && { roles: input.roles }),
      ...(input.disabled !== undefined && { disabled_at: input.disabled ? (current.disabled_at ?? now) : null }),
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  // A disabled account, or one whose roles shrank, must not keep acting through open sessions.
  if (input.disabled === true || input.roles !== undefined) await revokeUserSessions(ctx.db, id, now);
  else forgetCachedUser(id);
  await recordAudit(ctx, { action: input.disabled === true ? 'user.disable' : 'user.update', objectType: 'user', objectId: id, agencyId: row.agency_id, details: { changes: input } });
  return presentUser(row);
}

/** The admin sets a new password (forgotten password); every session of that user ends. */
export async function resetPassword(ctx: Ctx, id: string, newPassword: string): Promise<void> {
  requireAdmin(ctx);
  const current = await findUserRow(ctx.db, id);
  if (!current) throw notFound('Người dùng');
  const problem = passwordProblem(newPassword, current.username);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, [{ field: 'newPassword' }]);
  await userDb(ctx.db).updateTable('app_user').set({ password_hash: await hashPassword(newPassword), updated_at: ctx.clock.now() }).where('id', '=', id).execute();
  await revokeUserSessions(ctx.db, id, ctx.clock.now());
  // The owner has a new password: the locks earned by the guesses at the old one end with it.
  await clearLoginThrottle(ctx.db, current.username);
  await recordAudit(ctx, { action: 'user.password_reset', objectType: 'user', objectId: id, agencyId: current.agency_id });
}

/** The admin lifts every login lock and slow-down of an account; its owner is told. */
export async function unlockUser(ctx: Ctx, id: string): Promise<void> {
  requireAdmin(ctx);
  const current = await findUserRow(ctx.db, id);
  if (!current) throw notFound('Người dùng');
  const cleared = await clearLoginThrottle(ctx.db, current.username);
  await recordAudit(ctx, { action: 'user.login_unlock', objectType: 'user', objectId: id, agencyId: current.agency_id, details: { username: current.username, cleared } });
  await notify(ctx.db, ctx.clock.now(), { userIds: [id], agencyId: current.agency_id, kind: 'security.login_unlocked', title: 'Quản trị hệ thống đã mở khóa đăng nhập cho tài khoản của bạn.' });
}
