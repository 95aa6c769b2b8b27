/**
 * Sự kiện an ninh: refused attempts (Q-18.4 "every attempt is refused and logged", Q-24.4đ).
 *
 * Kept apart from the hash chain on purpose: an attempt is refused because nothing changed, so it
 * has no transaction of its own to ride in, and anyone on the network can cause one. Chaining them
 * would put every refused request in the queue of the chain's lock and let a flood of bad requests
 * slow down every real change. Here identical events of one minute share one row with a count, and
 * at most a fixed number of rows is written per minute (per address and in all), so a flood grows
 * counters, not the disk.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { AuditTables } from './tables.js';

export const SECURITY_EVENT_KINDS = {
  forbidden: 'Bị từ chối quyền (403)',
  not_found: 'Truy cập đối tượng không tồn tại hoặc không được phép (404)',
  csrf: 'Yêu cầu giả mạo bị chặn (CSRF)',
  login_failed: 'Đăng nhập sai',
  login_locked: 'Tạm khóa đăng nhập',
  login_throttled: 'Đăng nhập bị từ chối do đang tạm khóa hoặc giãn thời gian',
  password_check_failed: 'Nhập sai mật khẩu hiện tại khi đổi mật khẩu',
  login_unlocked: 'Quản trị mở khóa đăng nhập',
  flood: 'Quá nhiều sự kiện trong một phút (gộp lại)',
} as const;
export type SecurityEventKind = keyof typeof SECURITY_EVENT_KINDS;

export interface SecurityEvent {
  kind: SecurityEventKind;
  code?: string | null;
  actorId?: string | null;
  actorName?: string | null;
  agencyId?: string | null;
  ip?: string | null;
  method?: string | null;
  /** The route's pattern (/api/incoming/documents/:id): events differing only in the id share a row. */
  route?: string | null;
  url?: string | null;
  /** What distinguishes events of one route beyond the actor (the username tried at login). */
  subject?: string | null;
  details?: Record<string, string | number | boolean | null>;
}

/** Distinct rows written per minute: per client address, and in all. Beyond, events are only counted. */
export const SECURITY_EVENT_LIMITS = { perAddress: 30, total: 300 };

/** Text from a request as the database can keep it: no NUL, no unpaired surrogate, bounded. */
export function storableText(value: string | null | undefined, max = 300): string | null {
  if (value == null) return null;
  return value.replace(/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd').slice(0, max);
}

/** This process's count of the rows it opened in the current minute. */
const window = { minute: -1, keys: new Set<string>(), perAddress: new Map<string, number>() };

function bucketFor(minute: number, event: SecurityEvent): { key: string; event: SecurityEvent } {
  if (window.minute !== minute) Object.assign(window, { minute, keys: new Set(), perAddress: new Map() });
  const key = (e: SecurityEvent) =>
    createHash('sha256')
      .update([minute, e.kind, e.code, e.actorId, e.ip, e.method, e.route, e.subject].map((v) => v ?? '').join('\u0001'))
      .digest('hex');
  const own = key(event);
  if (window.keys.has(own)) return { key: own, event };
  const address = event.ip ?? '';
  const used = window.perAddress.get(address) ?? 0;
  let chosen: { key: string; event: SecurityEvent };
  if (window.keys.size >= SECURITY_EVENT_LIMITS.total) {
    // Many addresses at once: one row per kind for the whole minute.
    const flood: SecurityEvent = { kind: 'flood', code: event.kind, details: { scope: 'all' } };
    chosen = { key: key(flood), event: flood };
  } else if (used >= SECURITY_EVENT_LIMITS.perAddress) {
    const flood: SecurityEvent = { kind: 'flood', code: event.kind, ip: event.ip, agencyId: event.agencyId, actorId: event.actorId, actorName: event.actorName, details: { scope: 'address' } };
    chosen = { key: key(flood), event: flood };
  } else {
    chosen = { key: own, event };
  }
  if (!window.keys.has(chosen.key)) {
    window.keys.add(chosen.key);
    window.perAddress.set(address, used + 1);
  }
  return chosen;
}

/** Records one refused attempt: a new row for the first of its kind this minute, else a count. */
export async function recordSecurityEvent(db: Db, at: Date, input: SecurityEvent): Promise<void> {
  const { key, event } = bucketFor(Math.floor(at.getTime() / 60_000), input);
  const details = Object.fromEntries(Object.entries(event.details ?? {}).map(([k, v]) => [k, typeof v === 'string' ? storableText(v) : v]));
  await sql`
    insert into security_event as e (bucket_key, first_at, last_at, kind, code, actor_id, actor_name, agency_id, ip, method, route, url, details)
    values (${key}, ${at}, ${at}, ${event.kind}, ${storableText(event.code, 60)}, ${event.actorId ?? null}, ${storableText(event.actorName, 100)},
      ${event.agencyId ?? null}, ${storableText(event.ip, 100)}, ${storableText(event.method, 10)}, ${storableText(event.route, 200)},
      ${storableText(event.url, 500)}, ${JSON.stringify(details)}::jsonb)
    on conflict (bucket_key) do update set count = e.count + 1, last_at = greatest(e.last_at, excluded.last_at)`.execute(db.withTables<AuditTables>());
}

export interface SecurityEventQuery {
  agencyId?: string;
  kind?: string;
  from?: Date;
  to?: Date;
  beforeId?: number;
  limit: number;
}

/** Newest first, paged by id. */
export async function listSecurityEvents(db: Db, query: SecurityEventQuery) {
  let q = db.withTables<AuditTables>().selectFrom('security_event').selectAll().orderBy('id', 'desc').limit(query.limit);
  if (query.agencyId) q = q.where('agency_id', '=', query.agencyId);
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.from) q = q.where('last_at', '>=', query.from);
  if (query.to) q = q.where('first_at', '<', query.to);
  if (query.beforeId) q = q.where('id', '<', query.beforeId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    firstAt: r.first_at.toISOString(),
    lastAt: r.last_at.toISOString(),
    count: r.count,
    kind: r.kind,
    code: r.code,
    actorId: r.actor_id,
    actorName: r.actor_name,
    agencyId: r.agency_id,
    ip: r.ip,
    method: r.method,
    route: r.route,
    url: r.url,
    details: r.details,
  }));
}
export type SecurityEventView = Awaited<ReturnType<typeof listSecurityEvents>>[number];
