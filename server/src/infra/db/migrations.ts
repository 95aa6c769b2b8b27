import { sql, type Kysely } from 'kysely';
import type { Migrations } from './migrator.js';

/** Database-wide pieces every module may use: extensions and Vietnamese full-text search. */
export const dbMigrations: Migrations = {
  '20261124T0000-db-vietnamese-search': {
    async up(db: Kysely<unknown>) {
      await sql`create extension if not exists unaccent`.execute(db);
      await sql`create extension if not exists pg_trgm`.execute(db);
      // 'vn': words without diacritics, no stemming (Vietnamese is isolating), so "quyet dinh" finds "Quyết định".
      await sql`create text search configuration vn (copy = simple)`.execute(db);
      await sql`alter text search configuration vn alter mapping for hword, hword_part, word with unaccent, simple`.execute(db);
      // unaccent() is only STABLE; indexes and generated columns need an IMMUTABLE wrapper with a fixed dictionary.
      await sql`
        create function vn_fold(text) returns text language sql immutable parallel safe strict
        as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop function vn_fold`.execute(db);
      await sql`drop text search configuration vn`.execute(db);
    },
  },
};
