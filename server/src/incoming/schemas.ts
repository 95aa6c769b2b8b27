import { Type, type Static } from 'typebox';
import { BoundedInt, CalendarDate, Moment, Offset, NonBlank } from '../infra/http/schemas.js';

/** Urgency (độ khẩn) as edXML Priority codes. */
export const URGENCY_LABELS = ['Thường', 'Khẩn', 'Thượng khẩn', 'Hỏa tốc', 'Hỏa tốc hẹn giờ'] as const;
/** Secrecy (độ mật): anything but 'none' is refused. */
export const SECRECY = ['none', 'mat', 'toi_mat', 'tuyet_mat'] as const;
export const SECRECY_LABELS: Record<(typeof SECRECY)[number], string> = { none: 'Không', mat: 'Mật', toi_mat: 'Tối mật', tuyet_mat: 'Tuyệt mật' };

const Str = (maxLength: number, description: string) => Type.String({ maxLength, description });
const OptStr = (maxLength: number, description: string) => Type.Optional(Type.Union([Str(maxLength, description), Type.Null()]));
const DateStr = (description: string) => CalendarDate(description);
const Uuid = Type.String({ format: 'uuid' });

/** The clerk's input: NĐ30 Appendix VI Part II, Mục II, with its maximum lengths. */
export const RegisterIncoming = Type.Object({
  source: Type.Union([Type.Literal('paper'), Type.Literal('upload')], { description: 'paper: văn bản giấy; upload: văn bản điện tử tải lên' }),
  secrecy: Type.Optional(Type.Union(SECRECY.map((s) => Type.Literal(s)), { description: 'Độ mật; văn bản mật bị từ chối (Q-1.2)' })),
  documentIdentifier: OptStr(100, 'Mã định danh văn bản'),
  issuerCode: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}$', description: 'Mã định danh cơ quan ban hành (OrganId)' }), Type.Null()])),
  issuerName: NonBlank(200, { minLength: 2, description: 'Tên cơ quan, tổ chức ban hành văn bản (OrganName)' }),
  typeName: NonBlank(100, { minLength: 2, description: 'Tên loại văn bản (TypeName)' }),
  codeNumber: OptStr(11, 'Số của văn bản (CodeNumber)'),
  codeNotation: OptStr(30, 'Ký hiệu của văn bản (CodeNotation)'),
  issuedDate: Type.Optional(Type.Union([DateStr('Ngày, tháng, năm văn bản (IssuedDate)'), Type.Null()])),
  subject: NonBlank(500, { minLength: 2, description: 'Trích yếu nội dung (Subject)' }),
  language: Type.Optional(Str(30, 'Ngôn ngữ (Language)')),
  pageAmount: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 999, description: 'Số trang (PageAmount)' }), Type.Null()])),
  description: OptStr(500, 'Ghi chú (Description)'),
  signerPosition: OptStr(100, 'Chức vụ người ký (SignerInfo/Position)'),
  signerName: OptStr(50, 'Họ tên người ký (SignerInfo/FullName)'),
  urgency: Type.Optional(Type.Integer({ minimum: 0, maximum: 4, description: '0 Thường, 1 Khẩn, 2 Thượng khẩn, 3 Hỏa tốc, 4 Hỏa tốc hẹn giờ' })),
  urgentDeadline: Type.Optional(Type.Union([Moment('Giờ hẹn của văn bản Hỏa tốc hẹn giờ'), Type.Null()])),
  toPlaces: OptStr(1000, 'Đơn vị hoặc người nhận (ToPlaces)'),
  dueDate: Type.Optional(Type.Union([DateStr('Thời hạn giải quyết (DueDate)'), Type.Null()])),
  arrivedAt: Type.Optional(Moment('Thời điểm văn bản đến; mặc định: bây giờ')),
  mainFileId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  attachmentFileIds: Type.Optional(Type.Array(Uuid, { maxItems: 50, uniqueItems: true })),
  /** The clerk saw the duplicate warning and registers anyway. */
  acknowledgeDuplicate: Type.Optional(Type.Boolean()),
});
export type RegisterIncoming = Static<typeof RegisterIncoming>;

