import { Type, type Static } from 'typebox';
import { CalendarDate, Offset, NonBlank } from '../infra/http/schemas.js';
import { PAPER_REASONS, SIGNER_AUTHORITIES, TYPE_CODES } from './document-types.js';
import { Appendices, Appendix } from './appendix-schemas.js';
import { CorrectedBy, CorrectionFields, Corrects } from './correction-schemas.js';

const Uuid = Type.String({ format: 'uuid' });
const DateStr = CalendarDate();
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const ToPlaces = (description: string) => NonBlank(2000, { minLength: 2, description });

/** What the drafter fills in (NĐ 30 Phụ lục VI, văn bản đi; ). */
const draftProperties = {
  typeCode: Type.Union(TYPE_CODES.map((c) => Type.Literal(c)), { description: 'Loại văn bản (29 loại theo Nghị định 30/2020)' }),
  summary: NonBlank(500, { minLength: 5, description: 'Trích yếu nội dung' }),
  draftingUnitId: Type.Optional(Uuid),
  signerId: Type.String({ format: 'uuid', description: 'Người ký' }),
  signerAuthority: Type.Optional(Type.Union(SIGNER_AUTHORITIES.map((a) => Type.Literal(a)), { description: 'TM., KT., TL., TUQ., Q. hoặc để trống' })),
  signerPosition: NonBlank(100, { minLength: 2, description: 'Chức vụ người ký, như ghi trên văn bản' }),
  urgency: Type.Optional(Type.Integer({ minimum: 0, maximum: 3, description: '0 Thường, 1 Khẩn, 2 Thượng khẩn, 3 Hỏa tốc' })),
  replyDeadline: Type.Optional(Nullable(DateStr)),
  recipientAgencyIds: Type.Optional(Type.Array(Uuid, { maxItems: 500, uniqueItems: true, description: 'Cơ quan nhận trong hệ thống' })),
  externalRecipients: Type.Optional(Type.Array(NonBlank(300, { minLength: 2 }), { maxItems: 200, description: 'Nơi nhận ngoài hệ thống (gửi qua trục liên thông)' })),
  paperReason: Type.Optional(Nullable(Type.Union(Object.keys(PAPER_REASONS).map((k) => Type.Literal(k)), { description: 'Lý do gửi kèm bản giấy (điểm a–đ)' }))),
  series: Type.Optional(Type.String({ maxLength: 20, description: 'Sổ (hệ số) riêng, nếu có' })),
  replyToIncomingId: Type.Optional(Nullable(Uuid)),
  ...CorrectionFields,
};
export const DraftFields = Type.Object({ ...draftProperties, toPlaces: ToPlaces('Nơi nhận, như in ở cuối văn bản') });
export type DraftFields = Static<typeof DraftFields>;

/** A correcting draft sent with neither recipient list, or without "Nơi nhận", takes the original's (Q-12.3d). */
export const CreateDraft = Type.Object({
  ...draftProperties,
  toPlaces: Type.Optional(ToPlaces('Nơi nhận, như in ở cuối văn bản; bắt buộc, trừ văn bản sửa sai: bỏ trống thì lấy của văn bản được thay thế, sửa đổi')),
  fileId: Type.String({ format: 'uuid', description: 'Tệp dự thảo (.docx, .odt, .doc, .rtf hoặc .pdf)' }),
  appendices: Type.Optional(Appendices('Phụ lục là tệp riêng')),
});
export type CreateDraft = Static<typeof CreateDraft>;

export const UpdateDraft = Type.Partial(DraftFields);
export type UpdateDraft = Static<typeof UpdateDraft>;

export const NewVersion = Type.Object({
  fileId: Uuid,
  note: Type.Optional(Type.String({ maxLength: 500 })),
  appendices: Type.Optional(Appendices('Phụ lục của phiên bản mới; bỏ trống thì giữ phụ lục của phiên bản trước, [] thì bỏ hết')),
});
export type NewVersion = Static<typeof NewVersion>;
export const CommentBody = Type.Object({ body: NonBlank(4000) });
export const ReasonBody = Type.Object({ reason: NonBlank(500, { minLength: 5 }) });

const Recipient = Type.Object({
  id: Type.String(),
  agencyId: Nullable(Type.String()),
  name: Type.String(),
  status: Type.String({ description: 'waiting_exchange, sent, delivered, received, returned, processing, finished, recalled, recall_confirmed' }),
  statusLabel: Type.String(),
  arrivalNumber: Nullable(Type.Number()),
  reason: Nullable(Type.String()),
  updatedAt: Type.String(),
});

