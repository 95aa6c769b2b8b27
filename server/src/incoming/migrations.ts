import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../infra/db/migrator.js';

export const incomingMigrations: Migrations = {
  '20261124T0040-incoming-documents': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table incoming_document (
          id uuid primary key default gen_random_uuid(),
          agency_id uuid not null,
          register_id uuid not null,
          year smallint not null,
          arrival_number integer not null check (arrival_number > 0),
          arrival_date date not null,
          arrived_at timestamptz not null,
          registered_at timestamptz not null,
          registered_by uuid not null,
          source text not null check (source in ('paper', 'internal', 'hub', 'upload')),
          sender_agency_id uuid,
          document_identifier varchar(100),
          issuer_code varchar(13),
          issuer_name varchar(200) not null,
          type_name varchar(100) not null,
          code_number varchar(11),
          code_notation varchar(30),
          issued_date date,
          subject varchar(500) not null,
          language varchar(30) not null default 'Tiếng Việt',
          page_amount smallint check (page_amount between 1 and 999),
          description varchar(500),
          signer_position varchar(100),
          signer_name varchar(50),
          urgency smallint not null default 0 check (urgency between 0 and 4),
          urgent_deadline timestamptz,
          to_places varchar(1000),
          due_date date,
          signature_check text not null check (signature_check in ('pending', 'not_applicable', 'valid', 'invalid', 'indeterminate')),
          status text not null default 'registered' check (status in ('registered', 'cancelled')),
          cancelled_at timestamptz,
          cancelled_by uuid,
          cancel_reason varchar(500),
          search tsvector generated always as (to_tsvector('vn',
            coalesce(code_number, '') || ' ' || coalesce(code_notation, '') || ' ' || issuer_name || ' ' || type_name || ' ' || subject || ' ' || coalesce(signer_name, ''))) stored,
          unique (register_id, arrival_number),
          check ((status = 'cancelled') = (cancelled_at is not null))
        )`.execute(db);
      await sql`create index incoming_document_agency on incoming_document (agency_id, year, arrival_number desc)`.execute(db);
      await sql`create index incoming_document_search on incoming_document using gin (search)`.execute(db);
      await sql`create index incoming_document_identity on incoming_document (agency_id, year, code_number, code_notation)`.execute(db);
      await sql`
        create table incoming_document_file (
          document_id uuid not null references incoming_document(id),
          file_id uuid not null,
          role text not null check (role in ('main', 'attachment')),
          ordinal smallint not null,
          primary key (document_id, file_id)
        )`.execute(db);
      await sql`create unique index incoming_document_one_main on incoming_document_file (document_id) where role = 'main'`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table incoming_document_file`.execute(db);
      await sql`drop table incoming_document`.execute(db);
    },
  },
  '20261124T0041-incoming-routing': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table incoming_routing (
          document_id uuid primary key references incoming_document(id),
          agency_id uuid not null,
          presented_to uuid,
          presented_at timestamptz,
          directed_by uuid,
          directed_at timestamptz,
          comment varchar(2000),
          deadline date,
          follow_up_user_id uuid,
          state text not null check (state in ('registered', 'presented', 'directed', 'done'))
        )`.execute(db);
      await sql`
        create table incoming_assignment (
          id uuid primary key default gen_random_uuid(),
          document_id uuid not null references incoming_document(id),
          agency_id uuid not null,
          parent_id uuid references incoming_assignment(id),
          unit_id uuid,
          user_id uuid,
          role text not null check (role in ('lead', 'coordinate', 'inform')),
          deadline date,
          state text not null check (state in ('open', 'in_progress', 'done', 'recalled')),
          assigned_by uuid not null,
          assigned_at timestamptz not null,
          finished_at timestamptz,
          result varchar(2000),
          check (unit_id is not null or user_id is not null)
        )`.execute(db);
      // Exactly one live lead at the top level (Q-11.3b).
      await sql`create unique index incoming_assignment_one_lead on incoming_assignment (document_id)
        where role = 'lead' and parent_id is null and state <> 'recalled'`.execute(db);
      await sql`create index incoming_assignment_user on incoming_assignment (user_id, state)`.execute(db);
      await sql`create index incoming_assignment_unit on incoming_assignment (unit_id, state)`.execute(db);
      await sql`
        create table incoming_event (
          id bigint generated always as identity primary key,
          document_id uuid not null references incoming_document(id),
          at timestamptz not null,
          actor_id uuid not null,
          kind varchar(40) not null,
          details jsonb not null default '{}'::jsonb
        )`.execute(db);
      await sql`create index incoming_event_document on incoming_event (document_id, id)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table incoming_event`.execute(db);
      await sql`drop table incoming_assignment`.execute(db);
      await sql`drop table incoming_routing`.execute(db);
    },
  },
  '20261124T0042-incoming-signature-report': {
    async up(db: Kysely<unknown>) {
      // The verifier's result for the main file, kept with the entry (Q-6.1d, Q-4.1).
      await sql`alter table incoming_document add column signature_report jsonb`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`alter table incoming_document drop column signature_report`.execute(db);
    },
  },
  '20261124T0062-incoming-inbox': {
    async up(db: Kysely<unknown>) {
      // Electronic documents delivered to the agency, waiting for its clerk to register or return them (Q-6.1d).
      await sql`
        create table incoming_inbox (
          id uuid primary key default gen_random_uuid(),
          agency_id uuid not null,
          channel text not null check (channel in ('internal', 'hub')),
          origin_ref uuid not null,
          sender_agency_id uuid,
          received_at timestamptz not null,
          envelope jsonb not null,
          main_file_id uuid not null,
          attachment_file_ids uuid[] not null default '{}',
          state text not null check (state in ('pending', 'registered', 'returned', 'recalled')),
          document_id uuid references incoming_document(id),
          reason varchar(500),
          handled_by uuid,
          handled_at timestamptz,
          unique (channel, origin_ref)
        )`.execute(db);
      await sql`create index incoming_inbox_pending on incoming_inbox (agency_id, state, received_at)`.execute(db);
      // Where a registered document came from, so its status flows back; and its recall (Q-12.3c).
      await sql`alter table incoming_document add column inbox_id uuid references incoming_inbox(id)`.execute(db);
      await sql`alter table incoming_document add column recalled_at timestamptz`.execute(db);
      await sql`alter table incoming_document add column recall_reason varchar(500)`.execute(db);
      await sql`alter table incoming_document add column recall_confirmed_at timestamptz`.execute(db);
      await sql`alter table incoming_document add column recall_confirmed_by uuid`.execute(db);
      // The outgoing document that answers it (Sổ theo dõi giải quyết, column "Số, ký hiệu văn bản trả lời").
      await sql`alter table incoming_document add column reply_notation varchar(42)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      for (const column of ['inbox_id', 'recalled_at', 'recall_reason', 'recall_confirmed_at', 'recall_confirmed_by', 'reply_notation']) {
        await sql`alter table incoming_document drop column ${sql.ref(column)}`.execute(db);
      }
      await sql`drop table incoming_inbox`.execute(db);
    },
  },
  '20261125T0100-incoming-duplicate-probe': {
    // The duplicate warning looks entries up by identifier, and by number and symbol without case.
    async up(db: Kysely<unknown>) {
      await sql`create index incoming_document_identifier on incoming_document (agency_id, year, document_identifier) where document_identifier is not null`.execute(db);
      // Replaces the case-sensitive index, which the check could use only by agency and year.
      await sql`drop index incoming_document_identity`.execute(db);
      await sql`create index incoming_document_code on incoming_document (agency_id, year, upper(code_number), upper(code_notation))`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop index incoming_document_code`.execute(db);
      await sql`create index incoming_document_identity on incoming_document (agency_id, year, code_number, code_notation)`.execute(db);
      await sql`drop index incoming_document_identifier`.execute(db);
    },
  },
  '20261126T0100-incoming-never-deleted': {
    // A registered entry keeps its số đến for ever (Q-11.1b): a mistake is cancelled, never deleted.
    // The database refuses DELETE and TRUNCATE even from the application's own role.
    async up(db: Kysely<unknown>) {
      await sql`
        create function incoming_document_refuse_delete() returns trigger language plpgsql as $$
        begin
          raise exception 'incoming_document entries are never deleted (%); cancel the entry instead', tg_op using errcode = 'insufficient_privilege';
        end $$`.execute(db);
      await sql`create trigger incoming_document_no_delete before delete on incoming_document
        for each row execute function incoming_document_refuse_delete()`.execute(db);
      await sql`create trigger incoming_document_no_truncate before truncate on incoming_document
        for each statement execute function incoming_document_refuse_delete()`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop trigger incoming_document_no_truncate on incoming_document`.execute(db);
      await sql`drop trigger incoming_document_no_delete on incoming_document`.execute(db);
      await sql`drop function incoming_document_refuse_delete`.execute(db);
    },
  },
};
