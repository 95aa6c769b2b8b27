import type { Db } from '../infra/db/database.js';
import type { Role } from '../infra/auth/actor.js';
import { sql, type Selectable } from 'kysely';
import { findUserRow, userDb } from './repository.js';
import type { AppUserTable } from './tables.js';

/** What other modules may know of a person: enough to route work to them. */
export interface UserBrief {
  id: string;
  agencyId: string;
  unitId: string | null;
  fullName: string;
  positionTitle: string | null;
  roles: Role[];
  active: boolean;
}

const brief = (row: Selectable<AppUserTable>): UserBrief => ({
  id: row.id,
  agencyId: row.agency_id,
  unitId: row.unit_id,
  fullName: row.full_name,
  positionTitle: row.position_title,
  roles: row.roles as Role[],
  active: row.disabled_at === null,
});

export async function findUserBrief(db: Db, id: string): Promise<UserBrief | undefined> {
  const row = await findUserRow(db, id);
  return row && brief(row);
}

/** Active heads of a unit: who receives the unit's work. */
export async function listUnitHeads(db: Db, unitId: string): Promise<UserBrief[]> {
  const rows = await userDb(db).selectFrom('app_user').selectAll().where('unit_id', '=', unitId).where('disabled_at', 'is', null).where(sql<boolean>`'unit_head' = any(roles)`).execute();
  return rows.map(brief);
}

/** Active people of an agency with a role: its clerks are told that documents arrived or were recalled. */
export async function listAgencyUsersWithRole(db: Db, agencyId: string, role: Role): Promise<UserBrief[]> {
  const rows = await userDb(db).selectFrom('app_user').selectAll().where('agency_id', '=', agencyId).where('disabled_at', 'is', null).where(sql<boolean>`${role} = any(roles)`).execute();
  return rows.map(brief);
}

export const listAgencyClerks = (db: Db, agencyId: string) => listAgencyUsersWithRole(db, agencyId, 'clerk');
