import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../infra/db/migrator.js';
import { appendixMigrations } from './appendix-migrations.js';
import { correctionMigrations } from './correction-migrations.js';
import { paperMigrations } from './paper-migrations.js';

/** The documents' tables; later changes live beside the code they serve, kept under their original names. */
export const outgoingMigrations: Migrations = {
  '20261124T0060-outgoing-documents': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table outgoing_series (
          id uuid primary key default gen_random_uuid(),
          agency_id uuid not null,
          code varchar(20) not null check (code <> ''),
          name varchar(200) not null,
          type_codes text[] not null default '{}',
          issuer_abbreviation varchar(30),
          unique (agency_id, code)
        )`.execute(db);
      await sql`
        create table outgoing_document (
          id uuid primary key default gen_random_uuid(),
          agency_id uuid not null,
          state text not null check (state in ('draft', 'submitted', 'returned', 'approved', 'signed', 'numbered', 'issued', 'recalled')),
          type_code varchar(5) not null,
          summary varchar(500) not null,
          drafting_unit_id uuid not null,
          drafter_id uuid not null,
          signer_id uuid not null,
          signer_authority varchar(5) not null default '',
          signer_position varchar(100) not null,
          urgency smallint not null default 0 check (urgency between 0 and 4),
          reply_deadline date,
          to_places varchar(2000) not null,
          paper_copies boolean not null default false,
          paper_reason varchar(2),
          series varchar(20) not null default '',
          reply_to_incoming_id uuid,
          current_version integer not null,
          approved_version integer,
          approved_by uuid,
          approved_at timestamptz,
          signed_file_id uuid,
          signed_at timestamptz,
          numbered_file_id uuid,
          issued_file_id uuid,
          register_id uuid,
          year smallint,
          number integer check (number > 0),
          notation varchar(30),
          issued_date date,
          numbered_at timestamptz,
          numbered_by uuid,
          issued_at timestamptz,
          recalled_at timestamptz,
          recall_reason varchar(500),
          created_at timestamptz not null,
          updated_at timestamptz not null,
          search tsvector generated always as (to_tsvector('vn', coalesce(notation, '') || ' ' || summary || ' ' || to_places)) stored,
          check (paper_copies = (paper_reason is not null)),
          check ((number is null) = (register_id is null) and (number is null) = (notation is null)),
          check (state not in ('numbered', 'issued', 'recalled') or number is not null),
          unique (register_id, number),
          unique (agency_id, year, number, notation)
        )`.execute(db);
      await sql`create index outgoing_document_agency on outgoing_document (agency_id, state, updated_at desc)`.execute(db);
      await sql`create index outgoing_document_search on outgoing_document using gin (search)`.execute(db);
      await sql`
        create table outgoing_version (
          document_id uuid not null references outgoing_document(id),
          version integer not null check (version > 0),
          source_file_id uuid not null,
          pdf_file_id uuid,
          conversion text not null check (conversion in ('not_needed', 'pending', 'done', 'failed')),
          conversion_error varchar(1000),
          note varchar(500),
          created_by uuid not null,
          created_at timestamptz not null,
          primary key (document_id, version)
        )`.execute(db);
      await sql`create index outgoing_version_pending on outgoing_version (created_at) where conversion = 'pending'`.execute(db);
      await sql`
        create table outgoing_comment (
          id uuid primary key default gen_random_uuid(),
          document_id uuid not null references outgoing_document(id),
          version integer not null,
          author_id uuid not null,
          body varchar(4000) not null,
          created_at timestamptz not null
        )`.execute(db);
      await sql`create index outgoing_comment_document on outgoing_comment (document_id, created_at)`.execute(db);
      await sql`
        create table outgoing_event (
          id uuid primary key default gen_random_uuid(),
          document_id uuid not null references outgoing_document(id),
          at timestamptz not null,
          actor_id uuid,
          kind varchar(40) not null,
          details jsonb not null default '{}'
        )`.execute(db);
      await sql`create index outgoing_event_document on outgoing_event (document_id, at)`.execute(db);
      await sql`
        create table outgoing_recipient (
          id uuid primary key default gen_random_uuid(),
          document_id uuid not null references outgoing_document(id),
          agency_id uuid,
          name varchar(300) not null,
          status text not null check (status in ('waiting_exchange', 'sent', 'delivered', 'received', 'returned', 'processing', 'finished', 'recalled', 'recall_confirmed')),
          arrival_number integer,
          reason varchar(500),
          updated_at timestamptz not null,
          unique (document_id, agency_id)
        )`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['outgoing_recipient', 'outgoing_event', 'outgoing_comment', 'outgoing_version', 'outgoing_document', 'outgoing_series']) {
        await sql`drop table ${sql.table(table)}`.execute(db);
      }
    },
  },
  ...appendixMigrations,
  ...paperMigrations,
  ...correctionMigrations,
};
