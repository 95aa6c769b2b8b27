import { randomUUID } from 'node:crypto';
import type { Insertable, Transaction } from 'kysely';
import type { Ctx } from '../infra/context.js';
import { requireActor } from '../infra/context.js';
import type { StoredFile } from '../infra/storage/file-store.js';
import type { Actor } from '../infra/auth/actor.js';
import { hasRole } from '../infra/auth/actor.js';
import type { Db } from '../infra/db/database.js';
import { inTransaction } from '../infra/db/database.js';
import { groupCommitFor, type GroupCommit, type JobOutcome } from '../infra/db/group-commit.js';
import { recordAudit, recordAudits } from '../infra/audit/audit.js';
import { legalDate, legalYear } from '../infra/time/legal-time.js';
import { AppError, forbidden } from '../shared/errors.js';
import { fold, nfc } from '../shared/text.js';
import { takeNumbers } from '../registers/index.js';
import { verifyWithTrustList } from '../signing/index.js';
import { findPossibleDuplicates, incomingDb, presentIncoming, type PossibleDuplicate } from './repository.js';
import { checkDigitisedScan } from './scan-check.js';
import { claimInboxItem, markInboxRegistered } from './inbox-repository.js';
import type { IncomingSource, IncomingTables, SignatureReport } from './tables.js';
import { SECRECY_LABELS, type IncomingDocument, type RegisterIncoming } from './schemas.js';

const opt = (v: string | null | undefined) => (v ? nfc(v) || null : null);

export function requireClerk(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'clerk')) throw forbidden('Chỉ văn thư cơ quan được đăng ký văn bản đến (Q-6.2a).');
  return actor;
}

export function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ field }]);
}

/** What a delivered document adds to a registration: its inbox entry, marked registered in the same transaction. */
export interface FromInbox {
  inboxId: string;
  senderAgencyId: string | null;
}

type RegisterInput = Omit<RegisterIncoming, 'source'> & { source: IncomingSource };
type FileLink = { file_id: string; role: 'main' | 'attachment'; ordinal: number };

/** A registration checked as far as it can be outside the transaction, waiting for its batch. */
interface Job {
  ctx: Ctx;
  actor: Actor;
  input: RegisterInput;
  inbox?: FromInbox;
  arrivedAt: Date;
  files: FileLink[];
  signature: SignatureReport | null;
}

/**
 * Registers an incoming document (Q-11.1a, Q-11.2a). The checks that read files (signatures,
 * the digitisation standard) run first, outside any transaction; the entry, its số đến, routing
 * row, timeline event and audit entry are then written in one transaction shared with the other
 * registrations waiting at that moment (a group commit), so a failed or killed registration uses
 * no number (Q-11.1b). A state-secret document is refused and the refusal recorded.
 */
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
  // What the clerk types is checked against today; an inbox item brings its own received time and due date.
  if (!inbox && legalYear(arrivedAt) < legalYear(now) - 1) throw invalid('arrivedAt', 'Thời điểm văn bản đến phải thuộc năm nay hoặc năm trước (văn bản đến được đăng ký khi nhận).');
  if (!inbox && input.dueDate && input.dueDate < legalDate(arrivedAt)) throw invalid('dueDate', 'Thời hạn giải quyết không được trước ngày văn bản đến.');
  if (input.issuedDate && input.issuedDate > legalDate(arrivedAt)) throw invalid('issuedDate', 'Ngày văn bản không được sau ngày đến.');
  if (input.urgency === 4 && !input.urgentDeadline) throw invalid('urgentDeadline', 'Văn bản Hỏa tốc hẹn giờ cần giờ hẹn.');
  if (input.source !== 'paper' && !input.mainFileId) throw invalid('mainFileId', 'Văn bản điện tử cần tệp văn bản chính (PDF).');
  const { files, main } = await checkFiles(ctx, input);
  const signature = input.source !== 'paper' && main ? await checkSignatures(ctx, main) : null;

  return queueOf(ctx.db).submit({ ctx, actor, input, inbox, arrivedAt, files, signature });
}

const queues = new WeakMap<Db, GroupCommit<Job, IncomingDocument>>();
const queueOf = (db: Db) => groupCommitFor(queues, db, writeRegistrations);

/**
 * Writes a batch of registrations in the caller's transaction, in the order they arrived. A job
 * refused here (duplicate, inbox entry taken) has written nothing; one that may duplicate an earlier
 * job of the same batch waits for the next batch, where the earlier one is visible to the check.
 */
