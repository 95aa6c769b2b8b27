import type { Generated } from 'kysely';

export type OutgoingState = 'draft' | 'submitted' | 'returned' | 'approved' | 'signed' | 'numbered' | 'issued' | 'recalled';
/** How the original was made: signed electronically (Q-12.2a), or signed on paper and digitised (Q-12.2b). */
export type IssuePath = 'electronic' | 'paper';
export type Conversion = 'not_needed' | 'pending' | 'done' | 'failed';
/** Thay thế or sửa đổi, bổ sung: how a new document corrects an issued one (Q-12.3d). */
export type CorrectionKind = 'replace' | 'amend';
export type RecipientStatus = 'waiting_exchange' | 'sent' | 'delivered' | 'received' | 'returned' | 'processing' | 'finished' | 'recalled' | 'recall_confirmed';

export type OutgoingTables = {
  /** Văn bản đi, from the first draft to its issue and, perhaps, its recall. */
  outgoing_document: {
    id: Generated<string>;
    agency_id: string;
    state: OutgoingState;
    type_code: string;
    summary: string;
    drafting_unit_id: string;
    drafter_id: string;
    signer_id: string;
    signer_authority: string;
    signer_position: string;
    urgency: number;
    reply_deadline: string | null;
    to_places: string;
    paper_copies: boolean;
    paper_reason: string | null;
    series: string;
    reply_to_incoming_id: string | null;
    current_version: number;
    approved_version: number | null;
    approved_by: string | null;
    approved_at: Date | null;
    /** The PDF as the signer signed it, then as numbered, then as issued with the seal. */
    signed_file_id: string | null;
    signed_at: Date | null;
    numbered_file_id: string | null;
    issued_file_id: string | null;
    register_id: string | null;
    year: number | null;
    number: number | null;
    notation: string | null;
    issued_date: string | null;
    numbered_at: Date | null;
    numbered_by: string | null;
    issued_at: Date | null;
    recalled_at: Date | null;
    recall_reason: string | null;
    created_at: Date;
    updated_at: Date;
    issue_path: Generated<IssuePath>;
    /** "Thái Nguyên, ngày 05 tháng 01 năm 2026" as numbered: written into the PDF, or by hand on paper. */
    place_date: Generated<string | null>;
    /** Paper path: the approved signer signed the paper original on this (legal) date. */
    paper_signed_on: Generated<string | null>;
    paper_signed_by: Generated<string | null>;
    /** Paper path: the scan of the signed and sealed paper original, checked against Q-11.2b. */
    paper_scan_file_id: Generated<string | null>;
    paper_scanned_at: Generated<Date | null>;
    paper_scanned_by: Generated<string | null>;
    /** The latest seal preparation: the main document's signing session, then one per appendix. */
    seal_session_ids: Generated<string[] | null>;
    /** The issued document this one replaces or amends; the relation lives only here, so the corrected row never changes. */
    corrects_id: Generated<string | null>;
    correction_kind: Generated<CorrectionKind | null>;
  };
  /** Every version of the draft is kept. */
  outgoing_version: {
    document_id: string;
    version: number;
    source_file_id: string;
    pdf_file_id: string | null;
    conversion: Conversion;
    conversion_error: string | null;
    note: string | null;
    created_by: string;
    created_at: Date;
  };
  /** Phụ lục in a separate file (Q-8.2c): part of one draft version, approved with it, sealed at issue. */
  outgoing_appendix: {
    id: Generated<string>;
    document_id: string;
    version: number;
    ordinal: number;
    title: string;
    source_file_id: string;
    pdf_file_id: string | null;
    conversion: Conversion;
    conversion_error: string | null;
    /** The appendix with the agency's signature and stamp, as issued. */
    sealed_file_id: string | null;
  };
  outgoing_comment: {
    id: Generated<string>;
    document_id: string;
    version: number;
    author_id: string;
    body: string;
    created_at: Date;
  };
  outgoing_event: {
    id: Generated<string>;
    document_id: string;
    at: Date;
    actor_id: string | null;
    kind: string;
    details: unknown;
  };
  /** One row per recipient: an agency of this deployment, or an external one reached through the exchange. */
  outgoing_recipient: {
    id: Generated<string>;
    document_id: string;
    agency_id: string | null;
    name: string;
    status: RecipientStatus;
    arrival_number: number | null;
    reason: string | null;
    updated_at: Date;
  };
  /** Numbering series configured as data (councils, legal normative documents); '' is the agency's default. */
  outgoing_series: {
    id: Generated<string>;
    agency_id: string;
    code: string;
    name: string;
    type_codes: string[];
    issuer_abbreviation: string | null;
  };
};
