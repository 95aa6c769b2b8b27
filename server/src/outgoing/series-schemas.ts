import { Type, type Static } from 'typebox';
import { NonBlank } from '../infra/http/schemas.js';

export const SeriesFields = {
  name: NonBlank(200, { minLength: 2, description: 'Tên sổ, ví dụ "Sổ văn bản của Hội đồng thi đua - khen thưởng"' }),
  typeCodes: Type.Array(Type.String({ maxLength: 5 }), { maxItems: 29, uniqueItems: true, description: 'Loại văn bản đánh số theo sổ này (mã Phụ lục III), có thể để trống' }),
  issuerAbbreviation: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 30, pattern: '^[A-ZĐ0-9][A-ZĐ0-9.&-]*$' }), Type.Null()], { description: 'Chữ viết tắt của hội đồng, ban ban hành bằng con dấu của cơ quan' })),
};
export const SeriesInput = Type.Object({ agencyId: Type.Optional(Type.String({ format: 'uuid', description: 'Cơ quan của sổ; mặc định cơ quan của người khai báo' })), code: Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9_-]+$', description: 'Mã sổ (không đổi được)' }), ...SeriesFields });
export type SeriesInput = Static<typeof SeriesInput>;
export const SeriesUpdate = Type.Object(SeriesFields);
export const Series = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), typeCodes: Type.Array(Type.String()), issuerAbbreviation: Type.Union([Type.String(), Type.Null()]) });
export type Series = Static<typeof Series>;
