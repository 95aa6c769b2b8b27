import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../infra/db/migrator.js';

export const paperMigrations: Migrations = {
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
};
