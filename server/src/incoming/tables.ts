import type { ColumnType, Generated } from 'kysely';

/** What the signature check found, per signature, in Vietnamese (kept with the entry). */
export interface SignatureReport {
  indication: string;
  subIndication?: string;
  message: string;
  signatures: { indication: string; message: string; signer?: string; organization?: string; signingTime?: string }[];
}

/** Fields of NĐ30 Appendix VI Part II, Mục II (văn bản đến), with their lengths; see schemas.ts. */
export type IncomingSource = 'paper' | 'internal' | 'hub' | 'upload';

/** The envelope a deliverer sends with the files: what the clerk's registration form is filled from. */
export interface InboxEnvelope {
  issuerName: string;
  issuerCode: string | null;
  typeName: string;
  codeNumber: string;
  codeNotation: string;
  issuedDate: string;
  subject: string;
  signerPosition: string | null;
  signerName: string | null;
  urgency: number;
  toPlaces: string | null;
  dueDate: string | null;
  pageAmount: number | null;
  /** The appointed time of a Hỏa tốc hẹn giờ document (urgency 4). */
  urgentDeadline?: string | null;
  /** The recipients the sender addressed (edXML To), for the misaddressed check (Q-6.1d). */
  recipients?: { agencyCode?: string | null; name: string }[];
}

export type IncomingTables = {
  /** Delivered electronic documents waiting for the clerk (internal delivery now, the hub later). */
  incoming_inbox: {
    id: Generated<string>;
    agency_id: string;
    channel: 'internal' | 'hub';
    origin_ref: string;
    sender_agency_id: string | null;
    received_at: Date;
    envelope: ColumnType<InboxEnvelope, string, string>;
    main_file_id: string;
    attachment_file_ids: string[];
    state: 'pending' | 'registered' | 'returned' | 'recalled';
    document_id: string | null;
    reason: string | null;
    handled_by: string | null;
    handled_at: Date | null;
  };
  incoming_document: {
    id: Generated<string>;
    agency_id: string;
    register_id: string;
    year: number;
    /** Số đến (ArrivalNumber) */
    arrival_number: number;
    /** Ngày đến (ArrivalDate), legal date */
    arrival_date: string;
    arrived_at: Date;
    registered_at: Date;
    registered_by: string;
    source: IncomingSource;
    sender_agency_id: string | null;
    /** Mã định danh văn bản, for the duplicate warning */
    document_identifier: string | null;
    issuer_code: string | null;
    issuer_name: string;
    type_name: string;
    code_number: string | null;
    code_notation: string | null;
    issued_date: string | null;
    subject: string;
    language: string;
    page_amount: number | null;
    description: string | null;
    signer_position: string | null;
    signer_name: string | null;
    /** 0 Thường, 1 Khẩn, 2 Thượng khẩn, 3 Hỏa tốc, 4 Hỏa tốc hẹn giờ */
    urgency: number;
    urgent_deadline: Date | null;
    to_places: string | null;
    due_date: string | null;
    signature_check: 'pending' | 'not_applicable' | 'valid' | 'invalid' | 'indeterminate';
    signature_report: ColumnType<SignatureReport | null, string | null, string | null>;
    status: 'registered' | 'cancelled';
    cancelled_at: Date | null;
    cancelled_by: string | null;
    inbox_id: Generated<string | null>;
    recalled_at: Generated<Date | null>;
    recall_reason: Generated<string | null>;
    recall_confirmed_at: Generated<Date | null>;
    recall_confirmed_by: Generated<string | null>;
    reply_notation: Generated<string | null>;
    cancel_reason: string | null;
    search: ColumnType<string, never, never>;
  };
  incoming_document_file: {
    document_id: string;
    file_id: string;
    role: 'main' | 'attachment';
    ordinal: number;
  };
};

/** Routing and processing: who handles the document, with deadlines and a timeline. */
export type RoutingTables = {
  incoming_routing: {
    document_id: string;
    agency_id: string;
    /** The head or deputy the clerk presented the document to */
    presented_to: string | null;
    presented_at: Date | null;
    directed_by: string | null;
    directed_at: Date | null;
    /** Ý kiến chỉ đạo */
    comment: string | null;
    deadline: string | null;
    /** Người theo dõi, đôn đốc (Q-11.3c) */
    follow_up_user_id: string | null;
    state: 'registered' | 'presented' | 'directed' | 'done';
  };
  incoming_assignment: {
    id: Generated<string>;
    document_id: string;
    agency_id: string;
    /** A unit-level assignment has a unit and no user; the unit head's hand-on to staff has both and a parent. */
    parent_id: string | null;
    unit_id: string | null;
    user_id: string | null;
    role: 'lead' | 'coordinate' | 'inform';
    deadline: string | null;
    state: 'open' | 'in_progress' | 'done' | 'recalled';
    assigned_by: string;
    assigned_at: Date;
    finished_at: Date | null;
    result: string | null;
  };
  incoming_event: {
    id: Generated<number>;
    document_id: string;
    at: Date;
    actor_id: string;
    kind: string;
    details: ColumnType<Record<string, unknown>, string, never>;
  };
};
