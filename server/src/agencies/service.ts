import type { Ctx } from '../infra/context.js';
import { requireActor, requireAdmin } from '../infra/context.js';
import { isUniqueViolation } from '../infra/db/database.js';
import { canReadAgency } from '../infra/auth/actor.js';
import { recordAudit } from '../infra/audit/audit.js';
import { publish } from '../infra/events.js';
import { AppError, conflict, notFound } from '../shared/errors.js';
import { nfc } from '../shared/text.js';
import { agencyDb, findAgency, findUnit, isSelfOrDescendant, listUnits, presentAgency, presentUnit } from './repository.js';
import type { Agency, CreateAgency, CreateUnit, Unit, UpdateAgency, UpdateUnit } from './schemas.js';

/** An agency the actor may read, with its units; another agency answers as missing. */
export async function getAgencyDetail(ctx: Ctx, id: string): Promise<Agency & { units: Unit[] }> {
  const actor = requireActor(ctx);
  const agency = await findAgency(ctx.db, id);
  if (!agency || !canReadAgency(actor, id)) throw notFound('Cơ quan');
  return { ...agency, units: await listUnits(ctx.db, id) };
}

function uniqueViolation(err: unknown, message: string): never {
  throw isUniqueViolation(err) ? conflict(message) : err;
}

async function checkParent(ctx: Ctx, agencyId: string | null, parentId: string | null | undefined): Promise<void> {
  if (!parentId) return;
  if (!(await findAgency(ctx.db, parentId))) throw new AppError('VALIDATION_FAILED', 'Cơ quan cấp trên không tồn tại.', [{ field: 'parentId' }]);
  if (agencyId && (await isSelfOrDescendant(ctx.db, agencyId, parentId))) {
    throw new AppError('VALIDATION_FAILED', 'Cơ quan cấp trên không được là chính cơ quan này hoặc cơ quan trực thuộc nó.', [{ field: 'parentId' }]);
  }
}

export async function createAgency(ctx: Ctx, input: CreateAgency): Promise<Agency> {
  requireAdmin(ctx);
  await checkParent(ctx, null, input.parentId);
  const now = ctx.clock.now();
  const row = await agencyDb(ctx.db)
    .insertInto('agency')
    .values({
      parent_id: input.parentId ?? null,
      code: input.code,
      admin_code: input.adminCode,
      name: nfc(input.name),
      abbreviation: input.abbreviation,
      address: nfc(input.address ?? ''),
      place_name: nfc(input.placeName ?? ''),
      email: input.email ?? null,
      phone: input.phone ?? null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((err) => uniqueViolation(err, 'Mã định danh cơ quan đã tồn tại.'));
  await recordAudit(ctx, { action: 'agency.create', objectType: 'agency', objectId: row.id, agencyId: row.id, details: { code: row.code, name: row.name } });
  return presentAgency(row);
}

export async function updateAgency(ctx: Ctx, id: string, input: UpdateAgency): Promise<Agency> {
  requireAdmin(ctx);
  const before = await findAgency(ctx.db, id);
  if (!before) throw notFound('Cơ quan');
  await checkParent(ctx, id, input.parentId);
  const row = await agencyDb(ctx.db)
    .updateTable('agency')
    .set({
      ...(input.parentId !== undefined && { parent_id: input.parentId }),
      ...(input.adminCode !== undefined && { admin_code: input.adminCode }),
      ...(input.name !== undefined && { name: nfc(input.name) }),
      ...(input.abbreviation !== undefined && { abbreviation: input.abbreviation }),
      ...(input.address !== undefined && { address: nfc(input.address) }),
      ...(input.placeName !== undefined && { place_name: nfc(input.placeName) }),
      ...(input.email !== undefined && { email: input.email }),
      ...(input.phone !== undefined && { phone: input.phone }),
      ...(input.disabled !== undefined && { disabled: input.disabled }),
      updated_at: ctx.clock.now(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((err) => uniqueViolation(err, 'Mã định danh cơ quan đã tồn tại.'));
  // Its people stop at once: open sessions end (users module) and no actor of it loads again.
  if (input.disabled === true && !before.disabled) await publish(ctx.db, { type: 'agency.disabled', agencyId: id, at: ctx.clock.now() });
  await recordAudit(ctx, { action: input.disabled === true ? 'agency.disable' : 'agency.update', objectType: 'agency', objectId: id, agencyId: id, details: { changes: input } });
  return presentAgency(row);
}

export async function createUnit(ctx: Ctx, agencyId: string, input: CreateUnit): Promise<Unit> {
  requireAdmin(ctx);
  if (!(await findAgency(ctx.db, agencyId))) throw notFound('Cơ quan');
  const now = ctx.clock.now();
  const row = await agencyDb(ctx.db)
    .insertInto('agency_unit')
    .values({ agency_id: agencyId, name: nfc(input.name), abbreviation: input.abbreviation, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((err) => uniqueViolation(err, 'Chữ viết tắt của đơn vị đã được dùng trong cơ quan này.'));
  await recordAudit(ctx, { action: 'unit.create', objectType: 'unit', objectId: row.id, agencyId, details: { name: row.name, abbreviation: row.abbreviation } });
  return presentUnit(row);
}

export async function updateUnit(ctx: Ctx, agencyId: string, unitId: string, input: UpdateUnit): Promise<Unit> {
  requireAdmin(ctx);
  const unit = await findUnit(ctx.db, unitId);
  if (!unit || unit.agencyId !== agencyId) throw notFound('Đơn vị');
  const row = await agencyDb(ctx.db)
    .updateTable('agency_unit')
    .set({
      ...(input.name !== undefined && { name: nfc(input.name) }),
      ...(input.abbreviation !== undefined && { abbreviation: input.abbreviation }),
      ...(input.disabled !== undefined && { disabled: input.disabled }),
      updated_at: ctx.clock.now(),
    })
    .where('id', '=', unitId)
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((err) => uniqueViolation(err, 'Chữ viết tắt của đơn vị đã được dùng trong cơ quan này.'));
  await recordAudit(ctx, { action: 'unit.update', objectType: 'unit', objectId: unitId, agencyId, details: { changes: input } });
  return presentUnit(row);
}
