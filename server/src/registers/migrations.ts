import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../infra/db/migrator.js';

export const registerMigrations: Migrations = {
  '20261124T0030-registers': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table register (
          id uuid primary key default gen_random_uuid(),
          agency_id uuid not null,
          kind varchar(30) not null,
          series varchar(30) not null default '',
          year smallint not null check (year between 1900 and 2199),
          name varchar(200) not null,
          next_number integer not null default 1 check (next_number >= 1),
          created_at timestamptz not null,
          unique (agency_id, kind, series, year)
        )`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table register`.execute(db);
    },
  },
};