async function writeRegistrations(trx: Transaction<{}>, jobs: Job[]): Promise<JobOutcome<IncomingDocument>[]> {
  const outcomes: (JobOutcome<IncomingDocument> | Job)[] = [];
  const claimed = new Set<string>();
  for (const job of jobs) {
    const keys = sameDocumentKeys(job);
    if (keys.guarded.some((k) => claimed.has(k))) {
      outcomes.push({ retry: true });
      continue;
    }
    try {
      if (job.inbox) await claimInboxItem({ ...job.ctx, db: trx }, job.inbox.inboxId);
    } catch (error) {
      outcomes.push({ error });
      continue;
    }
    keys.all.forEach((k) => claimed.add(k));
    outcomes.push(job);
  }

  const probed = outcomes.filter((o): o is Job => 'input' in o && !o.input.acknowledgeDuplicate);
  const found = await findPossibleDuplicates(
    trx,
    probed.map((job) => ({ ...job.input, agencyId: job.actor.agencyId, year: legalYear(job.ctx.clock.now()), issuerName: nfc(job.input.issuerName) })),
  );
  const duplicates = new Map(probed.map((job, i) => [job, found[i]]));
  const checked = outcomes.map((o) => ('input' in o && duplicates.get(o)?.length ? { error: duplicateSuspected(duplicates.get(o)!) } : o));

  const written = (await insertEntries(trx, checked.filter((o): o is Job => 'input' in o))).values();
  return checked.map((o) => ('input' in o ? { ok: written.next().value! } : o));
}

/** What makes two jobs the same document, for the duplicate warning and the inbox claim. */
function sameDocumentKeys(job: Job) {
  const { input, inbox } = job;
  const agency = job.actor.agencyId;
  const dup: string[] = [];
  if (input.documentIdentifier) dup.push(`${agency}:id:${nfc(input.documentIdentifier)}`);
  if (input.codeNumber && input.codeNotation) dup.push(`${agency}:code:${fold(input.codeNumber)}/${fold(input.codeNotation)}`);
  const claim = inbox ? [`inbox:${inbox.inboxId}`] : [];
  return { guarded: input.acknowledgeDuplicate ? claim : [...claim, ...dup], all: [...claim, ...dup] };
}

function duplicateSuspected(matches: PossibleDuplicate[]): AppError {
  return new AppError('DUPLICATE_SUSPECTED', 'Văn bản này có thể đã được đăng ký (trùng mã định danh, hoặc trùng số, ký hiệu và cơ quan ban hành). Kiểm tra lại; nếu vẫn đăng ký, hãy xác nhận.', {
    matches: matches.map((d) => ({ id: d.id, arrivalNumber: d.arrival_number, codeNumber: d.code_number, codeNotation: d.code_notation, issuerName: d.issuer_name, subject: d.subject })),
  });
}

/** The accepted jobs' numbers, taken per register in arrival order, and their rows: a few statements for the whole batch. */
async function insertEntries(trx: Transaction<{}>, jobs: Job[]): Promise<IncomingDocument[]> {
  if (!jobs.length) return [];
  const stamped = jobs.map((job) => ({ job, id: randomUUID(), at: job.ctx.clock.now() }));
  const numbers = new Map<(typeof stamped)[number], { registerId: string; year: number; number: number }>();
  const byRegister = new Map<string, typeof stamped>();
  for (const s of stamped) {
    const key = `${s.job.actor.agencyId}/${legalYear(s.at)}`;
    if (!byRegister.has(key)) byRegister.set(key, []);
    byRegister.get(key)!.push(s);
  }
  // Counter rows locked in one order, so that two server processes cannot deadlock on them.
  for (const [, group] of [...byRegister].sort(([a], [b]) => a.localeCompare(b))) {
    const first = await takeNumbers(trx, { agencyId: group[0].job.actor.agencyId, kind: 'incoming', at: group[0].at, count: group.length });
    group.forEach((s, i) => numbers.set(s, { ...first, number: first.number + i }));
  }

  const q = incomingDb(trx);
  // One round trip for the entries, their routing rows and first timeline events: PostgreSQL runs
  // each data-modifying WITH part exactly once, and checks the foreign keys at the statement's end.
  const rows = await q
    .with('routing', (w) =>
      w.insertInto('incoming_routing').values(stamped.map((s) => ({ document_id: s.id, agency_id: s.job.actor.agencyId, presented_to: null, presented_at: null, directed_by: null, directed_at: null, comment: null, deadline: null, follow_up_user_id: null, state: 'registered' as const }))),
    )
    .with('event', (w) =>
      w.insertInto('incoming_event').values(stamped.map((s) => ({ document_id: s.id, actor_id: s.job.actor.userId, at: s.at, kind: 'registered', details: JSON.stringify({ arrivalNumber: numbers.get(s)!.number }) }))),
    )
    .insertInto('incoming_document')
    .values(stamped.map((s) => entryRow(s.job, s.id, s.at, numbers.get(s)!)))
    .returningAll()
    .execute();
  const files = stamped.flatMap((s) => s.job.files.map((f) => ({ ...f, document_id: s.id })));
  if (files.length) await q.insertInto('incoming_document_file').values(files).execute();
  await recordAudits(
    trx,
    stamped.map((s) => {
      const n = numbers.get(s)!;
      return { ctx: s.job.ctx, entry: { action: 'incoming.register', objectType: 'incoming_document', objectId: s.id, details: { year: n.year, arrivalNumber: n.number, urgency: s.job.input.urgency ?? 0 } } };
    }),
  );
  for (const s of stamped) if (s.job.inbox) await markInboxRegistered({ ...s.job.ctx, db: trx }, s.job.inbox.inboxId, s.id, numbers.get(s)!.number);
  const rowOf = new Map(rows.map((r) => [r.id, r]));
  return stamped.map((s) => presentIncoming(rowOf.get(s.id)!, files.filter((f) => f.document_id === s.id), 'registered'));
}