const Version = Type.Object({
  version: Type.Number(),
  sourceFileId: Type.String(),
  pdfFileId: Nullable(Type.String()),
  conversion: Type.String({ description: 'not_needed, pending, done, failed' }),
  conversionError: Nullable(Type.String()),
  note: Nullable(Type.String()),
  createdBy: Type.String(),
  createdAt: Type.String(),
  appendices: Type.Array(Appendix, { description: 'Phụ lục là tệp riêng của phiên bản này (Q-8.2c)' }),
});

export const OutgoingSummary = Type.Object({
  id: Type.String(),
  state: Type.String(),
  stateLabel: Type.String(),
  typeCode: Type.String(),
  typeName: Type.String(),
  summary: Type.String(),
  draftingUnitId: Type.String(),
  drafterId: Type.String(),
  signerId: Type.String(),
  signerAuthority: Type.String(),
  signerPosition: Type.String(),
  urgency: Type.Number(),
  replyDeadline: Nullable(Type.String()),
  toPlaces: Type.String(),
  paperReason: Nullable(Type.String()),
  series: Type.String(),
  replyToIncomingId: Nullable(Type.String()),
  correctsId: Nullable(Type.String({ description: 'Văn bản mà văn bản này thay thế hoặc sửa đổi, bổ sung' })),
  correctionKind: Nullable(Type.String({ description: 'replace: thay thế; amend: sửa đổi, bổ sung' })),
  currentVersion: Type.Number(),
  approvedVersion: Nullable(Type.Number()),
  year: Nullable(Type.Number()),
  number: Nullable(Type.Number()),
  notation: Nullable(Type.String()),
  /** "12/QĐ-SNV" */
  numberAndNotation: Nullable(Type.String()),
  issuedDate: Nullable(Type.String()),
  signedFileId: Nullable(Type.String()),
  numberedFileId: Nullable(Type.String()),
  issuedFileId: Nullable(Type.String()),
  issuedAt: Nullable(Type.String()),
  recalledAt: Nullable(Type.String()),
  recallReason: Nullable(Type.String()),
  issuePath: Type.String({ description: 'electronic: bản gốc điện tử; paper: bản gốc giấy, bản điện tử là bản số hóa (Q-12.2b)' }),
  placeDate: Nullable(Type.String({ description: 'Địa danh, ngày tháng năm ghi khi cấp số' })),
  paperSignedOn: Nullable(Type.String({ description: 'Ngày người ký ký bản giấy' })),
  paperSignedBy: Nullable(Type.String()),
  paperScanFileId: Nullable(Type.String({ description: 'Bản quét bản gốc giấy đã ký, đóng dấu' })),
  paperScannedAt: Nullable(Type.String()),
  paperScannedBy: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type OutgoingSummary = Static<typeof OutgoingSummary>;

export const OutgoingDetail = Type.Intersect([
  OutgoingSummary,
  Type.Object({
    versions: Type.Array(Version),
    recipients: Type.Array(Recipient),
    comments: Type.Array(Type.Object({ id: Type.String(), version: Type.Number(), authorId: Type.String(), body: Type.String(), createdAt: Type.String() })),
    events: Type.Array(Type.Object({ at: Type.String(), actorId: Nullable(Type.String()), kind: Type.String(), details: Type.Unknown() })),
    corrects: Corrects,
    correctedBy: CorrectedBy,
  }),
]);
export type OutgoingDetail = Static<typeof OutgoingDetail>;

export const ListOutgoingQuery = Type.Object({
  queue: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('approve'), Type.Literal('sign'), Type.Literal('issue'), Type.Literal('issued')], { description: 'mine: của tôi; approve: chờ duyệt; sign: chờ ký; issue: chờ phát hành; issued: đã phát hành' })),
  state: Type.Optional(Type.String({ maxLength: 20 })),
  year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2199 })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Tìm theo số, ký hiệu, trích yếu, nơi nhận (có hoặc không dấu)' })),
  delivery: Type.Optional(
    Type.Union([Type.Literal('pending'), Type.Literal('returned'), Type.Literal('done')], {
      description: 'Chỉ văn bản đã phát hành: pending = còn nơi nhận chưa vào sổ đến; returned = có nơi nhận trả lại; done = mọi nơi nhận đã vào sổ đến trở lên',
    }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Offset),
});
export type ListOutgoingQuery = Static<typeof ListOutgoingQuery>;
