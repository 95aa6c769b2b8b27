import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import { assertTransaction, type Db } from '../db/database.js';
import type { AuditTables } from './tables.js';
import { entryHash, GENESIS_HASH, type ChainedFields } from './chain.js';

export interface AuditEntry {
  action: string;
  objectType?: string;
  objectId?: string;
  /** The agency whose data this is; defaults to the actor's. */
  agencyId?: string | null;
  details?: Record<string, unknown>;
}

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
    const hash = entryHash(prevHash, fields);
    const row = {
      at: fields.at,
      actor_id: fields.actorId,
      actor_name: fields.actorName,
      agency_id: fields.agencyId,
      action: fields.action,
      object_type: fields.objectType,
      object_id: fields.objectId,
      details: JSON.stringify(fields.details),
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

export interface ChainBreak {
  seq: number;
  reason: string;
}

/** Walks the whole log in order; returns the first broken entry, or null when the chain holds. */
export async function verifyAuditChain(db: Db, batch = 5000): Promise<{ checked: number; broken: ChainBreak | null }> {
  const q = auditDb(db);
  let prevHash = GENESIS_HASH;
  let afterSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await q.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(batch).execute();
    if (rows.length === 0) return { checked, broken: null };
    for (const row of rows) {
      if (row.prev_hash !== prevHash) {
        return { checked, broken: { seq: row.seq, reason: 'prev_hash does not match the previous entry (an entry was removed or reordered)' } };
      }
      const expected = entryHash(prevHash, {
        at: row.at,
        actorId: row.actor_id,
        actorName: row.actor_name,
        agencyId: row.agency_id,
        action: row.action,
        objectType: row.object_type,
        objectId: row.object_id,
        details: row.details,
        ip: row.ip,
      });
      if (expected !== row.hash) return { checked, broken: { seq: row.seq, reason: 'content does not match its hash (the entry was altered)' } };
      prevHash = row.hash;
      afterSeq = row.seq;
      checked++;
    }
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
