import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../infra/db/migrator.js';

export const signingMigrations: Migrations = {
  '20261124T0060-signing-trust-list': {
    async up(db: Kysely<unknown>) {
      // The trust list: root and intermediate CAs whose certificates anchor a valid signature.
      await sql`
        create table signing_trust_anchor (
          id uuid primary key default gen_random_uuid(),
          name varchar(200) not null,
          subject text not null,
          fingerprint char(64) not null unique,
          certificate bytea not null,
          not_after timestamptz not null,
          added_by uuid not null,
          added_at timestamptz not null,
          disabled_at timestamptz
        )`.execute(db);
      // Revocation lists imported by the admin (or fetched by a job later); without one a certificate's status is unknown.
      await sql`
        create table signing_crl (
          id uuid primary key default gen_random_uuid(),
          issuer text not null,
          crl bytea not null,
          this_update timestamptz not null,
          next_update timestamptz,
          added_by uuid not null,
          added_at timestamptz not null,
          unique (issuer, this_update)
        )`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table signing_crl`.execute(db);
      await sql`drop table signing_trust_anchor`.execute(db);
    },
  },
};
