import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../infra/db/migrator.js';
import { correctionMigrations } from './correction-migrations.js';

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
  '20261124T0070-outgoing-appendices': {
    async up(db: Kysely<unknown>) {
      // Appendices belong to a draft version: the approved version is the text with exactly these files.
      await sql`
        create table outgoing_appendix (
          id uuid primary key default gen_random_uuid(),
          document_id uuid not null,
          version integer not null,
          ordinal smallint not null check (ordinal between 1 and 50),
          title varchar(300) not null,
          source_file_id uuid not null,
          pdf_file_id uuid,
          conversion text not null check (conversion in ('not_needed', 'pending', 'done', 'failed')),
          conversion_error varchar(1000),
          sealed_file_id uuid,
          foreign key (document_id, version) references outgoing_version (document_id, version),
          unique (document_id, version, ordinal)
        )`.execute(db);
      await sql`create index outgoing_appendix_pending on outgoing_appendix (document_id) where conversion = 'pending'`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table outgoing_appendix`.execute(db);
    },
  },
  '20261124T0071-outgoing-paper-path': {
    async up(db: Kysely<unknown>) {
      // Which path the original took (Q-12.2b), the paper original's facts, the open seal sessions.
      await sql`
        alter table outgoing_document
          add column issue_path text not null default 'electronic' check (issue_path in ('electronic', 'paper')),
          add column place_date varchar(200),
          add column paper_signed_on date,
          add column paper_signed_by uuid,
          add column paper_scan_file_id uuid,
          add column paper_scanned_at timestamptz,
          add column paper_scanned_by uuid,
          add column seal_session_ids uuid[],
          add constraint outgoing_document_paper_facts check (issue_path = 'paper' or (paper_signed_on is null and paper_scan_file_id is null)),
          add constraint outgoing_document_paper_reason check (issue_path = 'electronic' or paper_reason is not null)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      for (const column of ['issue_path', 'place_date', 'paper_signed_on', 'paper_signed_by', 'paper_scan_file_id', 'paper_scanned_at', 'paper_scanned_by', 'seal_session_ids']) {
        await sql`alter table outgoing_document drop column ${sql.ref(column)}`.execute(db);
      }
    },
  },
  ...correctionMigrations,
};
