import type { Generated } from 'kysely';
import type { CopyForm } from '../signing/index.js';

/** Where a copy comes from; only incoming documents for now (outgoing and dossiers later). */
export type CopySourceType = 'incoming';
/** digitised = paper → electronic, signed by the agency (Q-11.2b); printed = electronic → paper (Q-11.2c). */
export type CopyDirection = 'digitised' | 'printed';
/** prepared = waiting for the agency's signature; signed = digitised copy made; printed = file ready to print. */
export type CopyState = 'prepared' | 'signed' | 'printed';

export type CopyTables = {
  /** Bản sao văn bản: one row per copy made (NĐ 30 Điều 25–27). */
  document_copy: {
    id: Generated<string>;
    agency_id: string;
    source_type: CopySourceType;
    /** No foreign key: the source belongs to another module. */
    source_id: string;
    form: CopyForm;
    direction: CopyDirection;
    state: CopyState;
    /** Trích sao: the pages kept (1-based, inclusive); null for a full copy. */
    page_from: number | null;
    page_to: number | null;
    /** Số bản sao: one yearly series for all forms; null until the copy is made. */
    register_id: string | null;
    year: number | null;
    number: number | null;
    /** Ký hiệu bản sao, e.g. "SY-SNV". */
    notation: string | null;
    /** Printed copies: who signs by hand under the block. */
    signer_user_id: string | null;
    signer_position: string | null;
    signer_name: string | null;
    to_places: string | null;
    file_id: string | null;
    /** Digitised copies: the organisation signing session. */
    signing_session_id: string | null;
    made_by: string;
    /** Digitised: the signing time shown in the stamp; printed: when the file was made. */
    made_at: Date;
  };
};
