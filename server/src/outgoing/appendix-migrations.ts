import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../infra/db/migrator.js';

export const appendixMigrations: Migrations = {
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
};
