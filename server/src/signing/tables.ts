import type { ColumnType, Generated } from 'kysely';

export type SigningTables = {
  signing_trust_anchor: {
    id: Generated<string>;
    name: string;
    subject: string;
    /** SHA-256 of the DER certificate, hex */
    fingerprint: string;
    certificate: Buffer;
    not_after: Date;
    added_by: string;
    added_at: Date;
    disabled_at: Date | null;
  };
  signing_crl: {
    id: Generated<string>;
    issuer: string;
    crl: Buffer;
    this_update: Date;
    next_update: Date | null;
    added_by: string;
    added_at: Date;
  };
  /** Thiết bị lưu khóa bí mật của cơ quan */
  signing_key_device: {
    id: Generated<string>;
    agency_id: string;
    kind: 'token' | 'hsm' | 'remote';
    label: string;
    serial_number: string;
    added_by: string;
    added_at: Date;
    retired_at: Date | null;
  };
  /** Chứng thư số: the organisation's (on a device) or a person's (owner) */
  signing_certificate: {
    id: Generated<string>;
    agency_id: string;
    device_id: string | null;
    owner_user_id: string | null;
    subject: string;
    serial_number: string;
    issuer: string;
    not_before: Date;
    not_after: Date;
    fingerprint: string;
    certificate: Buffer;
    added_by: string;
    added_at: Date;
    /** The account at the remote signing service holding the key, once used. */
    remote_account: ColumnType<string | null, string | null | undefined, string | null>;
    /** The challenge whose signature proved possession of the key; null for registrations made before proofs were required. */
    proof_id: ColumnType<string | null, string | null | undefined, string | null>;
  };
  /** A one-time challenge to sign before registering a certificate (proof of possession, Q-5.1). */
  signing_registration_challenge: {
    id: string;
    agency_id: string;
    user_id: string;
    device_id: string | null;
    fingerprint: string;
    certificate: Buffer;
    /** The exact bytes to sign (agent/registration.ts challengeText). */
    challenge: Buffer;
    created_at: Date;
    expires_at: Date;
    used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
    signature: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
    certificate_id: ColumnType<string | null, string | null | undefined, string | null>;
    remote_account: ColumnType<string | null, string | null | undefined, string | null>;
    remote_transaction: ColumnType<string | null, string | null | undefined, string | null>;
  };
  /** The head's written assignment of a device to a clerk; effective once the handover is recorded (Q-5.2, Q-5.3c) */
  signing_device_assignment: {
    id: Generated<string>;
    device_id: string;
    agency_id: string;
    holder_id: string;
    decision_number: string;
    decision_date: string;
    decision_file_id: string | null;
    handover_file_id: string;
    assigned_by: string;
    created_at: Date;
    effective_at: Date | null;
    ended_at: Date | null;
  };
  signing_session: {
    id: Generated<string>;
    agency_id: string;
    user_id: string;
    certificate_id: string;
    purpose: 'personal' | 'organisation';
    object_type: string;
    object_id: string;
    prepared: Buffer;
    to_be_signed: Buffer;
    created_at: Date;
    expires_at: Date;
    completed_at: Date | null;
  };
  /** A person's handwritten signature (ảnh chữ ký), a checked transparent blue PNG; one per person (Q-8.2a). */
  signing_signature_image: {
    user_id: string;
    agency_id: string;
    file_id: string;
    width: number;
    height: number;
    uploaded_by: string;
    uploaded_at: Date;
  };
  /** A check of a stored file's signatures, kept with the file. */
  signing_verification: {
    id: Generated<number>;
    file_id: string;
    agency_id: string | null;
    checked_at: Date;
    checked_by: string | null;
    indication: 'VALID' | 'INVALID' | 'INDETERMINATE';
    report: ColumnType<unknown, string, never>;
  };
  /** The agency's seal (ảnh con dấu), a checked transparent red PNG, and its real diameter; one per agency (Q-8.2a). */
  signing_seal_image: {
    agency_id: string;
    file_id: string;
    diameter_mm: number;
    width: number;
    height: number;
    uploaded_by: string;
    uploaded_at: Date;
  };
};
