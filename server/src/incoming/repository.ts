import { sql, type Selectable } from 'kysely';
import { foldedContains } from '../infra/db/like.js';
import type { Db } from '../infra/db/database.js';
import { AppError } from '../shared/errors.js';
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

export interface DuplicateProbe {
  agencyId: string;
  year: number;
  documentIdentifier?: string | null;
  codeNumber?: string | null;
  codeNotation?: string | null;
  issuerName: string;
}

export interface PossibleDuplicate {
  id: string;
  arrival_number: number;
  code_number: string | null;
  code_notation: string | null;
  issuer_name: string;
  subject: string;
}

/**
 * For each probe, up to five registered documents of its agency and year that look like the same
 * document (Appendix VI III.1.h): the same identifier, or the same number, symbol and issuer (case
 * and diacritics aside). One statement for a whole batch of registrations.
 */
export async function findPossibleDuplicates(db: Db, probes: DuplicateProbe[]): Promise<PossibleDuplicate[][]> {
  if (!probes.length) return [];
  const values = probes.map(
    (p, i) =>
      sql`(${i}::int, ${p.agencyId}::uuid, ${p.year}::int, ${p.documentIdentifier || null}::text, ${p.codeNumber && p.codeNotation ? p.codeNumber : null}::text, ${p.codeNumber && p.codeNotation ? p.codeNotation : null}::text, ${p.issuerName}::text)`,
  );
  const { rows } = await sql<PossibleDuplicate & { probe: number }>`
    select p.probe, d.id, d.arrival_number, d.code_number, d.code_notation, d.issuer_name, d.subject
    from (values ${sql.join(values)}) as p (probe, agency_id, year, identifier, code_number, code_notation, issuer_name)
    cross join lateral (
      -- Two arms, so each can use its index.
      (select d.id, d.arrival_number, d.code_number, d.code_notation, d.issuer_name, d.subject from incoming_document d
        where d.agency_id = p.agency_id and d.year = p.year and d.document_identifier = p.identifier and d.status = 'registered')
      union
      (select d.id, d.arrival_number, d.code_number, d.code_notation, d.issuer_name, d.subject from incoming_document d
        where d.agency_id = p.agency_id and d.year = p.year and upper(d.code_number) = upper(p.code_number) and upper(d.code_notation) = upper(p.code_notation)
          and vn_fold(d.issuer_name) = vn_fold(p.issuer_name) and d.status = 'registered')
      order by arrival_number
      limit 5
    ) d`.execute(db);
  const found: PossibleDuplicate[][] = probes.map(() => []);
  for (const { probe, ...row } of rows) found[probe].push(row);
  return found;
}

/** A reversed range is a mistake to point out, not an empty list. */
function checkDateRange(from: string | undefined, to: string | undefined, field: string, message: string) {
  if (from && to && to < from) throw new AppError('VALIDATION_FAILED', message, [{ field }]);
}

/**
 * The register of one year, newest số đến first, narrowed by the filters given (all must hold).
 * Date bounds are inclusive and apply within the year. `returned` finds what the head sent back
 * and the clerk has not presented again: routing back at 'registered' after a return event.
 */
export async function listIncoming(db: Db, agencyId: string, query: ListIncomingQuery & { year: number }) {
  checkDateRange(query.fromDate, query.toDate, 'toDate', 'Ngày đến (đến ngày) không được trước ngày bắt đầu.');
  checkDateRange(query.issuedFrom, query.issuedTo, 'issuedTo', 'Ngày văn bản (đến ngày) không được trước ngày bắt đầu.');
  let q = incomingDb(db)
    .selectFrom('incoming_document')
    .leftJoin('incoming_routing', 'incoming_routing.document_id', 'incoming_document.id')
    .selectAll('incoming_document')
    .select('incoming_routing.state as routing_state')
    .where('incoming_document.agency_id', '=', agencyId)
    .where('year', '=', query.year);
  if (query.routingState) q = q.where('incoming_routing.state', '=', query.routingState);
  if (query.returned !== undefined) {
    const returned = query.returned;
    q = q.where((eb) => {
      const sentBack = eb.and([
        eb('incoming_routing.state', '=', 'registered'),
        eb.exists(eb.selectFrom('incoming_event').select('incoming_event.id').whereRef('incoming_event.document_id', '=', 'incoming_document.id').where('incoming_event.kind', '=', 'returned_to_clerk')),
      ]);
      return returned ? sentBack : eb.not(sentBack);
    });
  }
  if (query.ids?.length) q = q.where('id', 'in', query.ids);
  if (query.q) {
    const text = query.q;
    q = q.where((eb) =>
      eb.or([
        eb(sql`search`, '@@', sql`plainto_tsquery('vn', ${text})`),
        eb(sql`vn_fold(coalesce(code_number, '') || '/' || coalesce(code_notation, ''))`, 'like', foldedContains(text)),
      ]),
    );
  }
  if (query.urgency !== undefined) q = q.where('urgency', '=', query.urgency);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.fromNumber) q = q.where('arrival_number', '>=', query.fromNumber);
  if (query.toNumber) q = q.where('arrival_number', '<=', query.toNumber);
  if (query.fromDate) q = q.where('arrival_date', '>=', query.fromDate);
  if (query.toDate) q = q.where('arrival_date', '<=', query.toDate);
  if (query.issuedFrom) q = q.where('issued_date', '>=', query.issuedFrom);
  if (query.issuedTo) q = q.where('issued_date', '<=', query.issuedTo);
  const rows = await q
    .orderBy('arrival_number', 'desc')
    .limit(query.limit ?? 50)
    .offset(query.offset ?? 0)
    .execute();
  return rows.map(({ routing_state, ...r }) => presentIncoming(r, [], routing_state));
}
