import { Type, type Static } from 'typebox';
import { CalendarDate } from '../infra/http/schemas.js';
import { PAPER_REASONS } from './document-types.js';
import { SigningRequest } from './signing-schemas.js';

/** Request and answer shapes of the seal step with appendices and of the paper path (Q-8.2c, Q-12.2b). */

const SignatureValue = Type.String({ minLength: 16, maxLength: 4096, description: 'Giá trị chữ ký (base64) do công cụ ký trả về' });
const AgentItem = Type.Object({ toBeSigned: Type.String(), algorithm: Type.String() });

export const SealRequest = Type.Intersect([
  Type.Omit(SigningRequest, ['request']),
  Type.Object({
    request: Type.Union([AgentItem, Type.Object({ items: Type.Array(AgentItem) })], {
      description: 'Tệp yêu cầu cho công cụ ký: một tệp như khi người ký ký; có phụ lục thì { items: [...] } theo thứ tự của "items" bên dưới',
    }),
    items: Type.Array(
      Type.Object({
        kind: Type.Union([Type.Literal('main'), Type.Literal('appendix')]),
        appendixId: Type.Union([Type.String(), Type.Null()]),
        title: Type.String(),
        digest: Type.String({ description: 'SHA-256 của thuộc tính ký, để đối chiếu với công cụ ký' }),
      }),
      { description: 'Các tệp được ký trong một lần: văn bản chính (hoặc bản quét bản gốc giấy), rồi từng phụ lục' },
    ),
  }),
]);

export const CompleteSeal = Type.Object({
  sessionId: Type.String({ format: 'uuid', description: 'sessionId của lần chuẩn bị gần nhất' }),
  signature: Type.Optional(SignatureValue),
  signatures: Type.Optional(Type.Array(SignatureValue, { minItems: 1, maxItems: 50, description: 'Có phụ lục: các chữ ký theo thứ tự của yêu cầu ký (câu trả lời của công cụ ký)' })),
  certificateChain: Type.Optional(Type.Array(Type.String({ maxLength: 20000 }), { maxItems: 10 })),
});

export const PaperNumber = Type.Object({
  paperReason: Type.Union(Object.keys(PAPER_REASONS).map((k) => Type.Literal(k)), { description: 'Lý do phát hành bản giấy (điểm a–đ); phải trùng lý do đã duyệt nếu dự thảo đã ghi' }),
  signedOn: Type.Optional(CalendarDate('Ngày người ký ký bản giấy; mặc định hôm nay')),
});
export type PaperNumber = Static<typeof PaperNumber>;

export const PaperScan = Type.Object({ fileId: Type.String({ format: 'uuid', description: 'Bản quét PDF của bản gốc giấy đã ký, cấp số, đóng dấu' }) });
export const ScanAccepted = Type.Object({ pages: Type.Number(), pdfVersion: Type.Union([Type.String(), Type.Null()]) });

export const Numbered = Type.Object({ year: Type.Number(), number: Type.Number(), notation: Type.String(), numberAndNotation: Type.String() });
export const PaperNumbered = Type.Intersect([Numbered, Type.Object({ placeDate: Type.String({ description: 'Địa danh, ngày tháng năm để ghi lên bản giấy' }) })]);
