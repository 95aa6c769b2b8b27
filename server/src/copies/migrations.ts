import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../infra/db/migrator.js';

export const copyMigrations: Migrations = {
  '20261124T0085-document-copies': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table document_copy (
          id uuid primary key default gen_random_uuid(),
          agency_id uuid not null,
          source_type varchar(20) not null check (source_type in ('incoming')),
          source_id uuid not null,
          form varchar(12) not null check (form in ('SAO Y', 'SAO LỤC', 'TRÍCH SAO')),
          direction varchar(10) not null check (direction in ('digitised', 'printed')),
          state varchar(10) not null check (state in ('prepared', 'signed', 'printed')),
          page_from integer check (page_from >= 1),
          page_to integer check (page_to >= page_from),
          register_id uuid,
          year smallint,
          number integer check (number >= 1),
          notation varchar(40),
          signer_user_id uuid,
          signer_position varchar(200),
          signer_name varchar(200),
          to_places varchar(2000),
          file_id uuid,
          signing_session_id uuid unique,
          made_by uuid not null,
          made_at timestamptz not null,
          unique (agency_id, year, number),
          check ((state = 'prepared') = (number is null)),
          check (direction = 'digitised' or state = 'printed'),
          check ((form = 'TRÍCH SAO') = (page_from is not null and page_to is not null))
        )`.execute(db);
      await sql`create index document_copy_source on document_copy (agency_id, source_type, source_id)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table document_copy`.execute(db);
    },
  },
};
