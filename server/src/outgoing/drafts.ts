import type { Ctx } from '../infra/context.js';
import { assertTransaction } from '../infra/db/database.js';
import { recordAudit } from '../infra/audit/audit.js';
import { nfc } from '../shared/text.js';
import { saveAppendices } from './appendices.js';
import { enqueueConversion } from './conversion.js';
import { checkCorrection, originalRecipients } from './corrections.js';
import { backToDraft, invalid, loadForChange, requireDrafter, requireEditor } from './draft-access.js';
import { checkFields, replaceRecipients, versionFile } from './draft-input.js';
import { addEvent, outgoingDb } from './repository.js';
import type { CreateDraft, UpdateDraft } from './schemas.js';

/**
 * Drafting: a new draft with its first version, and changes to its fields. Versions and
 * comments are in draft-versions.ts, approval in approval.ts. All run in the caller's transaction.
 */

/**
 * A correction left without recipients or "Nơi nhận" goes where the original went (Q-12.3d); any
 * other draft must say where it goes.
 */
async function whereItGoes(ctx: Ctx, input: CreateDraft, correctsId: string | null | undefined) {
  const noRecipients = input.recipientAgencyIds === undefined && input.externalRecipients === undefined;
  const original = correctsId && (noRecipients || input.toPlaces === undefined) ? await originalRecipients(ctx, correctsId) : undefined;
  const toPlaces = input.toPlaces ?? original?.toPlaces;
  if (toPlaces === undefined) throw invalid('toPlaces', 'Vui lòng nhập nơi nhận in trên văn bản.');
  if (!original) return { toPlaces, recipients: input, fromOriginal: [] };
  const fromOriginal = [noRecipients && 'recipients', input.toPlaces === undefined && 'toPlaces'].filter(Boolean);
  return { toPlaces, recipients: noRecipients ? original : input, fromOriginal };
}

export async function createDraft(ctx: Ctx, input: CreateDraft): Promise<{ id: string; conversion: string }> {
  assertTransaction(ctx.db);
  const actor = requireDrafter(ctx);
  const unitId = input.draftingUnitId ?? actor.unitId;
  if (!unitId) throw invalid('draftingUnitId', 'Chọn đơn vị soạn thảo.');
  await checkFields(ctx, actor, { ...input, draftingUnitId: unitId });
  const correction = await checkCorrection(ctx, actor.agencyId, input);
  const { toPlaces, recipients, fromOriginal } = await whereItGoes(ctx, input, correction?.corrects_id);
  const version = await versionFile(ctx, input.fileId);
  const now = ctx.clock.now();
  const q = outgoingDb(ctx.db);
  const row = await q
    .insertInto('outgoing_document')
    .values({
      agency_id: actor.agencyId,
      state: 'draft',
      type_code: input.typeCode,
      summary: nfc(input.summary),
      drafting_unit_id: unitId,
      drafter_id: actor.userId,
      signer_id: input.signerId,
      signer_authority: input.signerAuthority ?? '',
      signer_position: nfc(input.signerPosition),
      urgency: input.urgency ?? 0,
      reply_deadline: input.replyDeadline ?? null,
      to_places: nfc(toPlaces),
      paper_copies: Boolean(input.paperReason),
      paper_reason: input.paperReason ?? null,
      series: input.series ?? '',
      reply_to_incoming_id: input.replyToIncomingId ?? null,
      current_version: 1,
      approved_version: null,
      approved_by: null,
      approved_at: null,
      signed_file_id: null,
      signed_at: null,
      numbered_file_id: null,
      issued_file_id: null,
      register_id: null,
      year: null,
      number: null,
      notation: null,
      issued_date: null,
      numbered_at: null,
      numbered_by: null,
      issued_at: null,
      recalled_at: null,
      recall_reason: null,
      created_at: now,
      updated_at: now,
      ...correction,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await q.insertInto('outgoing_version').values({ document_id: row.id, version: 1, ...version, conversion_error: null, note: null, created_by: actor.userId, created_at: now }).execute();
  const appendices = await saveAppendices(ctx, row.id, 1, input.appendices);
  await enqueueConversion(ctx.db, row.id, 1);
  await replaceRecipients(ctx, row.id, recipients);
  await addEvent(ctx.db, row.id, actor.userId, now, 'created', { version: 1, appendices });
  await recordAudit(ctx, {
    action: 'outgoing.create',
    objectType: 'outgoing_document',
    objectId: row.id,
    details: { typeCode: input.typeCode, summary: nfc(input.summary), appendixFileIds: input.appendices?.map((a) => a.fileId) ?? [], ...correction, ...(fromOriginal.length > 0 && { fromOriginal }) },
  });
  return { id: row.id, conversion: version.conversion };
}

export async function updateDraft(ctx: Ctx, id: string, input: UpdateDraft): Promise<void> {
  const actor = requireDrafter(ctx);
  const row = await loadForChange(ctx, id);
  requireEditor(actor, row);
  await checkFields(ctx, actor, input, row);
  const correction = await checkCorrection(ctx, actor.agencyId, input, row);
  const now = ctx.clock.now();
  await outgoingDb(ctx.db)
    .updateTable('outgoing_document')
    .set({
      ...(input.typeCode !== undefined && { type_code: input.typeCode }),
      ...(input.summary !== undefined && { summary: nfc(input.summary) }),
      ...(input.draftingUnitId !== undefined && { drafting_unit_id: input.draftingUnitId }),
      ...(input.signerId !== undefined && { signer_id: input.signerId }),
      ...(input.signerAuthority !== undefined && { signer_authority: input.signerAuthority }),
      ...(input.signerPosition !== undefined && { signer_position: nfc(input.signerPosition) }),
      ...(input.urgency !== undefined && { urgency: input.urgency }),
      ...(input.replyDeadline !== undefined && { reply_deadline: input.replyDeadline }),
      ...(input.toPlaces !== undefined && { to_places: nfc(input.toPlaces) }),
      ...(input.paperReason !== undefined && { paper_reason: input.paperReason, paper_copies: Boolean(input.paperReason) }),
      ...(input.series !== undefined && { series: input.series }),
      ...(input.replyToIncomingId !== undefined && { reply_to_incoming_id: input.replyToIncomingId }),
      ...correction,
      ...backToDraft(row),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  await replaceRecipients(ctx, id, input);
  await addEvent(ctx.db, id, actor.userId, now, 'edited', { fields: Object.keys(input), backToDraft: row.state === 'approved' });
  await recordAudit(ctx, { action: 'outgoing.edit', objectType: 'outgoing_document', objectId: id, details: input });
}
