import type { Ctx } from '../infra/context.js';
import { recordAudit } from '../infra/audit/audit.js';
import { conflict } from '../shared/errors.js';
import { findAgency } from '../agencies/index.js';
import { findUserBrief } from '../users/index.js';
import { recordReply } from '../incoming/index.js';
import { startSigningSession, type PreparedSession } from '../signing/index.js';
import { listAppendices } from './appendices.js';
import { announceCorrection } from './corrections.js';
import { announceIssue, deliver } from './delivery.js';
import { loadForChange } from './draft-access.js';
import { APPENDIX_OBJECT_TYPE, fileName, OBJECT_TYPE, readFile, requireClerk, SIGNER_FIELD, stampFontPath, storePdf, type SignatureAnswer, type SignatureStart } from './issue-common.js';
import { addEvent, numberAndNotation, outgoingDb, type DocumentRow } from './repository.js';
import { completeItem, signatureValues } from './seal-answer.js';

/**
 * Ký số của cơ quan and issue (Q-5.3b, Q-8.2a–c, Q-12.2a–b, Q-12.3a). The clerk holding the
 * agency's device signs in ONE run of the signing agent: the numbered document with the seal image
 * (or, on the paper path, the scan of the paper original with the SAO Y stamp) and each appendix
 * with the appendix stamp. The answer is taken whole or not at all: each value is checked against
 * its prepared file and the certificate before anything is issued, in the request's transaction.
 */

export interface SealItem {
  kind: 'main' | 'appendix';
  appendixId: string | null;
  title: string;
  digest: string;
}

export interface SealPrepared extends Omit<PreparedSession, 'request'> {
  /** One file: the agent's single request, as before; several: `{ items: [...] }` in the order of `items`. */
  request: PreparedSession['request'] | { items: PreparedSession['request'][] };
  items: SealItem[];
}

/** On paper the appendices are part of the signed and scanned original; only the electronic path seals them apart. */
function sealedAppendices(ctx: Ctx, row: DocumentRow) {
  return row.issue_path === 'electronic' ? listAppendices(ctx.db, row.id, row.approved_version!) : Promise.resolve([]);
}

async function mainFile(ctx: Ctx, row: DocumentRow, agencyName: string, input: SignatureStart, fontPath: string) {
  if (row.issue_path === 'paper') {
    if (!row.paper_scan_file_id) throw conflict('Chưa tải lên bản quét bản gốc giấy đã ký, đóng dấu.');
    // The electronic version of a paper original is its digitised copy (Q-12.2b, Q-11.2b, Q-8.2b).
    return { pdf: await readFile(ctx, row.paper_scan_file_id), stamp: { copyForm: 'SAO Y' as const, agencyName, fontPath } };
  }
  const signer = await findUserBrief(ctx.db, row.signer_id);
  return { pdf: await readFile(ctx, row.numbered_file_id!), visible: { signerName: signer?.fullName ?? '', positionTitle: row.signer_position, signerField: SIGNER_FIELD, box: input.box } };
}

export async function prepareSeal(ctx: Ctx, id: string, input: SignatureStart, fontDir?: string): Promise<SealPrepared> {
  requireClerk(ctx);
  const row = await loadForChange(ctx, id);
  if (row.state !== 'numbered') throw conflict('Văn bản cần được cấp số trước khi ký số của cơ quan.');
  const agency = (await findAgency(ctx.db, row.agency_id))!;
  const fontPath = stampFontPath(fontDir);
  const base = { purpose: 'organisation' as const, certificateId: input.certificateId, options: { reason: 'Ký số của cơ quan, tổ chức', location: agency.placeName || undefined, fieldName: 'CoQuan' } };
  const main = await startSigningSession(ctx, { ...base, objectType: OBJECT_TYPE, objectId: id, ...(await mainFile(ctx, row, agency.name, input, fontPath)) });
  const sessions = [main];
  const items: SealItem[] = [{ kind: 'main', appendixId: null, title: row.summary, digest: main.digest }];
  for (const a of await sealedAppendices(ctx, row)) {
    const stamp = { appendixOf: numberAndNotation(row)!, fontPath };
    const session = await startSigningSession(ctx, { ...base, pdf: await readFile(ctx, a.pdf_file_id!), objectType: APPENDIX_OBJECT_TYPE, objectId: a.id, stamp });
    sessions.push(session);
    items.push({ kind: 'appendix', appendixId: a.id, title: a.title, digest: session.digest });
  }
  // Only the latest preparation can be completed; an earlier one's sessions simply expire.
  await outgoingDb(ctx.db).updateTable('outgoing_document').set({ seal_session_ids: sessions.map((s) => s.sessionId) }).where('id', '=', id).execute();
  return { ...main, request: sessions.length === 1 ? main.request : { items: sessions.map((s) => s.request) }, items };
}

