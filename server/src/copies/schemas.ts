import { Type, type Static, type TSchema } from 'typebox';
import { Uuid, NonBlank } from '../infra/http/schemas.js';

/** Request and answer shapes of the copies routes (validation, response filtering, OpenAPI). */

const Form = Type.Union([Type.Literal('SAO Y'), Type.Literal('SAO LỤC'), Type.Literal('TRÍCH SAO')], { description: 'Hình thức sao' });
const Pages = Type.Object(
  { from: Type.Integer({ minimum: 1, maximum: 10000 }), to: Type.Integer({ minimum: 1, maximum: 10000 }) },
  { description: 'Trích sao: các trang được sao (từ trang … đến trang …, tính từ 1); chỉ dùng với TRÍCH SAO và bắt buộc với nó' },
);
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const PrepareDigitised = Type.Object({
  incomingId: Uuid,
  form: Form,
  certificateId: Type.String({ format: 'uuid', description: 'Chứng thư số trên thiết bị của cơ quan do văn thư đang giữ' }),
  pages: Type.Optional(Pages),
});
export type PrepareDigitised = Static<typeof PrepareDigitised>;

export const DigitisedRequest = Type.Object({
  copyId: Type.String({ description: 'Bản sao đang chờ ký số' }),
  sessionId: Type.String(),
  request: Type.Object({ toBeSigned: Type.String(), algorithm: Type.String() }, { description: 'Tệp yêu cầu cho công cụ ký' }),
  digest: Type.String({ description: 'SHA-256 của thuộc tính ký, để đối chiếu với công cụ ký' }),
  certificate: Type.Object({ subject: Type.String(), serialNumber: Type.String() }),
});

export const CompleteDigitised = Type.Object({
  sessionId: Uuid,
  signature: Type.String({ minLength: 16, maxLength: 4096, description: 'Giá trị chữ ký (base64) do công cụ ký trả về' }),
  certificateChain: Type.Optional(Type.Array(Type.String({ maxLength: 20000 }), { maxItems: 10 })),
});
export type CompleteDigitised = Static<typeof CompleteDigitised>;

export const PrintCopy = Type.Object({
  incomingId: Uuid,
  form: Form,
  signerId: Type.String({ format: 'uuid', description: 'Người ký bản sao (ký tay trên bản in)' }),
  signerPosition: Type.Optional(NonBlank(200, { minLength: 2, description: 'Chức vụ ghi trên bản sao; mặc định chức vụ của người ký' })),
  signerAuthority: Type.Optional(Type.String({ maxLength: 200, description: 'Quyền hạn ký, ví dụ "TL. GIÁM ĐỐC"; in trên dòng chức vụ' })),
  toPlaces: NonBlank(2000, { minLength: 2, description: 'Nơi nhận: mỗi dòng một nơi (hoặc ngăn cách bằng dấu ";")' }),
  pages: Type.Optional(Pages),
});
export type PrintCopy = Static<typeof PrintCopy>;

export const Copy = Type.Object({
  id: Type.String(),
  agencyId: Type.String(),
  sourceType: Type.Literal('incoming'),
  sourceId: Type.String(),
  form: Form,
  direction: Type.Union([Type.Literal('digitised'), Type.Literal('printed')], { description: 'digitised = bản giấy → điện tử (ký số); printed = điện tử → bản giấy' }),
  state: Type.Union([Type.Literal('prepared'), Type.Literal('signed'), Type.Literal('printed')], { description: 'prepared = chờ ký số' }),
  pages: Nullable(Pages),
  year: Nullable(Type.Number()),
  number: Nullable(Type.Number()),
  notation: Nullable(Type.String({ description: 'Ký hiệu bản sao, ví dụ SY-SNV' })),
  numberAndNotation: Nullable(Type.String({ description: 'Ví dụ 05/SY-SNV' })),
  signer: Nullable(Type.Object({ userId: Type.String(), position: Type.String(), name: Type.String() })),
  toPlaces: Nullable(Type.String()),
  fileId: Nullable(Type.String({ description: 'Tệp bản sao: tải tại /api/files/{fileId}/content' })),
  signingSessionId: Nullable(Type.String()),
  madeBy: Type.String(),
  madeAt: Type.String({ description: 'Bản sao điện tử: thời điểm ký số ghi trên dấu; bản in: lúc tạo tệp' }),
});
export type Copy = Static<typeof Copy>;

export const PrintedCopy = Type.Object({ copy: Copy, fileId: Type.String() });

export const ListCopiesQuery = Type.Object({ sourceType: Type.Literal('incoming'), sourceId: Uuid });
export type ListCopiesQuery = Static<typeof ListCopiesQuery>;
