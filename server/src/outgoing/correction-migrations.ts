import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../infra/db/migrator.js';

export const correctionMigrations: Migrations = {
  '20261124T0090-outgoing-corrections': {
    async up(db: Kysely<unknown>) {
      // A correction points at the document it corrects (Q-12.3d); the corrected row is never
      // written again, and "corrected by" is read back through the index below.
      await sql`
        alter table outgoing_document
          add column corrects_id uuid references outgoing_document(id),
          add column correction_kind text check (correction_kind in ('replace', 'amend')),
          add constraint outgoing_document_correction check ((corrects_id is null) = (correction_kind is null) and corrects_id <> id)`.execute(db);
      await sql`create index outgoing_document_corrects on outgoing_document (corrects_id) where corrects_id is not null`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop index outgoing_document_corrects`.execute(db);
      await sql`alter table outgoing_document drop column corrects_id, drop column correction_kind`.execute(db);
    },
  },
};
