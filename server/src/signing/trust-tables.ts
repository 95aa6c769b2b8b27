import type { Generated } from 'kysely';

export type TrustTables = {
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
};
