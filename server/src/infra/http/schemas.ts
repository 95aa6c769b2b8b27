import { Type, type TSchema } from 'typebox';

/** Shared pieces of route schemas. */
export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid });

export const Problem = Type.Object(
  {
    code: Type.String({ description: 'Mã lỗi ổn định cho chương trình' }),
    message: Type.String({ description: 'Thông báo tiếng Việt cho người dùng' }),
    details: Type.Optional(Type.Unknown()),
  },
  { $id: 'Problem' },
);

/** The error responses a route may give, for the OpenAPI document. */
export function errors(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((s) => [s, Type.Ref('Problem')]));
}

export const Ok = Type.Object({ ok: Type.Literal(true) });
