import type { Ctx } from '../infra/context.js';
import { requireActor } from '../infra/context.js';
import { hasRole } from '../infra/auth/actor.js';
import { inTransaction } from '../infra/db/database.js';
import { recordAudit } from '../infra/audit/audit.js';
import { legalDate, legalYear } from '../infra/time/legal-time.js';
import { AppError, conflict, forbidden, notFound } from '../shared/errors.js';
import { nfc } from '../shared/text.js';
import { takeNextNumber } from '../registers/index.js';
import { findIncoming, findPossibleDuplicates, incomingDb, listIncoming } from './repository.js';
import { addEvent, routingDb } from './routing-repository.js';
import { checkDigitisedScan } from './scan-check.js';
import { verifyWithTrustList } from '../signing/index.js';
import type { IncomingSource, SignatureReport } from './tables.js';
import { claimInboxItem, markInboxRegistered } from './inbox-repository.js';
import { SECRECY_LABELS, type IncomingDocument, type ListIncomingQuery, type RegisterIncoming } from './schemas.js';

const opt = (v: string | null | undefined) => (v ? nfc(v) || null : null);

function requireClerk(ctx: Ctx) {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'clerk')) throw forbidden('Chỉ văn thư cơ quan được đăng ký văn bản đến (Q-6.2a).');
  return actor;
}

/**
 * Registers an incoming document (Q-11.1a, Q-11.2a): the số đến is taken in the same transaction
 * as the entry, so a failed or killed registration uses no number (Q-11.1b). A state-secret
 * document is refused and the refusal recorded. Opens its own transactions.
 */
export async function registerIncoming(ctx: Ctx, input: RegisterIncoming): Promise<IncomingDocument> {
  return register(ctx, input);
}

/** What a delivered document adds to a registration: its inbox entry, marked registered in the same transaction. */
export interface FromInbox {
  inboxId: string;
  senderAgencyId: string | null;
}

type RegisterInput = Omit<RegisterIncoming, 'source'> & { source: IncomingSource };

