import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../db/migrator.js';

export const storageMigrations: Migrations = {
  '20261124T0002-storage-stored-file': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table stored_file (
          id uuid primary key default gen_random_uuid(),
          agency_id uuid not null,
          sha256 char(64) not null check (sha256 ~ '^[0-9a-f]{64}$'),
          size bigint not null check (size >= 0),
          format text not null,
          media_type text not null,
          original_name text not null check (length(original_name) between 1 and 255),
          created_by uuid,
          created_at timestamptz not null
        )`.execute(db);
      await sql`create index stored_file_sha256 on stored_file (sha256)`.execute(db);
      await sql`create index stored_file_agency on stored_file (agency_id, created_at)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table stored_file`.execute(db);
    },
  },
};
