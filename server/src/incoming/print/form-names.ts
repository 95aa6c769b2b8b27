/**
 * Names of the units and people a form prints, looked up once per print: a 2,000-entry book names
 * the same few units and people over and over.
 */
import type { Db } from '../../infra/db/database.js';
import { findAgency, listUnits } from '../../agencies/index.js';
import { findUserBrief, type UserBrief } from '../../users/index.js';
import { notFound } from '../../shared/errors.js';

export interface Names {
  units: ReadonlyMap<string, string>;
  people: ReadonlyMap<string, Pick<UserBrief, 'fullName' | 'positionTitle' | 'unitId'>>;
}

/** The agency's units (disabled ones too: old assignments still name them) and the people asked for. */
export async function loadNames(db: Db, agencyId: string, userIds: Iterable<string>): Promise<Names> {
  const units = new Map((await listUnits(db, agencyId)).map((u) => [u.id, u.name]));
  const people = new Map<string, Pick<UserBrief, 'fullName' | 'positionTitle' | 'unitId'>>();
  for (const id of new Set(userIds)) {
    const user = await findUserBrief(db, id);
    if (user) people.set(id, { fullName: user.fullName, positionTitle: user.positionTitle, unitId: user.unitId });
  }
  return { units, people };
}

/** A person by name, else the unit; what a directive's target is called on paper. */
export function targetName(names: Names, target: { unitId: string | null; userId: string | null }): string {
  if (target.userId) return names.people.get(target.userId)?.fullName ?? '';
  return target.unitId ? (names.units.get(target.unitId) ?? '') : '';
}

/**
 * Đơn vị hoặc người nhận of the registers (mẫu VI and VIII): whom the document was handed to for
 * handling, the lead first, then the coordinating units or people by name; informed ones are left
 * out (they only read it).
 */
export function handlingRecipients(names: Names, lead: { unitId: string | null; userId: string | null } | null, coordinating: readonly { unitId: string | null; userId: string | null }[]): string {
  // By name: the assignments of one direction share their moment, and their ids are random.
  const others = coordinating.map((a) => targetName(names, a)).sort((x, y) => x.localeCompare(y, 'vi'));
  return [lead ? `Chủ trì: ${targetName(names, lead)}` : '', others.length ? `Phối hợp: ${others.join('; ')}` : '']
    .filter(Boolean)
    .join('\n');
}

export const personName = (names: Names, id: string | null) => (id ? (names.people.get(id)?.fullName ?? '') : '');

/** The agency and its parent, for the heading of every form. */
export async function agencyNames(db: Db, agencyId: string): Promise<{ id: string; name: string; parentName: string | null }> {
  const agency = await findAgency(db, agencyId);
  if (!agency) throw notFound('Cơ quan');
  const parent = agency.parentId ? await findAgency(db, agency.parentId) : undefined;
  return { id: agency.id, name: agency.name, parentName: parent?.name ?? null };
}
