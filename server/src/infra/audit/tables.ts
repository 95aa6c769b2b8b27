import type { Generated, ColumnType } from 'kysely';

export interface AuditLogTable {
  seq: Generated<number>;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  agency_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface SecurityEventTable {
  id: Generated<number>;
  /** minute ‖ kind ‖ actor ‖ address ‖ route: one row per identical event per minute. */
  bucket_key: string;
  first_at: Date;
  last_at: Date;
  count: Generated<number>;
  kind: string;
  code: string | null;
  actor_id: string | null;
  actor_name: string | null;
  /** The agency concerned: the actor's, or for a failed login the account's (its heads see it). */
  agency_id: string | null;
  ip: string | null;
  method: string | null;
  route: string | null;
  url: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
}

export type AuditTables = {
  audit_log: AuditLogTable;
  security_event: SecurityEventTable;
}
