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
  '20261124T0061-signing-key-devices': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table signing_key_device (
          id uuid primary key default gen_random_uuid(),
          agency_id uuid not null,
          kind text not null check (kind in ('token', 'hsm', 'remote')),
          label varchar(200) not null,
          serial_number varchar(100) not null,
          added_by uuid not null,
          added_at timestamptz not null,
          retired_at timestamptz,
          unique (agency_id, serial_number)
        )`.execute(db);
      await sql`
        create table signing_certificate (
          id uuid primary key default gen_random_uuid(),
          agency_id uuid not null,
          device_id uuid references signing_key_device(id),
          owner_user_id uuid,
          subject text not null,
          serial_number varchar(100) not null,
          issuer text not null,
          not_before timestamptz not null,
          not_after timestamptz not null,
          fingerprint char(64) not null unique,
          certificate bytea not null,
          added_by uuid not null,
          added_at timestamptz not null,
          check ((device_id is null) <> (owner_user_id is null))
        )`.execute(db);
      await sql`
        create table signing_device_assignment (
          id uuid primary key default gen_random_uuid(),
          device_id uuid not null references signing_key_device(id),
          agency_id uuid not null,
          holder_id uuid not null,
          decision_number varchar(50) not null,
          decision_date date not null,
          decision_file_id uuid,
          handover_file_id uuid not null,
          assigned_by uuid not null,
          created_at timestamptz not null,
          effective_at timestamptz,
          ended_at timestamptz
        )`.execute(db);
      // One holder at a time: at most one effective, unended assignment per device.
      await sql`create unique index signing_device_one_holder on signing_device_assignment (device_id) where effective_at is not null and ended_at is null`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table signing_device_assignment`.execute(db);
      await sql`drop table signing_certificate`.execute(db);
      await sql`drop table signing_key_device`.execute(db);
    },
  },
  '20261124T0063-signing-sessions': {
    async up(db: Kysely<unknown>) {
      // A document prepared for a key that is not on the server, between prepare and complete.
      await sql`
        create table signing_session (
          id uuid primary key default gen_random_uuid(),
          agency_id uuid not null,
          user_id uuid not null,
          certificate_id uuid not null references signing_certificate(id),
          purpose text not null check (purpose in ('personal', 'organisation')),
          object_type varchar(40) not null,
          object_id uuid not null,
          prepared bytea not null,
          to_be_signed bytea not null,
          created_at timestamptz not null,
          expires_at timestamptz not null,
          completed_at timestamptz
        )`.execute(db);
      await sql`create index signing_session_object on signing_session (object_type, object_id)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table signing_session`.execute(db);
    },
  },
  '20261124T0064-signing-images': {
    async up(db: Kysely<unknown>) {
      // The images shown by visible signatures (Q-8.2a). Uploading again replaces the row; the
      // stored file stays, as every stored file does, and the audit log names each one.
      await sql`
        create table signing_signature_image (
          user_id uuid primary key,
          agency_id uuid not null,
          file_id uuid not null,
          width integer not null,
          height integer not null,
          uploaded_by uuid not null,
          uploaded_at timestamptz not null
        )`.execute(db);
      // One seal per agency: the seal is the agency's, whichever device makes its signature.
      await sql`
        create table signing_seal_image (
          agency_id uuid primary key,
          file_id uuid not null,
          diameter_mm double precision not null check (diameter_mm between 20 and 60),
          width integer not null,
          height integer not null,
          uploaded_by uuid not null,
          uploaded_at timestamptz not null
        )`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table signing_seal_image`.execute(db);
      await sql`drop table signing_signature_image`.execute(db);
    },
  },
  '20261125T0110-signing-verification-reports': {
    async up(db: Kysely<unknown>) {
      // Every check of a stored file's signatures, kept with the file: what was found, when, by whom.
      await sql`
        create table signing_verification (
          id bigserial primary key,
          file_id uuid not null,
          agency_id uuid,
          checked_at timestamptz not null,
          checked_by uuid,
          indication text not null check (indication in ('VALID', 'INVALID', 'INDETERMINATE')),
          report jsonb not null
        )`.execute(db);
      await sql`create index signing_verification_file on signing_verification (file_id, checked_at desc)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table signing_verification`.execute(db);
    },
  },
  '20261125T0111-signing-remote-account': {
    // The account at the remote signing service that holds this certificate's key, kept after
    // its first use so the person need not type it again on another computer.
    async up(db: Kysely<unknown>) {
      await sql`alter table signing_certificate add column remote_account varchar(128)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`alter table signing_certificate drop column remote_account`.execute(db);
    },
  },
  '20261208T0120-signing-certificate-proof-of-possession': {
    async up(db: Kysely<unknown>) {
      // One-time challenges for registering a certificate: the key holder signs one to prove
      // possession. In the database, not in memory, so any node checks what another issued. A used
      // one keeps the proof (the exact bytes signed and the value) next to the certificate it registered.
      await sql`
        create table signing_registration_challenge (
          id uuid primary key,
          agency_id uuid not null,
          user_id uuid not null,
          device_id uuid references signing_key_device(id),
          fingerprint char(64) not null,
          certificate bytea not null,
          challenge bytea not null,
          created_at timestamptz not null,
          expires_at timestamptz not null,
          used_at timestamptz,
          signature bytea,
          certificate_id uuid references signing_certificate(id),
          remote_account varchar(128),
          remote_transaction varchar(200)
        )`.execute(db);
      await sql`create index signing_registration_challenge_user on signing_registration_challenge (user_id, expires_at)`.execute(db);
      // A certificate was unique across the deployment, so whoever registered it first blocked its real
      // holder and a 409 told other agencies it was known. Now unique per holder: once per person, once
      // per device; registrations elsewhere neither block nor show. Rows from before keep proof_id null.
      await sql`alter table signing_certificate drop constraint signing_certificate_fingerprint_key`.execute(db);
      await sql`create unique index signing_certificate_personal on signing_certificate (owner_user_id, fingerprint) where owner_user_id is not null`.execute(db);
      await sql`create unique index signing_certificate_on_device on signing_certificate (device_id, fingerprint) where device_id is not null`.execute(db);
      await sql`create index signing_certificate_fingerprint on signing_certificate (fingerprint)`.execute(db);
      await sql`alter table signing_certificate add column proof_id uuid references signing_registration_challenge(id)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`alter table signing_certificate drop column proof_id`.execute(db);
      await sql`drop index signing_certificate_fingerprint`.execute(db);
      await sql`drop index signing_certificate_on_device`.execute(db);
      await sql`drop index signing_certificate_personal`.execute(db);
      await sql`alter table signing_certificate add constraint signing_certificate_fingerprint_key unique (fingerprint)`.execute(db);
      await sql`drop table signing_registration_challenge`.execute(db);
    },
  },
};
