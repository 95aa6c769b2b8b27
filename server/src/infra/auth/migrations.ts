import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../db/migrator.js';

export const authMigrations: Migrations = {
  '20261124T0003-auth-sessions': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table auth_session (
          id char(64) primary key,
          user_id uuid not null,
          csrf_token text not null,
          created_at timestamptz not null,
          last_seen_at timestamptz not null,
          expires_at timestamptz not null,
          revoked_at timestamptz,
          ip text,
          user_agent text
        )`.execute(db);
      await sql`create index auth_session_user on auth_session (user_id) where revoked_at is null`.execute(db);
      await sql`
        create table auth_throttle (
          key text primary key,
          failures integer not null default 0,
          window_start timestamptz not null,
          locked_until timestamptz
        )`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table auth_throttle`.execute(db);
      await sql`drop table auth_session`.execute(db);
    },
  },
  '20261208T0002-login-throttle-pairs': {
    async up(db: Kysely<unknown>) {
      // Locks now belong to (account, address) pairs; the old account-wide and address-wide locks end.
      await sql`delete from auth_throttle`.execute(db);
      await sql`alter table auth_throttle add column last_failure_at timestamptz`.execute(db);
      await sql`
        create table auth_known_address (
          username text not null,
          ip text not null,
          last_login_at timestamptz not null,
          primary key (username, ip)
        )`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table auth_known_address`.execute(db);
      await sql`alter table auth_throttle drop column last_failure_at`.execute(db);
    },
  },
};
