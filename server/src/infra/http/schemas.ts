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

export const MIME = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  any: 'application/octet-stream',
} as const;

/** A 200 answer that is a file, for the OpenAPI document (Fastify does not serialise a Buffer or stream). */
export function fileAnswer(description: string, ...types: string[]): Record<number, unknown> {
  return { 200: { description, content: Object.fromEntries(types.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) } };
}
