import type { Ctx } from '../infra/context.js';
import { recordAudit } from '../infra/audit/audit.js';
import { legalDate } from '../infra/time/legal-time.js';
import { AppError, conflict } from '../shared/errors.js';
import { checkDigitisedScan } from '../incoming/index.js';
import { PAPER_REASONS, type PaperReason } from './document-types.js';
import { loadForChange } from './draft-access.js';
import { OBJECT_TYPE, requireClerk } from './issue-common.js';
import { recordNumber, takeNumber } from './numbering.js';
import { addEvent, outgoingDb } from './repository.js';

/**
 * Phát hành văn bản giấy (Q-12.2b): the approved draft is printed and signed by hand by its
 * signer; the clerk takes the number from the same series as electronic documents (Q-12.1b) and
 * writes it and the place-date on the paper, seals it, scans it, and uploads the scan. The scan
 * must meet the digitisation standard (Q-11.2b); the agency's signature with the SAO Y stamp
 * then makes it the electronic version (seal.ts), which is issued and delivered like any other.
 * The approval is not skipped; the signer's electronic signature is, since they signed paper.
 */

export interface PaperNumberInput {
  /** Why the original is on paper: the closed list of, a–đ. */
  paperReason: PaperReason;
  /** The day the signer signed the paper original; today when left out. */
  signedOn?: string;
}

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ field }]);

export async function numberOnPaper(ctx: Ctx, id: string, input: PaperNumberInput) {
  const actor = requireClerk(ctx);
  const row = await loadForChange(ctx, id);
  if (row.state !== 'approved') {
    if (['numbered', 'issued', 'recalled'].includes(row.state)) throw conflict('Văn bản đã được cấp số.');
    if (row.state === 'signed') throw conflict('Văn bản đã được ký số; hãy phát hành theo quy trình điện tử.');
    throw conflict('Dự thảo chưa được duyệt; văn bản giấy cũng phải được lãnh đạo đơn vị duyệt trước khi ký (Q-12.2a).');
  }
  if (row.approved_version !== row.current_version) throw conflict('Dự thảo đã thay đổi sau khi duyệt; cần duyệt lại.');
  if (!(input.paperReason in PAPER_REASONS)) throw invalid('paperReason', 'Lý do phát hành bản giấy phải thuộc danh mục a–đ.');
  // The reason approved with the draft stands; the clerk may only record one when none was given.
  if (row.paper_reason && row.paper_reason !== input.paperReason) {
    throw invalid('paperReason', `Dự thảo đã được duyệt với lý do gửi bản giấy điểm ${row.paper_reason}; không đổi lý do khi cấp số.`);
  }
  const today = legalDate(ctx.clock.now());
  const signedOn = input.signedOn ?? today;
  if (signedOn > today) throw invalid('signedOn', 'Ngày ký bản giấy không được sau ngày hôm nay.');
  if (row.approved_at && signedOn < legalDate(row.approved_at)) throw invalid('signedOn', 'Ngày ký bản giấy không được trước ngày duyệt dự thảo.');
  const taken = await takeNumber(ctx, row);
  const numbered = await recordNumber(ctx, actor, row, taken, {
    issue_path: 'paper',
    paper_reason: input.paperReason,
    paper_copies: true,
    paper_signed_on: signedOn,
    paper_signed_by: row.signer_id,
    seal_session_ids: null,
  });
  await addEvent(ctx.db, id, actor.userId, taken.at, 'paper_signed', { signerId: row.signer_id, signedOn, paperReason: input.paperReason });
  return { ...numbered, placeDate: taken.placeDate };
}

/**
 * The scan of the signed, numbered and sealed paper original. A new upload replaces the previous
 * one until the document is issued; the seal must then be prepared again.
 */
export async function attachPaperScan(ctx: Ctx, id: string, fileId: string) {
  const actor = requireClerk(ctx);
  const row = await loadForChange(ctx, id);
  if (row.issue_path !== 'paper' || row.state !== 'numbered') {
    throw conflict('Chỉ tải bản quét lên cho văn bản phát hành bằng bản giấy đã cấp số và chưa phát hành.');
  }
  const file = await ctx.files.get(ctx, fileId).catch(() => undefined);
  if (!file || file.agencyId !== actor.agencyId) throw invalid('fileId', 'Tệp bản quét không tồn tại hoặc không thuộc cơ quan.');
  if (file.format !== 'pdf') throw invalid('fileId', 'Bản quét phải là tệp PDF.');
  const report = await checkDigitisedScan(await ctx.files.localPath(file));
  if (!report.ok) {
    throw new AppError('VALIDATION_FAILED', `Bản quét chưa đạt chuẩn số hóa (Q-11.2b): ${report.problems.map((p) => p.message).join(' ')}`, report.problems.map((p) => ({ field: 'fileId', ...p })));
  }
  const now = ctx.clock.now();
  await outgoingDb(ctx.db)
    .updateTable('outgoing_document')
    .set({ paper_scan_file_id: file.id, paper_scanned_at: now, paper_scanned_by: actor.userId, seal_session_ids: null, updated_at: now })
    .where('id', '=', id)
    .execute();
  await addEvent(ctx.db, id, actor.userId, now, 'paper_scanned', { fileId: file.id, pages: report.pages, replaced: row.paper_scan_file_id });
  await recordAudit(ctx, { action: 'outgoing.paper_scan', objectType: OBJECT_TYPE, objectId: id, details: { fileId: file.id, pages: report.pages, pdfVersion: report.version, replaced: row.paper_scan_file_id } });
  return { pages: report.pages, pdfVersion: report.version };
}
