import { Type, type Static } from 'typebox';
import { NonBlank } from '../infra/http/schemas.js';
import { ROLES, type Role } from '../infra/auth/actor.js';

export const RoleSchema = Type.Unsafe<Role>({ type: 'string', enum: [...ROLES] });

export const User = Type.Object({
  id: Type.String(),
  agencyId: Type.String(),
  unitId: Type.Union([Type.String(), Type.Null()]),
  username: Type.String(),
  fullName: Type.String(),
  positionTitle: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(Type.String()),
  disabled: Type.Boolean(),
});
export type User = Static<typeof User>;

const Username = Type.String({ minLength: 2, maxLength: 100, pattern: '^[a-z0-9][a-z0-9._-]*$', description: 'Chữ thường không dấu, số, dấu chấm, gạch' });
const Roles = Type.Array(RoleSchema, { minItems: 1, uniqueItems: true });

export const CreateUser = Type.Object({
  username: Username,
  fullName: NonBlank(200, { minLength: 2 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
  agencyId: Type.String({ format: 'uuid' }),
  unitId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  positionTitle: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 100 }), Type.Null()])),
  phone: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
  roles: Roles,
});
export type CreateUser = Static<typeof CreateUser>;

export const UpdateUser = Type.Partial(
  Type.Object({
    fullName: NonBlank(200, { minLength: 2 }),
    unitId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    positionTitle: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
    email: Type.Union([Type.String({ format: 'email', maxLength: 100 }), Type.Null()]),
    phone: Type.Union([Type.String({ maxLength: 30 }), Type.Null()]),
    roles: Roles,
    disabled: Type.Boolean(),
  }),
);
export type UpdateUser = Static<typeof UpdateUser>;

export const ListUsersQuery = Type.Object({ agencyId: Type.Optional(Type.String({ format: 'uuid' })) });
