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

/*
 * Building blocks for request schemas, so that no value from a client reaches the database out
 * of its range (PostgreSQL answers an integer past int4, a year 0 or 30 February with an error).
 */

/** The largest value of a PostgreSQL integer column; offsets and numbers stay below it. */
export const INT4_MAX = 2_147_483_647;

/** An integer within bounds; the upper bound defaults to what an int4 column holds. */
export const BoundedInt = (options: { minimum?: number; maximum?: number; default?: number; description?: string } = {}) =>
  Type.Integer({ minimum: 0, maximum: INT4_MAX, ...options });

/** Paging: how many rows to skip. */
export const Offset = BoundedInt({ minimum: 0, maximum: 1_000_000, default: 0 });

/** Years a record of a Vietnamese agency can bear (the register and calendar share the range). */
export const YEARS = { min: 1900, max: 2199 } as const;
const YEAR_PREFIX = '^(19|2[01])[0-9]{2}-';

/** A day that exists in the calendar (no 30 February), YYYY-MM-DD, in YEARS. */
export const CalendarDate = (description = 'YYYY-MM-DD') => Type.String({ format: 'date', pattern: `${YEAR_PREFIX}[0-9]{2}-[0-9]{2}$`, description });

/** A moment (ISO 8601 with offset), its year in YEARS. */
export const Moment = (description?: string) => Type.String({ format: 'date-time', pattern: YEAR_PREFIX, ...(description ? { description } : {}) });

/** Marks a text that must have visible characters: a pattern the error messages recognise. */
export const NON_BLANK_MARK = '\\S';

/**
 * Text that must say something: at least `minLength` characters once the blanks around it are
 * trimmed (services trim what they store), and at most `maxLength`.
 */
export const NonBlank = (maxLength: number, options: { minLength?: number; description?: string } = {}) => {
  const minLength = Math.max(1, options.minLength ?? 1);
  const pattern = minLength === 1 ? NON_BLANK_MARK : `${NON_BLANK_MARK}[\\s\\S]{${minLength - 2},}${NON_BLANK_MARK}`;
  return Type.String({ minLength, maxLength, pattern, ...(options.description ? { description: options.description } : {}) });
};
