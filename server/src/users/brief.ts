import type { Db } from '../infra/db/database.js';
import type { Role } from '../infra/auth/actor.js';
import { findUserRow } from './repository.js';

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

export async function findUserBrief(db: Db, id: string): Promise<UserBrief | undefined> {
  const row = await findUserRow(db, id);
  return (
    row && { id: row.id, agencyId: row.agency_id, unitId: row.unit_id, fullName: row.full_name, positionTitle: row.position_title, roles: row.roles as Role[], active: row.disabled_at === null }
  );
}