export async function register(ctx: Ctx, input: RegisterInput, inbox?: FromInbox): Promise<IncomingDocument> {
  const actor = requireClerk(ctx);
  const now = ctx.clock.now();

  if (input.secrecy && input.secrecy !== 'none') {
    await inTransaction(ctx.db, (trx) =>
      recordAudit({ ...ctx, db: trx }, { action: 'incoming.refused_secret', objectType: 'incoming_document', details: { secrecy: input.secrecy, issuerName: input.issuerName, codeNumber: input.codeNumber, codeNotation: input.codeNotation } }),
    );
    throw new AppError(
      'SECRET_DOCUMENT_REFUSED',
      `Văn bản có độ mật "${SECRECY_LABELS[input.secrecy]}" không được đưa vào hệ thống. Hãy đăng ký theo quy định về bảo vệ bí mật nhà nước. Việc từ chối đã được ghi nhật ký.`,
    );
  }

  const arrivedAt = input.arrivedAt ? new Date(input.arrivedAt) : now;
  if (arrivedAt.getTime() > now.getTime() + 5 * 60 * 1000) throw invalid('arrivedAt', 'Thời điểm văn bản đến không được ở tương lai.');
  if (input.issuedDate && input.issuedDate > legalDate(arrivedAt)) throw invalid('issuedDate', 'Ngày văn bản không được sau ngày đến.');
  if (input.urgency === 4 && !input.urgentDeadline) throw invalid('urgentDeadline', 'Văn bản Hỏa tốc hẹn giờ cần giờ hẹn.');
  if (input.source !== 'paper' && !input.mainFileId) throw invalid('mainFileId', 'Văn bản điện tử cần tệp văn bản chính (PDF).');
  const year = legalYear(now);
  const signature = input.source !== 'paper' && input.mainFileId ? await checkSignatures(ctx, input.mainFileId) : null;

  const id = await inTransaction(ctx.db, async (trx) => {
    const tctx = { ...ctx, db: trx };
    if (inbox) await claimInboxItem(tctx, inbox.inboxId);
    const files = await checkFiles(tctx, input);
    if (!input.acknowledgeDuplicate) {
      const dups = await findPossibleDuplicates(trx, actor.agencyId, year, { ...input, issuerName: nfc(input.issuerName) });
      if (dups.length) {
        throw new AppError('DUPLICATE_SUSPECTED', 'Văn bản này có thể đã được đăng ký (trùng mã định danh, hoặc trùng số, ký hiệu và cơ quan ban hành). Kiểm tra lại; nếu vẫn đăng ký, hãy xác nhận.', {
          matches: dups.map((d) => ({ id: d.id, arrivalNumber: d.arrival_number, codeNumber: d.code_number, codeNotation: d.code_notation, issuerName: d.issuer_name, subject: d.subject })),
        });
      }
    }
    // Last before the insert: the register row stays locked from here to commit.
    const taken = await takeNextNumber(trx, { agencyId: actor.agencyId, kind: 'incoming', at: now });
    const q = incomingDb(trx);
    const row = await q
      .insertInto('incoming_document')
      .values({
        agency_id: actor.agencyId,
        register_id: taken.registerId,
        year: taken.year,
        arrival_number: taken.number,
        arrival_date: legalDate(arrivedAt),
        arrived_at: arrivedAt,
        registered_at: now,
        registered_by: actor.userId,
        source: input.source,
        sender_agency_id: inbox?.senderAgencyId ?? null,
        inbox_id: inbox?.inboxId ?? null,
        document_identifier: opt(input.documentIdentifier),
        issuer_code: input.issuerCode ?? null,
        issuer_name: nfc(input.issuerName),
        type_name: nfc(input.typeName),
        code_number: opt(input.codeNumber),
        code_notation: opt(input.codeNotation),
        issued_date: input.issuedDate ?? null,
        subject: nfc(input.subject),
        language: opt(input.language) ?? 'Tiếng Việt',
        page_amount: input.pageAmount ?? null,
        description: opt(input.description),
        signer_position: opt(input.signerPosition),
        signer_name: opt(input.signerName),
        urgency: input.urgency ?? 0,
        urgent_deadline: input.urgentDeadline ? new Date(input.urgentDeadline) : null,
        to_places: opt(input.toPlaces),
        due_date: input.dueDate ?? null,
        // Paper has no signature to check; a refused (INVALID) electronic document never gets here.
        signature_check: signature ? (signature.indication === 'VALID' ? 'valid' : 'indeterminate') : input.source === 'paper' ? 'not_applicable' : 'pending',
        signature_report: signature ? JSON.stringify(signature) : null,
        status: 'registered',
        cancelled_at: null,
        cancelled_by: null,
        cancel_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (files.length) await q.insertInto('incoming_document_file').values(files.map((f) => ({ ...f, document_id: row.id }))).execute();
    await routingDb(trx).insertInto('incoming_routing').values({ document_id: row.id, agency_id: actor.agencyId, presented_to: null, presented_at: null, directed_by: null, directed_at: null, comment: null, deadline: null, follow_up_user_id: null, state: 'registered' }).execute();
    await addEvent(trx, row.id, actor.userId, now, 'registered', { arrivalNumber: taken.number });
    await recordAudit(tctx, { action: 'incoming.register', objectType: 'incoming_document', objectId: row.id, details: { year: taken.year, arrivalNumber: taken.number, urgency: input.urgency ?? 0 } });
    if (inbox) await markInboxRegistered(tctx, inbox.inboxId, row.id, taken.number);
    return row.id;
  });
  // Read back after commit: the register's lock is held only for the writes.
  return (await findIncoming(ctx.db, id))!;
}

/**
 * Checks the signatures of an electronic document's main PDF against the trust list before it is
 * registered (Q-6.1d). An INVALID document (altered after signing, forged) is refused and the
 * refusal logged; INDETERMINATE (unknown CA, revocation unknown, unsigned) is registered and flagged.
 */
async function checkSignatures(ctx: Ctx, fileId: string): Promise<SignatureReport> {
  const actor = requireActor(ctx);
  const file = await ctx.files.get(ctx, fileId).catch(() => undefined);
  if (!file || file.agencyId !== actor.agencyId) throw invalid('mainFileId', `Tệp ${fileId} không tồn tại hoặc không thuộc cơ quan của bạn.`);
  if (file.format !== 'pdf') throw invalid('mainFileId', 'Tệp văn bản chính phải là PDF.');
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.files.openVerified(file)) chunks.push(chunk as Buffer);
  const result = await verifyWithTrustList(ctx.db, Buffer.concat(chunks));
  const report: SignatureReport = {
    indication: result.indication,
    subIndication: result.subIndication,
    message: result.message,
    signatures: result.signatures.map((s) => ({ indication: s.indication, message: s.message, signer: s.signer?.commonName, organization: s.signer?.organization, signingTime: s.signingTime?.toISOString() })),
  };
  if (result.indication === 'INVALID') {
    await inTransaction(ctx.db, (trx) =>
      recordAudit({ ...ctx, db: trx }, { action: 'incoming.refused_invalid_signature', objectType: 'file', objectId: fileId, details: { indication: result.indication, subIndication: result.subIndication, message: result.message } }),
    );
    throw new AppError('SIGNATURE_INVALID', `Văn bản không được đăng ký vì chữ ký số không hợp lệ: ${result.message}`, report);
  }
  return report;
}

async function checkFiles(ctx: Ctx, input: RegisterInput) {
  const actor = requireActor(ctx);
  const ids = [...(input.mainFileId ? [input.mainFileId] : []), ...(input.attachmentFileIds ?? [])];
  if (new Set(ids).size !== ids.length) throw invalid('attachmentFileIds', 'Một tệp được chọn hai lần.');
  const out: { file_id: string; role: 'main' | 'attachment'; ordinal: number }[] = [];
  for (const [i, id] of ids.entries()) {
    const file = await ctx.files.get(ctx, id).catch(() => undefined);
    if (!file || file.agencyId !== actor.agencyId) throw invalid(i === 0 && input.mainFileId ? 'mainFileId' : 'attachmentFileIds', `Tệp ${id} không tồn tại hoặc không thuộc cơ quan của bạn.`);
    if (i === 0 && input.mainFileId && file.format !== 'pdf') throw invalid('mainFileId', 'Tệp văn bản chính phải là PDF.');
    if (i === 0 && input.mainFileId && input.source === 'paper') {
      // A paper document's PDF is its digitised copy: it must meet the input standard (Q-11.2b).
      const report = await checkDigitisedScan(await ctx.files.localPath(file));
      if (!report.ok) throw new AppError('VALIDATION_FAILED', `Bản số hóa chưa đạt chuẩn: ${report.problems.map((p) => p.message).join(' ')}`, report.problems.map((p) => ({ field: 'mainFileId', ...p })));
    }
    out.push({ file_id: id, role: i === 0 && input.mainFileId ? 'main' : 'attachment', ordinal: i });
  }
  return out;
}

function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ field }]);
}

