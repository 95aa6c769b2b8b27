import { randomBytes } from 'node:crypto';
import type { Db } from '../infra/db/database.js';
import { inTransaction } from '../infra/db/database.js';
import type { Clock } from '../infra/time/clock.js';
import type { Ctx } from '../infra/context.js';
import type { FileStore } from '../infra/storage/file-store.js';
import { hashPassword } from '../infra/auth/password.js';
import { createAgency, createUnit, listAgencies } from '../agencies/index.js';
import { createUser, userIdentity } from '../users/index.js';
import { DEMO_PASSWORD, DEMO_PROVINCE } from './province.js';

/** The actor of the seed: acts as the system admin; audit entries show "system". */
const SYSTEM_ACTOR = { userId: '00000000-0000-0000-0000-000000000000', username: 'system', fullName: 'Hệ thống', agencyId: '', unitId: null, roles: ['admin' as const] };

/** Loads the demo province through the same commands the admin screens use, once, in one transaction. */
export async function seedDemoIfEmpty(db: Db, clock: Clock, files: FileStore): Promise<boolean> {
  if ((await listAgencies(db)).length > 0) return false;
  const demoHash = await hashPassword(DEMO_PASSWORD);
  await inTransaction(db, async (trx) => {
    const ctx: Ctx = { db: trx, clock, actor: SYSTEM_ACTOR, ip: null, files };
    const agencyIds = new Map<string, string>();
    for (const demo of DEMO_PROVINCE) {
      const agency = await createAgency(ctx, {
        parentId: demo.parent ? agencyIds.get(demo.parent) : null,
        code: demo.code,
        adminCode: demo.adminCode,
        name: demo.name,
        abbreviation: demo.abbreviation,
        address: demo.address,
        placeName: 'Thái Nguyên',
      });
      agencyIds.set(demo.key, agency.id);
      const unitIds = new Map<string, string>();
      for (const unit of demo.units) unitIds.set(unit.key, (await createUnit(ctx, agency.id, { name: unit.name, abbreviation: unit.abbreviation })).id);
      for (const person of demo.users) {
        const user = await createUser(ctx, {
          username: person.username,
          fullName: person.fullName,
          positionTitle: person.positionTitle,
          // A throwaway that passes the password policy; the demo password is set just below.
          password: `x${randomBytes(12).toString('hex')}9`,
          agencyId: agency.id,
          unitId: person.unit ? unitIds.get(person.unit) : null,
          roles: person.roles,
        });
        await userIdentity.setPasswordHash(trx, user.id, demoHash);
      }
    }
  });
  return true;
}
