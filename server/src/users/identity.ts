import type { IdentityProvider } from '../infra/auth/identity.js';
import type { Subscription } from '../infra/events.js';
import { revokeUserSessions } from '../infra/auth/index.js';
import type { Role } from '../infra/auth/actor.js';
import { findAgency, findUnit } from '../agencies/index.js';
import { findUserByUsername, findUserRow, userDb } from './repository.js';

/** Authentication's view of people, backed by the users table. */
export const userIdentity: IdentityProvider = {
  async findCredentials(db, username) {
    const row = await findUserByUsername(db, username);
    if (!row) return undefined;
    const agencyStopped = (await findAgency(db, row.agency_id))?.disabled !== false;
    return {
      userId: row.id,
      agencyId: row.agency_id,
      passwordHash: row.password_hash,
      disabled: row.disabled_at !== null || agencyStopped,
      ...(agencyStopped && row.disabled_at === null && { refusal: 'Cơ quan đã ngừng sử dụng hệ thống. Liên hệ quản trị hệ thống.' }),
    };
  },

  // The one place a session becomes a person: neither a disabled account nor anyone of an agency
  // taken out of service acts, whatever session or cache they hold.
  async loadActor(db, userId) {
    const row = await findUserRow(db, userId);
    if (!row || row.disabled_at) return undefined;
    if ((await findAgency(db, row.agency_id))?.disabled !== false) return undefined;
    return { userId: row.id, username: row.username, fullName: row.full_name, agencyId: row.agency_id, unitId: row.unit_id, roles: row.roles as Role[] };
  },

  async setPasswordHash(db, userId, passwordHash) {
    await userDb(db).updateTable('app_user').set({ password_hash: passwordHash, updated_at: new Date() }).where('id', '=', userId).execute();
  },

  async describe(db, actor) {
    const row = await findUserRow(db, actor.userId);
    const agency = await findAgency(db, actor.agencyId);
    const unit = actor.unitId ? await findUnit(db, actor.unitId) : undefined;
    return {
      user: { id: actor.userId, username: actor.username, fullName: actor.fullName, positionTitle: row?.position_title ?? null },
      agency: agency && { id: agency.id, code: agency.code, name: agency.name, abbreviation: agency.abbreviation },
      unit: unit ? { id: unit.id, name: unit.name, abbreviation: unit.abbreviation } : null,
      roles: actor.roles,
    };
  },
};

/** An agency taken out of service: every open session of its people ends, in the disabling transaction. */
export const endSessionsOfDisabledAgency: Subscription<'agency.disabled'> = {
  type: 'agency.disabled',
  async handle(db, event) {
    const users = await userDb(db).selectFrom('app_user').select('id').where('agency_id', '=', event.agencyId).execute();
    for (const { id } of users) await revokeUserSessions(db, id, event.at);
  },
};