export async function completeSeal(ctx: Ctx, id: string, answer: SignatureAnswer): Promise<void> {
  const actor = requireClerk(ctx);
  const row = await loadForChange(ctx, id);
  if (row.state !== 'numbered') throw conflict('Văn bản không ở trạng thái chờ ký số của cơ quan.');
  const ids = row.seal_session_ids;
  if (!ids?.length || ids[0] !== answer.sessionId) throw conflict('Phiên ký số không phải lần chuẩn bị gần nhất của văn bản này; hãy chuẩn bị ký lại.');
  const values = signatureValues(answer, ids.length);
  const appendices = await sealedAppendices(ctx, row);
  if (appendices.length !== ids.length - 1) throw conflict('Danh sách phụ lục đã thay đổi kể từ khi chuẩn bị ký; hãy chuẩn bị ký lại.');
  const many = ids.length > 1;
  const main = await completeItem(ctx, ids[0], values[0], answer.certificateChain, { objectType: OBJECT_TYPE, objectId: id, label: many ? 'Văn bản chính' : null });
  const sealed = [];
  for (const [i, a] of appendices.entries()) {
    sealed.push(await completeItem(ctx, ids[i + 1], values[i + 1], answer.certificateChain, { objectType: APPENDIX_OBJECT_TYPE, objectId: a.id, label: `Phụ lục ${a.ordinal} ("${a.title}")` }));
  }
  // Every signature checked: from here on the document is issued.
  const now = ctx.clock.now();
  const q = outgoingDb(ctx.db);
  const file = await storePdf(ctx, main.pdf, fileName(row, row.issue_path === 'paper' ? 'ban-so-hoa' : 'phat-hanh'));
  const attachments = [];
  for (const [i, a] of appendices.entries()) {
    const stored = await storePdf(ctx, sealed[i].pdf, fileName(row, `phu-luc-${a.ordinal}`));
    await q.updateTable('outgoing_appendix').set({ sealed_file_id: stored.id }).where('id', '=', a.id).execute();
    attachments.push(stored);
  }
  await q.updateTable('outgoing_document').set({ state: 'issued', issued_file_id: file.id, issued_at: now, seal_session_ids: null, updated_at: now }).where('id', '=', id).execute();
  const issued = { ...row, state: 'issued' as const, issued_file_id: file.id, issued_at: now };
  const facts = { number: row.number, notation: row.notation, path: row.issue_path, appendices: appendices.length };
  await addEvent(ctx.db, id, actor.userId, now, 'issued', { certificateId: main.certificateId, ...facts });
  await recordAudit(ctx, { action: 'outgoing.issue', objectType: OBJECT_TYPE, objectId: id, details: { ...facts, fileId: file.id, appendixFileIds: attachments.map((f) => f.id) } });
  const inboxes = await deliver(ctx, issued, file, attachments);
  await announceIssue(ctx, issued, now);
  await announceCorrection(ctx, issued, inboxes);
  if (row.reply_to_incoming_id) await recordReply(ctx, row.reply_to_incoming_id, { notation: numberAndNotation(row)!, outgoingId: id });
}

