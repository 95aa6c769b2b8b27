import type { Ctx } from '../infra/context.js';
import { requireActor } from '../infra/context.js';
import { recordAudit } from '../infra/audit/audit.js';
import { AppError } from '../shared/errors.js';
import { findAgency } from '../agencies/index.js';
import { listAgencyClerks } from '../users/index.js';
import { notify } from '../notifications/index.js';
import type { CorrectionInput } from './correction-schemas.js';
import { OBJECT_TYPE } from './issue-common.js';
import { addEvent, findDocument, numberAndNotation, outgoingDb, type DocumentRow } from './repository.js';
import type { CorrectionKind } from './tables.js';

/**
 * Thay thế and sửa đổi, bổ sung (Q-12.3d, NĐ 30 Art. 19.2): a signed original is never changed.
 * A correction is a new draft that names the issued document it replaces or amends; it goes
 * through approval, signing and numbering like any other. When it is issued, the original's
 * timeline records it and the original's recipients in this deployment are told; the original's
 * row and files are not written to.
 */

/** How the recipients' notice says it, in mid-sentence. */
const CORRECTED: Record<CorrectionKind, string> = { replace: 'đã bị thay thế bởi văn bản', amend: 'được sửa đổi, bổ sung bởi văn bản' };

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ field }]);

/**
 * The columns to write for a draft's correction fields, checked; undefined when the input does not
 * touch them. On update the stored values fill in the one not sent; `correctsId: null` removes both.
 */
export async function checkCorrection(ctx: Ctx, agencyId: string, input: CorrectionInput, current?: DocumentRow) {
  if (input.correctsId === undefined && input.correctionKind === undefined) return undefined;
  const targetId = input.correctsId !== undefined ? input.correctsId : (current?.corrects_id ?? null);
  const kind = input.correctionKind !== undefined ? input.correctionKind : (current?.correction_kind ?? null);
  if (targetId === null) {
    if (input.correctionKind) throw invalid('correctsId', 'Chọn văn bản được thay thế hoặc được sửa đổi, bổ sung.');
    return { corrects_id: null, correction_kind: null };
  }
  if (!kind) throw invalid('correctionKind', 'Chọn hình thức: thay thế (replace) hoặc sửa đổi, bổ sung (amend).');
  if (targetId === current?.id) throw invalid('correctsId', 'Văn bản không thể thay thế hoặc sửa đổi, bổ sung chính nó.');
  const target = await findDocument(ctx.db, targetId);
  // Another agency's document answers exactly like a missing one.
  if (!target || target.agency_id !== agencyId) throw invalid('correctsId', 'Không có văn bản được thay thế hoặc sửa đổi, bổ sung trong văn bản đi của cơ quan.');
  if (target.state !== 'issued' && target.state !== 'recalled') throw invalid('correctsId', 'Chỉ thay thế hoặc sửa đổi, bổ sung văn bản đã phát hành.');
  // A replaced document is no longer in force: what corrects it now is its replacement.
  const replacement = await outgoingDb(ctx.db)
    .selectFrom('outgoing_document')
    .select(['number', 'notation'])
    .where('corrects_id', '=', targetId)
    .where('correction_kind', '=', 'replace')
    .where('state', '=', 'issued')
    .executeTakeFirst();
  if (replacement) {
    const by = numberAndNotation(replacement);
    throw invalid('correctsId', `Văn bản ${numberAndNotation(target)} đã bị thay thế bởi văn bản ${by}; hãy thay thế hoặc sửa đổi, bổ sung văn bản ${by}.`);
  }
  return { corrects_id: targetId, correction_kind: kind };
}

/**
 * What a correcting draft takes from the original when its caller leaves it out: the recipients
 * still in the directory, and "Nơi nhận" as printed on the original.
 */
export async function originalRecipients(ctx: Ctx, originalId: string) {
  const original = (await findDocument(ctx.db, originalId))!;
  const rows = await outgoingDb(ctx.db).selectFrom('outgoing_recipient').select(['agency_id', 'name']).where('document_id', '=', originalId).execute();
  const recipientAgencyIds: string[] = [];
  for (const { agency_id: id } of rows) {
    const agency = id ? await findAgency(ctx.db, id) : undefined;
    if (agency && !agency.disabled) recipientAgencyIds.push(agency.id);
  }
  return { recipientAgencyIds, externalRecipients: rows.filter((r) => !r.agency_id).map((r) => r.name), toPlaces: original.to_places };
}

/**
 * Called in the issuing transaction, after the correcting document was delivered to its own
 * recipients (`inboxes`: the inbox item each agency got). Each agency that received the original
 * and did not return it gets a notice for its clerks, linking to the new document where it got it.
 */
export async function announceCorrection(ctx: Ctx, doc: DocumentRow, inboxes: ReadonlyMap<string, string>): Promise<void> {
  if (!doc.corrects_id || !doc.correction_kind) return;
  const actor = requireActor(ctx);
  const now = ctx.clock.now();
  const target = (await findDocument(ctx.db, doc.corrects_id))!;
  const kind = doc.correction_kind;
  const by = numberAndNotation(doc)!;
  const original = numberAndNotation(target)!;
  const issuer = (await findAgency(ctx.db, doc.agency_id))!;
  const recipients = await outgoingDb(ctx.db)
    .selectFrom('outgoing_recipient')
    .select('agency_id')
    .where('document_id', '=', target.id)
    .where('agency_id', 'is not', null)
    .where('status', '<>', 'returned')
    .execute();
  const told: string[] = [];
  for (const { agency_id: agencyId } of recipients) {
    const inbox = inboxes.get(agencyId!);
    const clerks = await listAgencyClerks(ctx.db, agencyId!);
    const what = `Văn bản ${original} của ${issuer.name} ${CORRECTED[kind]} ${by}`;
    const title = inbox ? what : `${what} (văn bản ${by} không gửi đến cơ quan; liên hệ ${issuer.name} nếu cần)`;
    await notify(ctx.db, now, { userIds: clerks.map((c) => c.id), agencyId: agencyId!, kind: 'incoming.corrected', title, link: inbox ? `/incoming/inbox/${inbox}` : undefined, urgent: kind === 'replace' });
    told.push(agencyId!);
  }
  const facts = { byId: doc.id, numberAndNotation: by, kind, toldAgencyIds: told };
  await addEvent(ctx.db, target.id, actor.userId, now, kind === 'replace' ? 'replaced' : 'amended', facts);
  await recordAudit(ctx, { action: 'outgoing.correct', objectType: OBJECT_TYPE, objectId: target.id, details: { ...facts, original } });
}
