/**
 * Numbering series (hệ số) beyond the agency's default one: a separate series for each type of
 * legal normative document, or for a council issuing under the agency's seal with its own
 * abbreviation (NĐ 30 Điều 15). Kept as data by the administrator; a series in use is never
 * deleted, since its numbers stay in the registers.
 */
import type { Ctx } from '../infra/context.js';
import { requireActor, requireAdmin } from '../infra/context.js';
import { canReadAgency } from '../infra/auth/actor.js';
import { findAgency } from '../agencies/index.js';
import { recordAudit } from '../infra/audit/index.js';
import { isUniqueViolation } from '../infra/db/database.js';
import { AppError, conflict, notFound } from '../shared/errors.js';
import { nfc } from '../shared/text.js';
import { DOCUMENT_TYPES } from './document-types.js';
import { outgoingDb } from './repository.js';
import type { Series, SeriesInput } from './series-schemas.js';

const OBJECT_TYPE = 'outgoing_series';
const KNOWN_TYPES = new Set<string>(DOCUMENT_TYPES.map((t) => t.code));

type Row = { id: string; code: string; name: string; type_codes: string[]; issuer_abbreviation: string | null };
const present = (r: Row): Series => ({ id: r.id, code: r.code, name: r.name, typeCodes: r.type_codes, issuerAbbreviation: r.issuer_abbreviation });

/** An agency's series (the actor's own by default); every member drafts into them. */
export async function listSeries(ctx: Ctx, agencyId?: string): Promise<Series[]> {
  const actor = requireActor(ctx);
  const target = agencyId ?? actor.agencyId;
  if (!canReadAgency(actor, target)) throw notFound('Cơ quan');
  const rows = await outgoingDb(ctx.db).selectFrom('outgoing_series').selectAll().where('agency_id', '=', target).orderBy('code').execute();
  return rows.map(present);
}

/** The system administrator keeps every agency's series; the agency must exist. */
async function targetAgency(ctx: Ctx, agencyId: string | undefined): Promise<string> {
  const actor = requireAdmin(ctx);
  if (!agencyId || agencyId === actor.agencyId) return actor.agencyId;
  if (!(await findAgency(ctx.db, agencyId))) throw notFound('Cơ quan');
  return agencyId;
}

function checkTypes(input: SeriesInput) {
  const unknown = input.typeCodes.filter((c) => !KNOWN_TYPES.has(c));
  if (unknown.length) throw new AppError('VALIDATION_FAILED', `Loại văn bản không có trong danh mục: ${unknown.join(', ')}.`, [{ field: 'typeCodes' }]);
}

async function typesTaken(ctx: Ctx, agencyId: string, input: SeriesInput, exceptId?: string) {
  // A type numbered in two series would leave the clerk's number depending on which is found first.
  let q = outgoingDb(ctx.db).selectFrom('outgoing_series').select(['code', 'type_codes']).where('agency_id', '=', agencyId);
  if (exceptId) q = q.where('id', '<>', exceptId);
  for (const other of await q.execute()) {
    const shared = other.type_codes.filter((c) => input.typeCodes.includes(c));
    if (shared.length) throw conflict(`Loại văn bản ${shared.join(', ')} đã thuộc sổ "${other.code}".`, [{ field: 'typeCodes' }]);
  }
}

export async function createSeries(ctx: Ctx, input: SeriesInput): Promise<Series> {
  const agencyId = await targetAgency(ctx, input.agencyId);
  checkTypes(input);
  await typesTaken(ctx, agencyId, input);
  const row = await outgoingDb(ctx.db)
    .insertInto('outgoing_series')
    .values({ agency_id: agencyId, code: input.code, name: nfc(input.name.trim()), type_codes: input.typeCodes, issuer_abbreviation: input.issuerAbbreviation ?? null })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((err: unknown) => {
      throw isUniqueViolation(err) ? conflict(`Cơ quan đã có sổ "${input.code}".`, [{ field: 'code' }]) : err;
    });
  await recordAudit(ctx, { action: 'outgoing.series_created', objectType: OBJECT_TYPE, objectId: row.id, details: { code: row.code, typeCodes: row.type_codes } });
  return present(row);
}

/** The code stays: documents and registers refer to it. */
export async function updateSeries(ctx: Ctx, id: string, input: Omit<SeriesInput, 'code' | 'agencyId'>): Promise<Series> {
  requireAdmin(ctx);
  const current = await outgoingDb(ctx.db).selectFrom('outgoing_series').select('agency_id').where('id', '=', id).executeTakeFirst();
  if (!current) throw notFound('Sổ văn bản đi');
  checkTypes({ ...input, code: '' });
  await typesTaken(ctx, current.agency_id, { ...input, code: '' }, id);
  const row = await outgoingDb(ctx.db)
    .updateTable('outgoing_series')
    .set({ name: nfc(input.name.trim()), type_codes: input.typeCodes, issuer_abbreviation: input.issuerAbbreviation ?? null })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound('Sổ văn bản đi');
  await recordAudit(ctx, { action: 'outgoing.series_updated', objectType: OBJECT_TYPE, objectId: id, details: { typeCodes: row.type_codes, issuerAbbreviation: row.issuer_abbreviation } });
  return present(row);
}
