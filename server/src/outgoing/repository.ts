import type { Selectable } from 'kysely';
import type { Db } from '../infra/db/database.js';
import { documentType } from './document-types.js';
import type { OutgoingDetail, OutgoingSummary } from './schemas.js';
import type { OutgoingState, OutgoingTables, RecipientStatus } from './tables.js';

/** This module's tables; no other module names them. */
export const outgoingDb = (db: Db) => db.withTables<OutgoingTables>();

export type DocumentRow = Selectable<OutgoingTables['outgoing_document']>;
export type AppendixRow = Selectable<OutgoingTables['outgoing_appendix']>;

export const STATE_LABELS: Record<OutgoingState, string> = {
  draft: 'Dự thảo',
  submitted: 'Chờ duyệt',
  returned: 'Trả lại để sửa',
  approved: 'Đã duyệt, chờ ký',
  signed: 'Đã ký, chờ phát hành',
  numbered: 'Đã cấp số, chờ ký số cơ quan',
  issued: 'Đã phát hành',
  recalled: 'Đã thu hồi',
};

export const RECIPIENT_LABELS: Record<RecipientStatus, string> = {
  waiting_exchange: 'Chờ gửi qua trục liên thông',
  sent: 'Đã gửi',
  delivered: 'Đã đến nơi nhận',
  received: 'Đã vào sổ đến',
  returned: 'Bị trả lại',
  processing: 'Đang xử lý',
  finished: 'Đã xử lý xong',
  recalled: 'Đã thu hồi',
  recall_confirmed: 'Nơi nhận đã xác nhận thu hồi',
};

export function numberAndNotation(row: Pick<DocumentRow, 'number' | 'notation'>): string | null {
  if (row.number === null || !row.notation) return null;
  return `${row.number < 10 ? `0${row.number}` : row.number}/${row.notation}`;
}

export function presentSummary(row: DocumentRow): OutgoingSummary {
  return {
    id: row.id,
    state: row.state,
    stateLabel: STATE_LABELS[row.state],
    typeCode: row.type_code,
    typeName: documentType(row.type_code)?.name ?? row.type_code,
    summary: row.summary,
    draftingUnitId: row.drafting_unit_id,
    drafterId: row.drafter_id,
    signerId: row.signer_id,
    signerAuthority: row.signer_authority,
    signerPosition: row.signer_position,
    urgency: row.urgency,
    replyDeadline: row.reply_deadline,
    toPlaces: row.to_places,
    paperReason: row.paper_reason,
    series: row.series,
    replyToIncomingId: row.reply_to_incoming_id,
    correctsId: row.corrects_id,
    correctionKind: row.correction_kind,
    currentVersion: row.current_version,
    approvedVersion: row.approved_version,
    year: row.year,
    number: row.number,
    notation: row.notation,
    numberAndNotation: numberAndNotation(row),
    issuedDate: row.issued_date,
    signedFileId: row.signed_file_id,
    numberedFileId: row.numbered_file_id,
    issuedFileId: row.issued_file_id,
    issuedAt: row.issued_at?.toISOString() ?? null,
    recalledAt: row.recalled_at?.toISOString() ?? null,
    recallReason: row.recall_reason,
    issuePath: row.issue_path,
    placeDate: row.place_date,
    paperSignedOn: row.paper_signed_on,
    paperSignedBy: row.paper_signed_by,
    paperScanFileId: row.paper_scan_file_id,
    paperScannedAt: row.paper_scanned_at?.toISOString() ?? null,
    paperScannedBy: row.paper_scanned_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function findDocument(db: Db, id: string, lock = false): Promise<DocumentRow | undefined> {
  let q = outgoingDb(db).selectFrom('outgoing_document').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findVersion(db: Db, documentId: string, version: number) {
  return outgoingDb(db).selectFrom('outgoing_version').selectAll().where('document_id', '=', documentId).where('version', '=', version).executeTakeFirst();
}

/** The detail without its correction links, which correction-links.ts reads (service.ts puts them together). */
export async function loadDetail(db: Db, row: DocumentRow): Promise<Omit<OutgoingDetail, 'corrects' | 'correctedBy'>> {
  const q = outgoingDb(db);
  const [versions, appendices, recipients, comments, events] = await Promise.all([
    q.selectFrom('outgoing_version').selectAll().where('document_id', '=', row.id).orderBy('version').execute(),
    q.selectFrom('outgoing_appendix').selectAll().where('document_id', '=', row.id).orderBy('version').orderBy('ordinal').execute(),
    q.selectFrom('outgoing_recipient').selectAll().where('document_id', '=', row.id).orderBy('name').execute(),
    q.selectFrom('outgoing_comment').selectAll().where('document_id', '=', row.id).orderBy('created_at').execute(),
    q.selectFrom('outgoing_event').selectAll().where('document_id', '=', row.id).orderBy('at').orderBy('id').execute(),
  ]);
  return {
    ...presentSummary(row),
    versions: versions.map((v) => ({
      version: v.version,
      sourceFileId: v.source_file_id,
      pdfFileId: v.pdf_file_id,
      conversion: v.conversion,
      conversionError: v.conversion_error,
      note: v.note,
      createdBy: v.created_by,
      createdAt: v.created_at.toISOString(),
      appendices: appendices.filter((a) => a.version === v.version).map(presentAppendix),
    })),
    recipients: recipients.map((r) => ({ id: r.id, agencyId: r.agency_id, name: r.name, status: r.status, statusLabel: RECIPIENT_LABELS[r.status], arrivalNumber: r.arrival_number, reason: r.reason, updatedAt: r.updated_at.toISOString() })),
    comments: comments.map((c) => ({ id: c.id, version: c.version, authorId: c.author_id, body: c.body, createdAt: c.created_at.toISOString() })),
    events: events.map((e) => ({ at: e.at.toISOString(), actorId: e.actor_id, kind: e.kind, details: e.details })),
  };
}

export function presentAppendix(a: AppendixRow) {
  return { id: a.id, ordinal: a.ordinal, title: a.title, sourceFileId: a.source_file_id, pdfFileId: a.pdf_file_id, conversion: a.conversion, conversionError: a.conversion_error, sealedFileId: a.sealed_file_id };
}

export async function addEvent(db: Db, documentId: string, actorId: string | null, at: Date, kind: string, details: Record<string, unknown> = {}) {
  await outgoingDb(db).insertInto('outgoing_event').values({ document_id: documentId, actor_id: actorId, at, kind, details: JSON.stringify(details) }).execute();
}
