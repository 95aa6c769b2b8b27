import type { Ctx } from '../infra/context.js';
import { requireActor } from '../infra/context.js';
import type { Actor } from '../infra/auth/actor.js';
import { nfc } from '../shared/text.js';
import { findAgency, findUnit } from '../agencies/index.js';
import { findUserBrief } from '../users/index.js';
import { findIncoming } from '../incoming/index.js';
import { documentType, PAPER_REASONS } from './document-types.js';
import { invalid } from './draft-access.js';
import { outgoingDb, type DocumentRow } from './repository.js';
import type { DraftFields, UpdateDraft } from './schemas.js';

/** What a drafter sends, checked against the directory and the agency's data, and the rows it becomes. */

const OFFICE_FORMATS = new Set(['docx', 'odt', 'doc', 'rtf']);

export async function checkFields(ctx: Ctx, actor: Actor, input: UpdateDraft, current?: DocumentRow) {
  if (input.series) {
    const declared = await outgoingDb(ctx.db).selectFrom('outgoing_series').select('id').where('agency_id', '=', actor.agencyId).where('code', '=', input.series).executeTakeFirst();
    if (!declared) throw invalid('series', `Cơ quan chưa khai báo sổ "${input.series}".`);
  }
  if (input.draftingUnitId !== undefined) {
    const unit = await findUnit(ctx.db, input.draftingUnitId);
    if (!unit || unit.agencyId !== actor.agencyId || unit.disabled) throw invalid('draftingUnitId', 'Đơn vị soạn thảo không thuộc cơ quan.');
  }
  if (input.signerId !== undefined) {
    const signer = await findUserBrief(ctx.db, input.signerId);
    if (!signer || signer.agencyId !== actor.agencyId || !signer.active || !signer.roles.some((r) => r === 'agency_head' || r === 'deputy_head' || r === 'unit_head')) {
      throw invalid('signerId', 'Người ký phải là lãnh đạo đang làm việc của cơ quan hoặc của đơn vị.');
    }
  }
  for (const [i, id] of (input.recipientAgencyIds ?? []).entries()) {
    const agency = await findAgency(ctx.db, id);
    if (!agency || agency.disabled) throw invalid(`recipientAgencyIds/${i}`, 'Cơ quan nhận không có trong danh bạ.');
    if (id === actor.agencyId) throw invalid(`recipientAgencyIds/${i}`, 'Không gửi văn bản cho chính cơ quan mình; nơi lưu ghi ở "Nơi nhận".');
  }
  if (input.replyToIncomingId) {
    const incoming = await findIncoming(ctx.db, input.replyToIncomingId);
    if (!incoming || incoming.agencyId !== actor.agencyId) throw invalid('replyToIncomingId', 'Văn bản đến được trả lời không có trong sổ đến của cơ quan.');
  }
  if (input.paperReason && !(input.paperReason in PAPER_REASONS)) throw invalid('paperReason', 'Lý do gửi bản giấy phải thuộc danh mục a–đ.');
  const typeCode = input.typeCode ?? current?.type_code;
  if (typeCode && !documentType(typeCode)) throw invalid('typeCode', 'Loại văn bản không đúng danh mục.');
}

/** Checks a version's file: a PDF is used as it is; an office file is converted in the background. */
export async function versionFile(ctx: Ctx, fileId: string) {
  const actor = requireActor(ctx);
  const file = await ctx.files.get(ctx, fileId).catch(() => undefined);
  if (!file || file.agencyId !== actor.agencyId) throw invalid('fileId', 'Tệp dự thảo không tồn tại hoặc không thuộc cơ quan.');
  if (file.format === 'pdf') return { source_file_id: file.id, pdf_file_id: file.id, conversion: 'not_needed' as const };
  if (OFFICE_FORMATS.has(file.format)) return { source_file_id: file.id, pdf_file_id: null, conversion: 'pending' as const };
  throw invalid('fileId', 'Dự thảo phải là tệp .docx, .odt, .doc, .rtf hoặc .pdf.');
}

/** Rewrites the recipient rows; a list not sent keeps its current rows, neither sent changes nothing. */
export async function replaceRecipients(ctx: Ctx, documentId: string, input: Pick<DraftFields, 'recipientAgencyIds' | 'externalRecipients'>) {
  if (input.recipientAgencyIds === undefined && input.externalRecipients === undefined) return;
  const q = outgoingDb(ctx.db);
  const now = ctx.clock.now();
  const existing = await q.selectFrom('outgoing_recipient').selectAll().where('document_id', '=', documentId).execute();
  const internal = input.recipientAgencyIds ?? existing.filter((r) => r.agency_id).map((r) => r.agency_id!);
  const external = input.externalRecipients ?? existing.filter((r) => !r.agency_id).map((r) => r.name);
  await q.deleteFrom('outgoing_recipient').where('document_id', '=', documentId).execute();
  const rows = [];
  for (const agencyId of internal) rows.push({ document_id: documentId, agency_id: agencyId, name: (await findAgency(ctx.db, agencyId))!.name, status: 'sent' as const, arrival_number: null, reason: null, updated_at: now });
  for (const name of new Set(external.map((n) => nfc(n)))) rows.push({ document_id: documentId, agency_id: null, name, status: 'waiting_exchange' as const, arrival_number: null, reason: null, updated_at: now });
  if (rows.length) await q.insertInto('outgoing_recipient').values(rows).execute();
}
