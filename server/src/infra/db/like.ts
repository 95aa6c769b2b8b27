import { sql, type RawBuilder } from 'kysely';

/**
 * A LIKE pattern that finds `text` anywhere, folded (no diacritics, lower case) like the column
 * it is compared with. The wildcards % and _ and the escape character \ that a person types are
 * matched literally: a search for "%" must not match everything.
 */
export function foldedContains(text: string): RawBuilder<string> {
  const literal = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql<string>`'%' || vn_fold(${literal}) || '%'`;
}
