import type { IdentityProvider } from '../infra/auth/identity.js';
import type { Role } from '../infra/auth/actor.js';
import { findAgency, findUnit } from '../agencies/index.js';
import { findUserByUsername, findUserRow, userDb } from './repository.js';

/** Authentication's view of people, backed by the users table. */
export const userIdentity: IdentityProvider = {
  async findCredentials(db, username) {
    const row = await findUserByUsername(db, username);
    return row && { userId: row.id, passwordHash: row.password_hash, disabled: row.disabled_at !== null };
  },

  async loadActor(db, userId) {
    const row = await findUserRow(db, userId);
    if (!row || row.disabled_at) return undefined;
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
