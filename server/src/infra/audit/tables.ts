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

export type AuditTables = {
  audit_log: AuditLogTable;
}
