import type { Selectable } from 'kysely';
import type { Db } from '../infra/db/database.js';
import type { AppUserTable, UserTables } from './tables.js';
import type { User } from './schemas.js';

export const userDb = (db: Db) => db.withTables<UserTables>();

export function presentUser(row: Selectable<AppUserTable>): User {
  return {
    id: row.id,
    agencyId: row.agency_id,
    unitId: row.unit_id,
    username: row.username,
    fullName: row.full_name,
    positionTitle: row.position_title,
    email: row.email,
    phone: row.phone,
    roles: row.roles,
    disabled: row.disabled_at !== null,
  };
}

export async function findUserRow(db: Db, id: string) {
  return userDb(db).selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByUsername(db: Db, username: string) {
  return userDb(db).selectFrom('app_user').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
}

export async function listUsersOfAgency(db: Db, agencyId: string): Promise<User[]> {
  const rows = await userDb(db).selectFrom('app_user').selectAll().where('agency_id', '=', agencyId).orderBy('full_name').execute();
  return rows.map(presentUser);
}
