import { sql, type Selectable } from 'kysely';
import type { Db } from '../infra/db/database.js';
import type { IncomingTables, RoutingTables } from './tables.js';
import { URGENCY_LABELS, type IncomingDocument, type ListIncomingQuery } from './schemas.js';

/** This module's tables; no other module names them. */
export const incomingDb = (db: Db) => db.withTables<IncomingTables & RoutingTables>();

type Row = Selectable<IncomingTables['incoming_document']>;
type FileRow = Selectable<IncomingTables['incoming_document_file']>;

export function presentIncoming(row: Row, files: FileRow[], routingState: string | null = null): IncomingDocument {
  return {
    id: row.id,
    agencyId: row.agency_id,
    year: row.year,
    arrivalNumber: row.arrival_number,
    arrivalDate: row.arrival_date,
    arrivedAt: row.arrived_at.toISOString(),
    registeredAt: row.registered_at.toISOString(),
    registeredBy: row.registered_by,
    source: row.source,
    documentIdentifier: row.document_identifier,
    issuerCode: row.issuer_code,
    issuerName: row.issuer_name,
    typeName: row.type_name,
    codeNumber: row.code_number,
    codeNotation: row.code_notation,
    issuedDate: row.issued_date,
    subject: row.subject,
    language: row.language,
    pageAmount: row.page_amount,
    description: row.description,
    signerPosition: row.signer_position,
    signerName: row.signer_name,
    urgency: row.urgency,
    urgencyLabel: URGENCY_LABELS[row.urgency] ?? String(row.urgency),
    urgentDeadline: row.urgent_deadline?.toISOString() ?? null,
    toPlaces: row.to_places,
    dueDate: row.due_date,
    signatureCheck: row.signature_check,
    signatureReport: row.signature_report,
    status: row.status,
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    cancelReason: row.cancel_reason,
    recall: row.recalled_at ? { at: row.recalled_at.toISOString(), reason: row.recall_reason ?? '', confirmedAt: row.recall_confirmed_at?.toISOString() ?? null } : null,
    replyNotation: row.reply_notation,
    files: files.map((f) => ({ fileId: f.file_id, role: f.role, ordinal: f.ordinal })),
    routingState,
  };
}

export async function findIncoming(db: Db, id: string): Promise<IncomingDocument | undefined> {
  const q = incomingDb(db);
  const row = await q.selectFrom('incoming_document').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const files = await q.selectFrom('incoming_document_file').selectAll().where('document_id', '=', id).orderBy('ordinal').execute();
  const routing = await q.selectFrom('incoming_routing').select('state').where('document_id', '=', id).executeTakeFirst();
  return presentIncoming(row, files, routing?.state ?? null);
}

/** Registered documents of this year that look like the same document (Appendix VI III.1.h). */
export async function findPossibleDuplicates(db: Db, agencyId: string, year: number, d: { documentIdentifier?: string | null; codeNumber?: string | null; codeNotation?: string | null; issuerName: string }) {
  const q = incomingDb(db)
    .selectFrom('incoming_document')
    .select(['id', 'arrival_number', 'code_number', 'code_notation', 'issuer_name', 'subject'])
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .where('status', '=', 'registered')
    .where((eb) => {
      const ors = [];
      if (d.documentIdentifier) ors.push(eb('document_identifier', '=', d.documentIdentifier));
      if (d.codeNumber && d.codeNotation) {
        ors.push(
          eb.and([
            eb(sql`upper(code_number)`, '=', d.codeNumber.toUpperCase()),
            eb(sql`upper(code_notation)`, '=', d.codeNotation.toUpperCase()),
            eb(sql`vn_fold(issuer_name)`, '=', sql`vn_fold(${d.issuerName})`),
          ]),
        );
      }
      return ors.length ? eb.or(ors) : eb.val(false);
    });
  return q.limit(5).execute();
}

export async function listIncoming(db: Db, agencyId: string, query: ListIncomingQuery & { year: number }) {
  let q = incomingDb(db)
    .selectFrom('incoming_document')
    .leftJoin('incoming_routing', 'incoming_routing.document_id', 'incoming_document.id')
    .selectAll('incoming_document')
    .select('incoming_routing.state as routing_state')
    .where('incoming_document.agency_id', '=', agencyId)
    .where('year', '=', query.year);
  if (query.routingState) q = q.where('incoming_routing.state', '=', query.routingState);
  if (query.ids?.length) q = q.where('id', 'in', query.ids);
  if (query.q) {
    const text = query.q;
    q = q.where((eb) =>
      eb.or([
        eb(sql`search`, '@@', sql`plainto_tsquery('vn', ${text})`),
        eb(sql`vn_fold(coalesce(code_number, '') || '/' || coalesce(code_notation, ''))`, 'like', sql`'%' || vn_fold(${text}) || '%'`),
      ]),
    );
  }
  if (query.urgency !== undefined) q = q.where('urgency', '=', query.urgency);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.fromNumber) q = q.where('arrival_number', '>=', query.fromNumber);
  if (query.toNumber) q = q.where('arrival_number', '<=', query.toNumber);
  const rows = await q
    .orderBy('arrival_number', 'desc')
    .limit(query.limit ?? 50)
    .offset(query.offset ?? 0)
    .execute();
  return rows.map(({ routing_state, ...r }) => presentIncoming(r, [], routing_state));
}
