/**
 * What the Sổ theo dõi giải quyết văn bản đến needs from the database: the year's registered
 * documents in the date range, their routing, and their live lead and coordinating assignments.
 * Three queries whatever the number of entries; joined up in memory.
 */
import type { Db } from '../../infra/db/database.js';
import { incomingDb } from '../repository.js';
import type { HandlingFacts } from './handling-status.js';

export interface TrackingAssignment extends HandlingFacts {
  documentId: string;
  unitId: string | null;
  userId: string | null;
  role: 'lead' | 'coordinate';
}

export interface TrackingEntry {
  documentId: string;
  arrivalNumber: number;
  arrivalDate: string;
  typeName: string;
  codeNumber: string | null;
  codeNotation: string | null;
  issuedDate: string | null;
  issuerName: string;
  description: string | null;
  /** Số, ký hiệu of the outgoing document issued in reply, if any. */
  replyNotation: string | null;
  /** Hạn giải quyết as registered by the clerk, before any direction. */
  dueDate: string | null;
  routingState: 'registered' | 'presented' | 'directed' | 'done' | null;
  routingDeadline: string | null;
  lead: TrackingAssignment | null;
  coordinating: TrackingAssignment[];
}

export interface TrackingRange {
  fromDate?: string;
  toDate?: string;
}

/**
 * Cancelled entries are left out: nobody handles them, and unlike the register this book need not
 * account for every number (its cover states no number range).
 */
export async function loadTrackingEntries(db: Db, agencyId: string, year: number, range: TrackingRange = {}): Promise<TrackingEntry[]> {
  const q = incomingDb(db);
  let docs = q
    .selectFrom('incoming_document as d')
    .leftJoin('incoming_routing as r', 'r.document_id', 'd.id')
    .select(['d.id', 'd.arrival_number', 'd.arrival_date', 'd.type_name', 'd.code_number', 'd.code_notation', 'd.issued_date', 'd.issuer_name', 'd.description', 'd.reply_notation', 'd.due_date', 'r.state', 'r.deadline'])
    .where('d.agency_id', '=', agencyId)
    .where('d.year', '=', year)
    .where('d.status', '=', 'registered');
  if (range.fromDate) docs = docs.where('d.arrival_date', '>=', range.fromDate);
  if (range.toDate) docs = docs.where('d.arrival_date', '<=', range.toDate);
  const rows = await docs.orderBy('d.arrival_number').execute();

  let assignments = q
    .selectFrom('incoming_assignment as a')
    .innerJoin('incoming_document as d', 'd.id', 'a.document_id')
    .select(['a.document_id', 'a.unit_id', 'a.user_id', 'a.role', 'a.deadline', 'a.state', 'a.finished_at'])
    .where('d.agency_id', '=', agencyId)
    .where('d.year', '=', year)
    .where('d.status', '=', 'registered')
    .where('a.parent_id', 'is', null)
    .where('a.state', '<>', 'recalled')
    .where('a.role', 'in', ['lead', 'coordinate']);
  if (range.fromDate) assignments = assignments.where('d.arrival_date', '>=', range.fromDate);
  if (range.toDate) assignments = assignments.where('d.arrival_date', '<=', range.toDate);
  const byDocument = new Map<string, TrackingAssignment[]>();
  for (const a of await assignments.orderBy('a.assigned_at').orderBy('a.id').execute()) {
    const list = byDocument.get(a.document_id) ?? [];
    list.push({ documentId: a.document_id, unitId: a.unit_id, userId: a.user_id, role: a.role as 'lead' | 'coordinate', deadline: a.deadline, state: a.state, finishedAt: a.finished_at });
    byDocument.set(a.document_id, list);
  }

  return rows.map((d) => {
    const live = byDocument.get(d.id) ?? [];
    return {
      documentId: d.id,
      arrivalNumber: d.arrival_number,
      arrivalDate: d.arrival_date,
      typeName: d.type_name,
      codeNumber: d.code_number,
      codeNotation: d.code_notation,
      issuedDate: d.issued_date,
      issuerName: d.issuer_name,
      description: d.description,
      replyNotation: d.reply_notation,
      dueDate: d.due_date,
      routingState: d.state,
      routingDeadline: d.deadline,
      lead: live.find((a) => a.role === 'lead') ?? null,
      coordinating: live.filter((a) => a.role === 'coordinate'),
    };
  });
}
