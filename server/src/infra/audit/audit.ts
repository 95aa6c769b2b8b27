import { sql, type Selectable } from 'kysely';
import type { Ctx } from '../context.js';
import { assertTransaction, type Db } from '../db/database.js';
import type { AuditLogTable, AuditTables } from './tables.js';
import { canonicalEntry, canonicalJson, entryHash, GENESIS_HASH, hashCanonical, type AuditDetails, type ChainedFields } from './chain.js';

export interface AuditEntry {
  action: string;
  objectType?: string;
  objectId?: string;
  /** The agency whose data this is; defaults to the actor's. */
  agencyId?: string | null;
  /** Plain JSON only (dates as ISO strings): anything else throws before it is hashed. */
  details?: AuditDetails;
}

export type { AuditDetails } from './chain.js';

const auditDb = (db: Db) => db.withTables<AuditTables>();

/**
 * Appends one entry to the hash-chained audit log, inside the caller's transaction so that
 * the entry commits or rolls back with the change it records.
 */
export async function recordAudit(ctx: Ctx, entry: AuditEntry): Promise<void> {
  await recordAudits(ctx.db, [{ ctx, entry }]);
}

/**
 * Appends entries of several requests in one statement (a group commit), chained in the order given.
 * An advisory lock serialises appenders so that the chain has one order on PostgreSQL too.
 */
export async function recordAudits(trx: Db, items: { ctx: Ctx; entry: AuditEntry }[]): Promise<void> {
  assertTransaction(trx);
  if (!items.length) return;
  const db = auditDb(trx);
  await sql`select pg_advisory_xact_lock(7301180001)`.execute(db);
  const last = await db.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = items.map(({ ctx, entry }) => {
    const fields: ChainedFields = {
      at: ctx.clock.now(),
      actorId: ctx.actor?.userId ?? null,
      actorName: ctx.actor?.username ?? null,
      agencyId: entry.agencyId === undefined ? (ctx.actor?.agencyId ?? null) : entry.agencyId,
      action: entry.action,
      objectType: entry.objectType ?? null,
      objectId: entry.objectId ?? null,
      details: entry.details ?? {},
      ip: ctx.ip,
    };
    // The hash covers the canonical text, and the row stores that same text: what is verified later
    // is exactly what was hashed (a value jsonb would store differently throws here instead).
    const hash = hashCanonical(prevHash, canonicalEntry(fields));
    const row = {
      at: fields.at,
      actor_id: fields.actorId,
      actor_name: fields.actorName,
      agency_id: fields.agencyId,
      action: fields.action,
      object_type: fields.objectType,
      object_id: fields.objectId,
      details: canonicalJson(fields.details),
      ip: fields.ip,
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  // A multi-row VALUES list takes its sequence numbers in list order, which is the chain's order.
  await db.insertInto('audit_log').values(rows).execute();
}

/** One problem found in the log: an entry whose content no longer matches its hash, or a broken link. */
export interface ChainProblem {
  seq: number;
  /** legacy_date: written before issue 11 with a Date in its details, which was hashed as {}. */
  kind: 'altered' | 'link' | 'legacy_date';
  /** For a broken link: the entry before it as the log now stands (null: the log's first row). */
  afterSeq?: number | null;
  reason: string;
}

export interface ChainReport {
  checked: number;
  /** Every problem, in log order (the list given back stops at `limit`; `problemCount` is the total). */
  problems: ChainProblem[];
  problemCount: number;
}

/**
 * Walks the whole log in order and reports every problem, not only the first, so that one accident
 * cannot hide later tampering. Each entry is checked on its own (its content against its hash) and
 * against its neighbour (its prev_hash against the hash of the entry stored before it). Numbers
 * skipped by rolled-back transactions are normal: only a broken link shows a removal.
 */
export async function verifyAuditChain(db: Db, options: { batch?: number; limit?: number; onProblem?: (p: ChainProblem) => void } = {}): Promise<ChainReport> {
  const q = auditDb(db);
  const batch = options.batch ?? 5000;
  const limit = options.limit ?? 1000;
  const report: ChainReport = { checked: 0, problems: [], problemCount: 0 };
  const found = (p: ChainProblem) => {
    report.problemCount++;
    if (report.problems.length < limit) report.problems.push(p);
    options.onProblem?.(p);
  };
  let prev: { seq: number | null; hash: string } = { seq: null, hash: GENESIS_HASH };
  for (;;) {
    const rows = await q.selectFrom('audit_log').selectAll().where('seq', '>', prev.seq ?? 0).orderBy('seq').limit(batch).execute();
    if (rows.length === 0) return report;
    for (const row of rows) {
      if (row.prev_hash !== prev.hash) {
        found({
          seq: row.seq,
          kind: 'link',
          afterSeq: prev.seq,
          reason: prev.seq === null ? 'mục đầu tiên của nhật ký không nối với điểm khởi đầu: các mục trước đó đã bị xóa' : `không nối với mục #${prev.seq} đứng trước: có mục giữa hai mục này đã bị xóa, chèn hoặc đổi thứ tự`,
        });
      }
      let expected: string | null;
      try {
        expected = entryHash(row.prev_hash, {
          at: row.at,
          actorId: row.actor_id,
          actorName: row.actor_name,
          agencyId: row.agency_id,
          action: row.action,
          objectType: row.object_type,
          objectId: row.object_id,
          details: row.details as AuditDetails,
          ip: row.ip,
        });
      } catch {
        expected = null;
      }
      if (expected !== row.hash) {
        const legacy = hashedWithLegacyDates(row);
        found(
          legacy
            ? { seq: row.seq, kind: 'legacy_date', reason: 'mục ghi trước bản sửa lỗi: ngày giờ trong chi tiết đã được băm thành {} (lỗi đã biết); mọi nội dung khác khớp, riêng giá trị ngày giờ không kiểm chứng được' }
            : { seq: row.seq, kind: 'altered', reason: 'nội dung không khớp với mã băm: mục đã bị sửa' },
        );
      }
      prev = { seq: row.seq, hash: row.hash };
      report.checked++;
    }
  }
}

const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const asLegacy = (v: unknown): unknown =>
  typeof v === 'string' && ISO_INSTANT.test(v) ? {} : Array.isArray(v) ? v.map(asLegacy) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, asLegacy(x)])) : v;

