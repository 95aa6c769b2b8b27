/** Shapes of the incoming-documents API (tags `incoming` and `incoming-routing` of the OpenAPI). */

export type Urgency = 0 | 1 | 2 | 3 | 4;
export type Secrecy = 'none' | 'mat' | 'toi_mat' | 'tuyet_mat';
export type Source = 'paper' | 'upload';

export interface DocumentFile {
  fileId: string;
  role: 'main' | 'attachment' | string;
  ordinal: number;
}

export interface IncomingDocument {
  id: string;
  agencyId: string;
  year: number;
  arrivalNumber: number;
  /** Legal date (Vietnam time), YYYY-MM-DD. */
  arrivalDate: string;
  arrivedAt: string;
  registeredAt: string;
  registeredBy: string;
  source: Source | string;
  documentIdentifier: string | null;
  issuerCode: string | null;
  issuerName: string;
  typeName: string;
  codeNumber: string | null;
  codeNotation: string | null;
  issuedDate: string | null;
  subject: string;
  language: string;
  pageAmount: number | null;
  description: string | null;
  signerPosition: string | null;
  signerName: string | null;
  urgency: number;
  urgencyLabel: string;
  urgentDeadline: string | null;
  toPlaces: string | null;
  dueDate: string | null;
  signatureCheck: string;
  status: 'registered' | 'cancelled' | string;
  cancelledAt: string | null;
  cancelReason: string | null;
  files: DocumentFile[];
  /** Set when the issuing agency recalled the document; the clerk confirms it. */
  recall: { at: string; reason: string; confirmedAt: string | null } | null;
  /** Số, ký hiệu of the outgoing document that answered this one. */
  replyNotation: string | null;
  /** Where presenting and direction stand; null only for entries made before routing existed. */
  routingState: RoutingState | null;
}

export interface RegisterIncomingInput {
  source: Source;
  secrecy?: Secrecy;
  documentIdentifier?: string | null;
  issuerCode?: string | null;
  issuerName: string;
  typeName: string;
  codeNumber?: string | null;
  codeNotation?: string | null;
  issuedDate?: string | null;
  subject: string;
  language?: string;
  pageAmount?: number | null;
  description?: string | null;
  signerPosition?: string | null;
  signerName?: string | null;
  urgency?: Urgency;
  urgentDeadline?: string | null;
  toPlaces?: string | null;
  dueDate?: string | null;
  arrivedAt?: string;
  mainFileId?: string | null;
  attachmentFileIds?: string[];
  acknowledgeDuplicate?: boolean;
}

/** What the 409 DUPLICATE_SUSPECTED refusal lists in `details.matches`. */
export interface DuplicateMatch {
  id: string;
  arrivalNumber: number;
  codeNumber: string | null;
  codeNotation: string | null;
  issuerName: string;
  subject: string;
}

export interface IncomingFilters {
  year?: number;
  q?: string;
  urgency?: number;
  status?: 'registered' | 'cancelled';
  routingState?: RoutingState;
  /** true: sent back to the clerk by the head and not presented again; false: all but those. */
  returned?: boolean;
  fromNumber?: number;
  toNumber?: number;
  /** Ngày đến, YYYY-MM-DD, both bounds included. */
  fromDate?: string;
  toDate?: string;
  /** Ngày văn bản, YYYY-MM-DD, both bounds included. */
  issuedFrom?: string;
  issuedTo?: string;
}

/** What POST /api/incoming/prefill reads from a PDF: suggestions for the clerk to confirm. */
export interface Prefill {
  issuerCode?: string;
  codeNumber?: string;
  codeNotation?: string;
  issuedDate?: string;
  issuerName?: string;
  typeName?: string;
  subject?: string;
  signerName?: string;
  pageAmount?: number;
}

/** POST /api/incoming/scan-check: a paper document's scan against the digitisation standard (Q-11.2b). */
export interface ScanReport {
  ok: boolean;
  version: string | null;
  pages: number;
  problems: { page?: number; code: string; message: string }[];
}

export type RoutingState = 'registered' | 'presented' | 'directed' | 'done';
export type AssignmentRole = 'lead' | 'coordinate' | 'inform';
export type AssignmentState = 'open' | 'in_progress' | 'done' | 'recalled';

export interface Assignment {
  id: string;
  documentId: string;
  parentId: string | null;
  unitId: string | null;
  userId: string | null;
  role: AssignmentRole | string;
  deadline: string | null;
  state: AssignmentState | string;
  assignedBy: string;
  assignedAt: string;
  finishedAt: string | null;
  result: string | null;
  dueSoon: boolean;
  overdue: boolean;
}

export interface Routing {
  documentId: string;
  state: RoutingState | string;
  presentedTo: string | null;
  presentedAt: string | null;
  directedBy: string | null;
  directedAt: string | null;
  comment: string | null;
  deadline: string | null;
  followUpUserId: string | null;
  assignments: Assignment[];
}

export interface TimelineEvent {
  at: string;
  actorId: string;
  kind: string;
  details: unknown;
}

export interface MyTasks {
  assignments: Assignment[];
  awaitingDirection: string[];
  followUp: Assignment[];
}

/** A unit or a person of the agency, as the direction form sends it. */
export interface Target {
  unitId?: string;
  userId?: string;
  deadline?: string;
}

export interface DirectInput {
  lead: Target;
  coordinating?: Target[];
  inform?: Target[];
  comment?: string;
  deadline?: string;
  followUpUserId?: string;
}

/** One entry of GET /api/incoming/late: registered or presented later than NĐ30 allows. */
export interface LateDocument {
  documentId: string;
  arrivalNumber: number;
  urgency: number;
  subject: string;
  late: { step: 'register' | 'present' | string; limit: string; actual: string | null; hoursLate: number }[];
}

export type InboxState = 'pending' | 'registered' | 'returned' | 'recalled';

/** One electronic document delivered to the agency, waiting for the clerk (GET /api/incoming/inbox). */
export interface InboxItem {
  id: string;
  channel: string;
  senderAgencyId: string | null;
  receivedAt: string;
  envelope: {
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
  };
  mainFileId: string;
  attachmentFileIds: string[];
  state: InboxState | string;
  documentId: string | null;
  reason: string | null;
}
