import type { Updateable } from 'kysely';
import type { Ctx } from '../infra/context.js';
import type { Actor } from '../infra/auth/actor.js';
import { isUniqueViolation } from '../infra/db/database.js';
import { recordAudit } from '../infra/audit/audit.js';
import { legalDate, legalYear } from '../infra/time/legal-time.js';
import { AppError, conflict } from '../shared/errors.js';
import { findAgency, findUnit } from '../agencies/index.js';
import { registerState, takeNextNumber } from '../registers/index.js';
import { notationOf } from './document-types.js';
import { loadForChange } from './draft-access.js';
import { OBJECT_TYPE, requireClerk } from './issue-common.js';
import { formatNumber, placeDateLine } from '../shared/legal-format.js';
import { addEvent, numberAndNotation, outgoingDb, type DocumentRow } from './repository.js';
import type { OutgoingTables } from './tables.js';

/**
 * Cấp số (Q-12.1b): one yearly series per agency (or per council's series) for paper and
 * electronic documents alike, taken in the transaction that records it. Both paths come here.
 */

/** The series of a document: the one configured for its type or chosen (a council's), or the agency's default. */
async function seriesOf(ctx: Ctx, row: DocumentRow) {
  const q = outgoingDb(ctx.db).selectFrom('outgoing_series').selectAll().where('agency_id', '=', row.agency_id);
  const chosen = row.series ? await q.where('code', '=', row.series).executeTakeFirst() : undefined;
  if (row.series && !chosen) throw new AppError('VALIDATION_FAILED', `Cơ quan chưa khai báo sổ "${row.series}".`, [{ field: 'series' }]);
  const byType = chosen ?? (await q.where(({ eb, val }) => eb(val(row.type_code), '=', eb.fn.any('type_codes'))).executeTakeFirst());
  return { code: byType?.code ?? '', issuerAbbreviation: byType?.issuer_abbreviation ?? null };
}

async function numbering(ctx: Ctx, row: DocumentRow) {
  const agency = (await findAgency(ctx.db, row.agency_id))!;
  if (!agency.placeName) throw conflict('Cơ quan chưa khai báo địa danh ghi trên văn bản; quản trị hệ thống cần bổ sung.');
  const unit = await findUnit(ctx.db, row.drafting_unit_id);
  const series = await seriesOf(ctx, row);
  const notation = notationOf(row.type_code, series.issuerAbbreviation ?? agency.abbreviation, unit?.abbreviation ?? null);
  return { agency, series, notation };
}

/** What the clerk sees before confirming: the number the document will get if issued now. */
export async function previewNumber(ctx: Ctx, id: string) {
  requireClerk(ctx);
  const row = await loadForChange(ctx, id);
  if (row.number !== null) return { year: row.year!, number: row.number, notation: row.notation!, numberAndNotation: numberAndNotation(row)!, placeDate: row.place_date ?? '' };
  const { agency, series, notation } = await numbering(ctx, row);
  const now = ctx.clock.now();
  const state = await registerState(ctx.db, row.agency_id, 'outgoing', legalYear(now), series.code);
  const number = state?.next_number ?? 1;
  return { year: legalYear(now), number, notation, numberAndNotation: `${formatNumber(number)}/${notation}`, placeDate: placeDateLine(agency.placeName, legalDate(now)) };
}

export type TakenNumber = Awaited<ReturnType<typeof takeNumber>>;

/** Takes the next number of the series. Call it last before writing: the register row stays locked to commit. */
export async function takeNumber(ctx: Ctx, row: DocumentRow) {
  const { agency, series, notation } = await numbering(ctx, row);
  const now = ctx.clock.now();
  const issuedDate = legalDate(now);
  const taken = await takeNextNumber(ctx.db, { agencyId: row.agency_id, kind: 'outgoing', series: series.code, at: now });
  const text = `${formatNumber(taken.number)}/${notation}`;
  return { registerId: taken.registerId, year: taken.year, number: taken.number, notation, series: series.code, issuedDate, numberAndNotation: text, placeDate: placeDateLine(agency.placeName, issuedDate), at: now };
}

type DocumentUpdate = Updateable<OutgoingTables['outgoing_document']>;

/** Records the number on the document, with the event and the audit entry; a duplicate refuses everything. */
export async function recordNumber(ctx: Ctx, actor: Actor, row: DocumentRow, taken: TakenNumber, more: DocumentUpdate) {
  await outgoingDb(ctx.db)
    .updateTable('outgoing_document')
    .set({ state: 'numbered', register_id: taken.registerId, year: taken.year, number: taken.number, notation: taken.notation, issued_date: taken.issuedDate, place_date: taken.placeDate, numbered_at: taken.at, numbered_by: actor.userId, updated_at: taken.at, ...more })
    .where('id', '=', row.id)
    .execute()
    .catch((err) => {
      throw isUniqueViolation(err) ? conflict(`Số, ký hiệu ${taken.numberAndNotation} đã được dùng trong năm.`) : err;
    });
  const path = more.issue_path ?? row.issue_path;
  const facts = { year: taken.year, number: taken.number, notation: taken.notation, series: taken.series, path };
  await addEvent(ctx.db, row.id, actor.userId, taken.at, 'numbered', facts);
  await recordAudit(ctx, { action: 'outgoing.number', objectType: OBJECT_TYPE, objectId: row.id, details: facts });
  return { year: taken.year, number: taken.number, notation: taken.notation, numberAndNotation: taken.numberAndNotation };
}
