import { Type, type Static } from 'typebox';
import { NonBlank } from '../infra/http/schemas.js';

export const AGENCY_CODE_PATTERN = '^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}$';
export const ADMIN_CODE_PATTERN = '^[0-9A-Z]+(\\.[0-9A-Z]+)*$';
const Abbreviation = Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9A-ZĐ]+$', description: 'Chữ viết tắt dùng trong ký hiệu văn bản' });
const Name = NonBlank(200, { minLength: 2 });

export const Agency = Type.Object({
  id: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  code: Type.String({ description: 'Mã định danh QCVN 102:2016 (13 ký tự)' }),
  adminCode: Type.String({ description: 'Mã định danh theo Quyết định 20/2020/QĐ-TTg' }),
  name: Type.String(),
  abbreviation: Type.String(),
  address: Type.String(),
  placeName: Type.String({ description: 'Địa danh ghi trên văn bản ban hành' }),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  disabled: Type.Boolean(),
});
export type Agency = Static<typeof Agency>;

export const Unit = Type.Object({
  id: Type.String(),
  agencyId: Type.String(),
  name: Type.String(),
  abbreviation: Type.String(),
  disabled: Type.Boolean(),
});
export type Unit = Static<typeof Unit>;

export const AgencyDetail = Type.Intersect([Agency, Type.Object({ units: Type.Array(Unit) })]);

export const CreateAgency = Type.Object({
  parentId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  code: Type.String({ pattern: AGENCY_CODE_PATTERN }),
  adminCode: Type.String({ maxLength: 35, pattern: ADMIN_CODE_PATTERN }),
  name: Name,
  abbreviation: Abbreviation,
  address: Type.Optional(Type.String({ maxLength: 300 })),
  placeName: Type.Optional(Type.String({ maxLength: 50 })),
  email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 100 }), Type.Null()])),
  phone: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
});
export type CreateAgency = Static<typeof CreateAgency>;

export const UpdateAgency = Type.Partial(Type.Intersect([Type.Omit(CreateAgency, ['code']), Type.Object({ disabled: Type.Boolean() })]));
export type UpdateAgency = Static<typeof UpdateAgency>;

export const CreateUnit = Type.Object({ name: Name, abbreviation: Abbreviation });
export type CreateUnit = Static<typeof CreateUnit>;
export const UpdateUnit = Type.Partial(Type.Object({ name: Name, abbreviation: Abbreviation, disabled: Type.Boolean() }));
export type UpdateUnit = Static<typeof UpdateUnit>;
