import { sql } from 'kysely';
import type { JobDefinition } from '../jobs/types.js';

/**
 * Embedded PostgreSQL (PGlite) runs no autovacuum, so the planner's statistics would stay those of
 * an empty database and lookups such as the duplicate check would scan a whole year's entries.
 * Refreshing them every few hours is cheap; on a server, autovacuum does it too and this is harmless.
 */
export const refreshStatistics: JobDefinition = {
  name: 'db.analyze',
  everyMs: 6 * 60 * 60 * 1000,
  async run(_slot, { db }) {
    await sql`analyze`.execute(db);
  },
};
