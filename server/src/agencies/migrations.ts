import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../infra/db/migrator.js';

export const agencyMigrations: Migrations = {
  '20261124T0010-agencies': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table agency (
          id uuid primary key default gen_random_uuid(),
          parent_id uuid references agency(id),
          code char(13) not null unique check (code ~ '^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$'),
          admin_code varchar(35) not null unique check (admin_code ~ '^[0-9A-Z]+(\.[0-9A-Z]+)*$'),
          name varchar(200) not null,
          abbreviation varchar(20) not null,
          address varchar(300) not null default '',
          email varchar(100),
          phone varchar(30),
          disabled boolean not null default false,
          created_at timestamptz not null,
          updated_at timestamptz not null,
          check (parent_id is null or parent_id <> id)
        )`.execute(db);
      await sql`create index agency_parent on agency (parent_id)`.execute(db);
      await sql`
        create table agency_unit (
          id uuid primary key default gen_random_uuid(),
          agency_id uuid not null references agency(id),
          name varchar(200) not null,
          abbreviation varchar(20) not null,
          disabled boolean not null default false,
          created_at timestamptz not null,
          updated_at timestamptz not null,
          unique (agency_id, abbreviation)
        )`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table agency_unit`.execute(db);
      await sql`drop table agency`.execute(db);
    },
  },
  '20261124T0061-agency-place-name': {
    // Địa danh on the documents the agency issues ("Thái Nguyên, ngày … tháng … năm …", Phụ lục I).
    async up(db: Kysely<unknown>) {
      await sql`alter table agency add column place_name varchar(50) not null default ''`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`alter table agency drop column place_name`.execute(db);
    },
  },
};
