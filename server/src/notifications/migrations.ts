import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../infra/db/migrator.js';

export const notificationMigrations: Migrations = {
  '20261124T0050-notifications': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table notification (
          id uuid primary key default gen_random_uuid(),
          user_id uuid not null,
          agency_id uuid not null,
          kind varchar(40) not null,
          title varchar(500) not null,
          link varchar(300),
          urgent boolean not null default false,
          dedupe_key varchar(200),
          created_at timestamptz not null,
          read_at timestamptz,
          unique (user_id, dedupe_key)
        )`.execute(db);
      await sql`create index notification_user on notification (user_id, read_at, created_at desc)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table notification`.execute(db);
    },
  },
};
