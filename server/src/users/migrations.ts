import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../infra/db/migrator.js';

export const userMigrations: Migrations = {
  '20261124T0020-users': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table app_user (
          id uuid primary key default gen_random_uuid(),
          agency_id uuid not null,
          unit_id uuid,
          username varchar(100) not null unique check (username = lower(username) and username ~ '^[a-z0-9][a-z0-9._-]*$'),
          full_name varchar(200) not null,
          position_title varchar(200),
          email varchar(100),
          phone varchar(30),
          roles text[] not null default '{}',
          password_hash text not null,
          disabled_at timestamptz,
          created_at timestamptz not null,
          updated_at timestamptz not null
        )`.execute(db);
      await sql`create index app_user_agency on app_user (agency_id, unit_id)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table app_user`.execute(db);
    },
  },
};
