/** Shapes of the outgoing-documents API (tag `outgoing` of the OpenAPI). */

export type OutgoingState = 'draft' | 'submitted' | 'returned' | 'approved' | 'signed' | 'numbered' | 'issued' | 'recalled';
export type OutgoingQueue = 'mine' | 'approve' | 'sign' | 'issue' | 'issued';
export type Conversion = 'not_needed' | 'pending' | 'done' | 'failed';

export interface OutgoingSummary {
  id: string;
  state: OutgoingState | string;
  stateLabel: string;
  typeCode: string;
  typeName: string;
  summary: string;
  draftingUnitId: string;
  drafterId: string;
  signerId: string;
  signerAuthority: string;
  signerPosition: string;
  urgency: number;
  replyDeadline: string | null;
  toPlaces: string;
  paperReason: string | null;
  series: string;
  replyToIncomingId: string | null;
  correctsId: string | null;
  correctionKind: 'replace' | 'amend' | null;
  delivery?: DeliveryCounts;
  /** electronic: the signed electronic original; paper: a hand-signed original, its scan sealed as SAO Y (Q-12.2b). */
  issuePath: 'electronic' | 'paper' | string;
  placeDate: string | null;
  paperSignedOn: string | null;
  paperScanFileId: string | null;
  currentVersion: number;
  approvedVersion: number | null;
  year: number | null;
  number: number | null;
  notation: string | null;
  /** "12/QĐ-SNV" once numbered. */
  numberAndNotation: string | null;
  issuedDate: string | null;
  signedFileId: string | null;
  numberedFileId: string | null;
  issuedFileId: string | null;
  issuedAt: string | null;
  recalledAt: string | null;
  recallReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OutgoingVersion {
  version: number;
  sourceFileId: string;
  pdfFileId: string | null;
  conversion: Conversion | string;
  conversionError: string | null;
  note: string | null;
  createdBy: string;
  createdAt: string;
  appendices: OutgoingAppendix[];
}

/** A phụ lục in a separate file (Q-8.2c): converted like the draft, sealed with the document at issue. */
export interface OutgoingAppendix {
  id: string;
  ordinal: number;
  title: string;
  sourceFileId: string;
  pdfFileId: string | null;
  conversion: Conversion | string;
  conversionError: string | null;
  sealedFileId: string | null;
}

export interface OutgoingRecipient {
  id: string;
  agencyId: string | null;
  name: string;
  status: string;
  statusLabel: string;
  arrivalNumber: number | null;
  reason: string | null;
  updatedAt: string;
}

export interface OutgoingComment {
  id: string;
  version: number;
  authorId: string;
  body: string;
  createdAt: string;
}

export interface OutgoingEvent {
  at: string;
  actorId: string | null;
  kind: string;
  details: unknown;
}

export interface OutgoingDetail extends OutgoingSummary {
  versions: OutgoingVersion[];
  recipients: OutgoingRecipient[];
  comments: OutgoingComment[];
  events: OutgoingEvent[];
  corrects: CorrectionLink | null;
  correctedBy: (CorrectionLink & { issuedAt: string; recalledAt: string | null })[];
}

/** GET /api/outgoing/types: the catalogues the drafting form offers. */
export interface OutgoingCatalog {
  types: { code: string; name: string }[];
  /** "" (none), "TM.", "KT.", "TL.", "TUQ.", "Q." */
  authorities: string[];
  /** Points a–đ: why the document is also sent on paper. */
  paperReasons: Record<string, string>;
}

export interface OutgoingSeries {
  id: string;
  code: string;
  name: string;
  typeCodes: string[];
  issuerAbbreviation: string | null;
}

export interface DraftFields {
  typeCode: string;
  summary: string;
  draftingUnitId?: string;
  signerId: string;
  signerAuthority?: string;
  signerPosition: string;
  urgency?: number;
  replyDeadline?: string | null;
  recipientAgencyIds?: string[];
  externalRecipients?: string[];
  toPlaces: string;
  paperReason?: string | null;
  series?: string;
  correctsId?: string | null;
  correctionKind?: 'replace' | 'amend' | null;
  replyToIncomingId?: string | null;
}

export interface AppendixInput {
  fileId: string;
  title?: string;
}

export interface CreateOutgoingInput extends DraftFields {
  appendices?: AppendixInput[];
  fileId: string;
}

export interface NumberPreview {
  year: number;
  number: number;
  notation: string;
  numberAndNotation: string;
  placeDate: string;
}

export type DeliveryFilter = 'pending' | 'returned' | 'done';

export interface OutgoingFilters {
  queue: OutgoingQueue;
  q?: string;
  year?: number;
  delivery?: DeliveryFilter;
}

/** Recipients of an issued document by where they stand (the sum is `total`). */
export interface DeliveryCounts {
  total: number;
  waiting: number;
  delivered: number;
  received: number;
  returned: number;
  processing: number;
  finished: number;
  recalled: number;
}

export interface CorrectionLink {
  id: string;
  numberAndNotation: string;
  kind: 'replace' | 'amend';
  /** "Thay thế văn bản 03/QĐ-SNV", "Đã bị thay thế bởi 05/QĐ-SNV" … */
  label: string;
}
