import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** A value that jsonb stores and gives back unchanged: what an audit entry's details may hold. */
export type AuditJson = string | number | boolean | null | AuditJson[] | { [key: string]: AuditJson | undefined };
export type AuditDetails = { [key: string]: AuditJson | undefined };

export interface ChainedFields {
  at: Date;
  actorId: string | null;
  actorName: string | null;
  agencyId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  details: AuditDetails;
  ip: string | null;
}

/** A value the log cannot store exactly as it would hash it: a programming error of the caller. */
export class AuditValueError extends Error {
  constructor(path: string, problem: string) {
    super(`audit entry: ${path} ${problem}; log plain JSON (ISO strings for dates)`);
  }
}

// jsonb refuses \u0000; the driver writes UTF-8, turning an unpaired surrogate into U+FFFD.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function checkString(s: string, path: string): string {
  if (UNSTORABLE.test(s)) throw new AuditValueError(path, 'holds a NUL or an unpaired surrogate, which the database cannot store as is');
  return s;
}

function checkNumber(n: number, path: string): number {
  if (!Number.isFinite(n)) throw new AuditValueError(path, `is ${n}, which JSON cannot hold`);
  if (Object.is(n, -0)) throw new AuditValueError(path, 'is -0, which JSON stores as 0');
  // Past 2^53 a number is a rounded integer (jsonb even spells 1e21 out in digits): likely a lost
  // bigint, and readers of the log would not agree on its digits.
  if (Math.abs(n) > Number.MAX_SAFE_INTEGER) throw new AuditValueError(path, `is ${n}, beyond ±2^53 (log it as a string)`);
  return n;
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * JSON with keys sorted at every level (jsonb does not keep key order) — the exact text the chain
 * hashes. Refuses anything whose stored form would read back different: Date, class instances,
 * undefined or holes in arrays, NaN, ±Infinity, -0, unsafe integers, bigint, functions, symbols,
 * NUL and unpaired surrogates, cycles. An object property that is undefined is left out, as
 * JSON.stringify does.
 */
export function canonicalJson(value: unknown, path = 'details', seen: object[] = []): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(checkString(value, path));
    case 'number':
      return JSON.stringify(checkNumber(value, path));
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new AuditValueError(path, `is a ${typeof value}, which JSON cannot hold`);
  }
  if (value === null) return 'null';
  if (seen.includes(value)) throw new AuditValueError(path, 'refers back to itself');
  const inner = [...seen, value];
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) {
      if (!(i in value) || value[i] === undefined) throw new AuditValueError(`${path}[${i}]`, 'is undefined, which JSON turns into null');
      items.push(canonicalJson(value[i], `${path}[${i}]`, inner));
    }
    return `[${items.join(',')}]`;
  }
  if (!isPlainObject(value)) throw new AuditValueError(path, `is a ${value.constructor?.name ?? 'non-plain object'}, not a plain object`);
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(checkString(k, `${path} key`))}:${canonicalJson(v, `${path}.${k}`, inner)}`).join(',')}}`;
}

/** The canonical text of one entry: what is hashed, built from the values as they are stored. */
export function canonicalEntry(fields: ChainedFields): string {
  if (Number.isNaN(fields.at.getTime())) throw new AuditValueError('at', 'is an invalid date');
  return canonicalJson({ ...fields, at: fields.at.toISOString() }, 'entry');
}

/** hash = SHA-256(prev_hash ‖ "\n" ‖ canonical entry): changing, removing or reordering an entry breaks every later link. */
export function hashCanonical(prevHash: string, canonical: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export function entryHash(prevHash: string, fields: ChainedFields): string {
  return hashCanonical(prevHash, canonicalEntry(fields));
}
