import type { Selectable } from 'kysely';
import type { Db } from '../infra/db/database.js';
import type { AgencyTable, AgencyTables, AgencyUnitTable } from './tables.js';
import type { Agency, Unit } from './schemas.js';

/** The only code that names the agency tables. */
export const agencyDb = (db: Db) => db.withTables<AgencyTables>();

export function presentAgency(row: Selectable<AgencyTable>): Agency {
  return {
    id: row.id,
    parentId: row.parent_id,
    code: row.code,
    adminCode: row.admin_code,
    name: row.name,
    abbreviation: row.abbreviation,
    address: row.address,
    placeName: row.place_name,
    email: row.email,
    phone: row.phone,
    disabled: row.disabled,
  };
}

export function presentUnit(row: Selectable<AgencyUnitTable>): Unit {
  return { id: row.id, agencyId: row.agency_id, name: row.name, abbreviation: row.abbreviation, disabled: row.disabled };
}

export async function listAgencies(db: Db): Promise<Agency[]> {
  const rows = await agencyDb(db).selectFrom('agency').selectAll().orderBy('code').execute();
  return rows.map(presentAgency);
}

export async function findAgency(db: Db, id: string): Promise<Agency | undefined> {
  const row = await agencyDb(db).selectFrom('agency').selectAll().where('id', '=', id).executeTakeFirst();
  return row && presentAgency(row);
}

export async function findAgencyByCode(db: Db, code: string): Promise<Agency | undefined> {
  const row = await agencyDb(db).selectFrom('agency').selectAll().where('code', '=', code).executeTakeFirst();
  return row && presentAgency(row);
}

export async function listUnits(db: Db, agencyId: string): Promise<Unit[]> {
  const rows = await agencyDb(db).selectFrom('agency_unit').selectAll().where('agency_id', '=', agencyId).orderBy('name').execute();
  return rows.map(presentUnit);
}

export async function findUnit(db: Db, id: string): Promise<Unit | undefined> {
  const row = await agencyDb(db).selectFrom('agency_unit').selectAll().where('id', '=', id).executeTakeFirst();
  return row && presentUnit(row);
}

/** True when `candidateId` is `agencyId` itself or one of its descendants (a cycle in the making). */
export async function isSelfOrDescendant(db: Db, agencyId: string, candidateId: string): Promise<boolean> {
  let current: string | null = candidateId;
  for (let depth = 0; current && depth < 64; depth++) {
    if (current === agencyId) return true;
    const row: { parent_id: string | null } | undefined = await agencyDb(db).selectFrom('agency').select('parent_id').where('id', '=', current).executeTakeFirst();
    current = row?.parent_id ?? null;
  }
  return false;
}