export const IncomingDocument = Type.Object({
  id: Type.String(),
  agencyId: Type.String(),
  year: Type.Number(),
  arrivalNumber: Type.Number({ description: 'Số đến' }),
  arrivalDate: Type.String({ description: 'Ngày đến' }),
  arrivedAt: Type.String({ format: 'date-time' }),
  registeredAt: Type.String({ format: 'date-time' }),
  registeredBy: Type.String(),
  source: Type.String(),
  documentIdentifier: Type.Union([Type.String(), Type.Null()]),
  issuerCode: Type.Union([Type.String(), Type.Null()]),
  issuerName: Type.String(),
  typeName: Type.String(),
  codeNumber: Type.Union([Type.String(), Type.Null()]),
  codeNotation: Type.Union([Type.String(), Type.Null()]),
  issuedDate: Type.Union([Type.String(), Type.Null()]),
  subject: Type.String(),
  language: Type.String(),
  pageAmount: Type.Union([Type.Number(), Type.Null()]),
  description: Type.Union([Type.String(), Type.Null()]),
  signerPosition: Type.Union([Type.String(), Type.Null()]),
  signerName: Type.Union([Type.String(), Type.Null()]),
  urgency: Type.Number(),
  urgencyLabel: Type.String(),
  urgentDeadline: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  toPlaces: Type.Union([Type.String(), Type.Null()]),
  dueDate: Type.Union([Type.String(), Type.Null()]),
  signatureCheck: Type.String({ description: 'pending, not_applicable, valid, indeterminate' }),
  signatureReport: Type.Union([
    Type.Object({
      indication: Type.String(),
      subIndication: Type.Optional(Type.String()),
      message: Type.String(),
      signatures: Type.Array(Type.Object({ indication: Type.String(), message: Type.String(), signer: Type.Optional(Type.String()), organization: Type.Optional(Type.String()), signingTime: Type.Optional(Type.String()) })),
    }),
    Type.Null(),
  ]),
  status: Type.String(),
  cancelledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  cancelReason: Type.Union([Type.String(), Type.Null()]),
  recall: Type.Union([Type.Object({ at: Type.String(), reason: Type.String(), confirmedAt: Type.Union([Type.String(), Type.Null()]) }, { description: 'Văn bản bị cơ quan ban hành thu hồi' }), Type.Null()]),
  replyNotation: Type.Union([Type.String({ description: 'Số, ký hiệu văn bản trả lời' }), Type.Null()]),
  files: Type.Array(Type.Object({ fileId: Type.String(), role: Type.String(), ordinal: Type.Number() })),
  routingState: Type.Union([Type.String({ description: 'registered, presented, directed, done' }), Type.Null()]),
});
export type IncomingDocument = Static<typeof IncomingDocument>;

export const ListIncomingQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2199 })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Tìm theo số, ký hiệu, cơ quan ban hành, trích yếu (có hoặc không dấu)' })),
  urgency: Type.Optional(Type.Integer({ minimum: 0, maximum: 4 })),
  status: Type.Optional(Type.Union([Type.Literal('registered'), Type.Literal('cancelled')])),
  routingState: Type.Optional(Type.Union([Type.Literal('registered'), Type.Literal('presented'), Type.Literal('directed'), Type.Literal('done')], { description: 'Chờ trình / chờ chỉ đạo / đang xử lý / xong' })),
  ids: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 200, description: 'Chỉ các văn bản này' })),
  returned: Type.Optional(Type.Boolean({ description: 'true: chỉ văn bản lãnh đạo đã trả lại văn thư và chưa trình lại (Bị trả lại); false: trừ các văn bản đó' })),
  fromNumber: Type.Optional(BoundedInt({ minimum: 1 })),
  toNumber: Type.Optional(BoundedInt({ minimum: 1 })),
  fromDate: Type.Optional(DateStr('Từ ngày đến (YYYY-MM-DD), tính cả ngày này')),
  toDate: Type.Optional(DateStr('Đến ngày đến (YYYY-MM-DD), tính cả ngày này; không trước fromDate')),
  issuedFrom: Type.Optional(DateStr('Ngày văn bản từ (YYYY-MM-DD); văn bản không ghi ngày bị loại')),
  issuedTo: Type.Optional(DateStr('Ngày văn bản đến (YYYY-MM-DD); không trước issuedFrom')),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Offset),
});
export type ListIncomingQuery = Static<typeof ListIncomingQuery>;

export const CancelIncoming = Type.Object({ reason: NonBlank(500, { minLength: 5, description: 'Lý do hủy đăng ký' }) });