/** One document of the actor's agency; the read is logged. */
export async function readIncoming(ctx: Ctx, id: string): Promise<IncomingDocument> {
  const actor = requireActor(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const doc = await findIncoming(trx, id);
    if (!doc || doc.agencyId !== actor.agencyId) throw notFound('Văn bản đến');
    await recordAudit({ ...ctx, db: trx }, { action: 'incoming.read', objectType: 'incoming_document', objectId: id });
    return doc;
  });
}

export async function searchIncoming(ctx: Ctx, query: ListIncomingQuery): Promise<IncomingDocument[]> {
  const actor = requireActor(ctx);
  return listIncoming(ctx.db, actor.agencyId, { ...query, year: query.year ?? legalYear(ctx.clock.now()) });
}

/** A mistaken entry is never deleted: it is cancelled with a reason and keeps its number. */
export async function cancelIncoming(ctx: Ctx, id: string, reason: string): Promise<IncomingDocument> {
  const actor = requireClerk(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const doc = await findIncoming(trx, id);
    if (!doc || doc.agencyId !== actor.agencyId) throw notFound('Văn bản đến');
    if (doc.status === 'cancelled') throw conflict('Văn bản đã bị hủy đăng ký trước đó.');
    const now = ctx.clock.now();
    await incomingDb(trx).updateTable('incoming_document').set({ status: 'cancelled', cancelled_at: now, cancelled_by: actor.userId, cancel_reason: nfc(reason) }).where('id', '=', id).execute();
    await routingDb(trx).updateTable('incoming_assignment').set({ state: 'recalled' }).where('document_id', '=', id).where('state', 'in', ['open', 'in_progress']).execute();
    await addEvent(trx, id, actor.userId, now, 'cancelled', { reason: nfc(reason) });
    await recordAudit({ ...ctx, db: trx }, { action: 'incoming.cancel', objectType: 'incoming_document', objectId: id, details: { reason: nfc(reason), arrivalNumber: doc.arrivalNumber } });
    return (await findIncoming(trx, id))!;
  });
}

/** Checks an uploaded scan against the digitisation standard before registering it (Q-11.2b). */
export async function checkScanFile(ctx: Ctx, fileId: string) {
  const actor = requireActor(ctx);
  const file = await ctx.files.get(ctx, fileId);
  if (file.agencyId !== actor.agencyId) throw notFound('Tệp');
  if (file.format !== 'pdf') throw invalid('fileId', 'Bản số hóa phải là tệp PDF.');
  return checkDigitisedScan(await ctx.files.localPath(file));
}

/** An outgoing document answering this one was issued (Sổ theo dõi giải quyết, "Số, ký hiệu văn bản trả lời"). */
export async function recordReply(ctx: Ctx, documentId: string, reply: { notation: string; outgoingId: string }): Promise<void> {
  const actor = requireActor(ctx);
  const q = incomingDb(ctx.db);
  const doc = await q.selectFrom('incoming_document').select(['agency_id']).where('id', '=', documentId).executeTakeFirst();
  if (!doc || doc.agency_id !== actor.agencyId) return;
  await q.updateTable('incoming_document').set({ reply_notation: reply.notation }).where('id', '=', documentId).execute();
  await addEvent(ctx.db, documentId, actor.userId, ctx.clock.now(), 'replied', reply);
}
