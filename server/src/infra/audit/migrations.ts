import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../db/migrator.js';

export const auditMigrations: Migrations = {
  '20261124T0001-audit-log': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table audit_log (
          seq bigint generated always as identity primary key,
          at timestamptz not null,
          actor_id uuid,
          actor_name text,
          agency_id uuid,
          action text not null,
          object_type text,
          object_id text,
          details jsonb not null default '{}'::jsonb,
          ip text,
          prev_hash text not null,
          hash text not null unique
        )`.execute(db);
      await sql`create index audit_log_agency_at on audit_log (agency_id, at)`.execute(db);
      await sql`create index audit_log_object on audit_log (object_type, object_id)`.execute(db);
      // Append-only: the log refuses changes even from the application's own role.
      await sql`
        create function audit_log_refuse_change() returns trigger language plpgsql as $$
        begin
          raise exception 'audit_log is append-only (%)', tg_op using errcode = 'insufficient_privilege';
        end $$`.execute(db);
      await sql`create trigger audit_log_no_update before update or delete on audit_log
        for each row execute function audit_log_refuse_change()`.execute(db);
      await sql`create trigger audit_log_no_truncate before truncate on audit_log
        for each statement execute function audit_log_refuse_change()`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table audit_log`.execute(db);
      await sql`drop function audit_log_refuse_change`.execute(db);
    },
  },
  '20261208T0001-security-events': {
    async up(db: Kysely<unknown>) {
      // Refused attempts (Q-18.4, Q-24.4đ): identical events of one minute share a row and a count,
      // so that a flood grows a number, not the table.
      await sql`
        create table security_event (
          id bigint generated always as identity primary key,
          bucket_key text not null unique,
          first_at timestamptz not null,
          last_at timestamptz not null,
          count integer not null default 1,
          kind text not null,
          code text,
          actor_id uuid,
          actor_name text,
          agency_id uuid,
          ip text,
          method text,
          route text,
          url text,
          details jsonb not null default '{}'::jsonb
        )`.execute(db);
      await sql`create index security_event_at on security_event (first_at)`.execute(db);
      await sql`create index security_event_agency_at on security_event (agency_id, first_at)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table security_event`.execute(db);
    },
  },
};
