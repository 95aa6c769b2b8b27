import type { ColumnType, Generated } from 'kysely';

/** Fields of NĐ30 Appendix VI Part II, Mục II (văn bản đến), with their lengths; see schemas.ts. */
export type IncomingTables = {
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
    source: 'paper' | 'internal' | 'hub' | 'upload';
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
    status: 'registered' | 'cancelled';
    cancelled_at: Date | null;
    cancelled_by: string | null;
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