function entryRow(job: Job, id: string, at: Date, taken: { registerId: string; year: number; number: number }): Insertable<IncomingTables['incoming_document']> {
  const { input, inbox, actor, signature } = job;
  return {
    id,
    agency_id: actor.agencyId,
    register_id: taken.registerId,
    year: taken.year,
    arrival_number: taken.number,
    arrival_date: legalDate(job.arrivedAt),
    arrived_at: job.arrivedAt,
    registered_at: at,
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
  };
}

/**
 * Checks the signatures of an electronic document's main PDF against the trust list before it is
 * registered (Q-6.1d). An INVALID document (altered after signing, forged) is refused and the
 * refusal logged; INDETERMINATE (unknown CA, revocation unknown, unsigned) is registered and flagged.
 */
async function checkSignatures(ctx: Ctx, file: StoredFile): Promise<SignatureReport> {
  const result = await verifyWithTrustList(ctx.db, await ctx.files.readAll(file));
  const report: SignatureReport = {
    indication: result.indication,
    subIndication: result.subIndication,
    message: result.message,
    signatures: result.signatures.map((s) => ({ indication: s.indication, message: s.message, signer: s.signer?.commonName, organization: s.signer?.organization, signingTime: s.signingTime?.toISOString() })),
  };
  if (result.indication === 'INVALID') {
    await inTransaction(ctx.db, (trx) =>
      recordAudit({ ...ctx, db: trx }, { action: 'incoming.refused_invalid_signature', objectType: 'file', objectId: file.id, details: { indication: result.indication, subIndication: result.subIndication, message: result.message } }),
    );
    throw new AppError('SIGNATURE_INVALID', `Văn bản không được đăng ký vì chữ ký số không hợp lệ: ${result.message}`, report);
  }
  return report;
}

/** The files named exist, belong to the agency, and a paper document's scan meets the standard. Files never change once stored. */
async function checkFiles(ctx: Ctx, input: RegisterInput): Promise<{ files: FileLink[]; main?: StoredFile }> {
  const actor = requireActor(ctx);
  const ids = [...(input.mainFileId ? [input.mainFileId] : []), ...(input.attachmentFileIds ?? [])];
  if (new Set(ids).size !== ids.length) throw invalid('attachmentFileIds', 'Một tệp được chọn hai lần.');
  const out: FileLink[] = [];
  let mainFile: StoredFile | undefined;
  for (const [i, id] of ids.entries()) {
    const main = i === 0 && !!input.mainFileId;
    const file = await ctx.files.get(ctx, id).catch(() => undefined);
    if (!file || file.agencyId !== actor.agencyId) throw invalid(main ? 'mainFileId' : 'attachmentFileIds', `Tệp ${id} không tồn tại hoặc không thuộc cơ quan của bạn.`);
    if (main && file.format !== 'pdf') throw invalid('mainFileId', 'Tệp văn bản chính phải là PDF.');
    if (main && input.source === 'paper') {
      // A paper document's PDF is its digitised copy: it must meet the input standard (Q-11.2b).
      const report = await checkDigitisedScan(await ctx.files.localPath(file));
      if (!report.ok) throw new AppError('VALIDATION_FAILED', `Bản số hóa chưa đạt chuẩn: ${report.problems.map((p) => p.message).join(' ')}`, report.problems.map((p) => ({ field: 'mainFileId', ...p })));
    }
    if (main) mainFile = file;
    out.push({ file_id: id, role: main ? 'main' : 'attachment', ordinal: i });
  }
  return { files: out, main: mainFile };
}
