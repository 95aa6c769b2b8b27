import { Type } from 'typebox';

/** What the signer's and the clerk's signing steps send and get back (Q-8.2a, Q-12.2a). */

const Uuid = Type.String({ format: 'uuid' });

/** A box on a page in PDF points from its lower-left corner (Q-8.2a: where the image goes). */
const PageBox = Type.Object(
  {
    page: Type.Integer({ minimum: 1, maximum: 10000, description: 'Trang (từ 1)' }),
    x: Type.Number({ minimum: 0, maximum: 15000 }),
    y: Type.Number({ minimum: 0, maximum: 15000 }),
    width: Type.Number({ exclusiveMinimum: 0, maximum: 15000 }),
    height: Type.Number({ exclusiveMinimum: 0, maximum: 15000 }),
  },
  { description: 'Vùng đặt ảnh (điểm PDF, gốc ở góc dưới trái). Người ký: vùng ảnh chữ ký; văn thư: tâm con dấu, con dấu giữ kích thước thật' },
);

export const StartSigning = Type.Object({ certificateId: Uuid, box: Type.Optional(PageBox) });
export const CompleteSigning = Type.Object({
  sessionId: Uuid,
  signature: Type.String({ minLength: 16, maxLength: 4096, description: 'Giá trị chữ ký (base64) do công cụ ký trả về' }),
  certificateChain: Type.Optional(Type.Array(Type.String({ maxLength: 20000 }), { maxItems: 10 })),
});

export const SigningRequest = Type.Object({
  sessionId: Type.String(),
  request: Type.Object({ toBeSigned: Type.String(), algorithm: Type.String() }),
  digest: Type.String(),
  certificate: Type.Object({ subject: Type.String(), serialNumber: Type.String() }),
  placement: Type.Optional(
    Type.Union([Type.Literal('found'), Type.Literal('given'), Type.Literal('not_found'), Type.Literal('no_image')], {
      description: 'Ảnh chữ ký/con dấu: found = đặt theo quy định, given = theo vùng đã chọn, not_found = không tìm được chỗ (ký không hiện ảnh; có thể chọn vùng rồi chuẩn bị lại), no_image = chưa tải ảnh',
    }),
  ),
  box: Type.Optional(PageBox),
});

/** What the clerk sees before confirming the number (Q-12.1b). */
export const NumberPreview = Type.Object({ year: Type.Number(), number: Type.Number(), notation: Type.String(), numberAndNotation: Type.String(), placeDate: Type.String() });