/**
 * Before the fix of issue 11 a Date logged in the details was hashed as {} but stored as its ISO
 * text. Such an entry is still reported, as what it is: the known defect, not tampering.
 */
function hashedWithLegacyDates(row: Selectable<AuditLogTable>): boolean {
  try {
    const details = asLegacy(row.details) as AuditDetails;
    if (canonicalJson(details) === canonicalJson(row.details)) return false;
    const fields = { at: row.at, actorId: row.actor_id, actorName: row.actor_name, agencyId: row.agency_id, action: row.action, objectType: row.object_type, objectId: row.object_id, details, ip: row.ip };
    return entryHash(row.prev_hash, fields) === row.hash;
  } catch {
    return false;
  }
}

export interface AuditQuery {
  agencyId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  beforeSeq?: number;
  limit: number;
}

/** Newest first, paged by sequence number. */
export async function listAudit(db: Db, query: AuditQuery) {
  let q = auditDb(db).selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(query.limit);
  if (query.agencyId) q = q.where('agency_id', '=', query.agencyId);
  if (query.action) q = q.where('action', '=', query.action);
  if (query.objectType) q = q.where('object_type', '=', query.objectType);
  if (query.objectId) q = q.where('object_id', '=', query.objectId);
  if (query.beforeSeq) q = q.where('seq', '<', query.beforeSeq);
  const rows = await q.execute();
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at.toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    agencyId: r.agency_id,
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    details: r.details,
    ip: r.ip,
  }));
}
