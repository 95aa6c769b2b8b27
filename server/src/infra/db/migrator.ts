import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';

export type Migrations = Record<string, Migration>;

/**
 * Merges the explicit migration maps of every module. Names start with a UTC timestamp,
 * so sorting by name gives the order; a duplicate name is a programming error.
 */
export function mergeMigrations(maps: Migrations[]): Migrations {
  const merged: Migrations = {};
  for (const map of maps) {
    for (const [name, migration] of Object.entries(map)) {
      if (merged[name]) throw new Error(`duplicate migration name: ${name}`);
      merged[name] = migration;
    }
  }
  return merged;
}

/**
 * Applies what is missing. Most starts find nothing to do: one query says so, where Kysely's
 * migrator would first introspect every table of the database (a second of a PGlite start). That
 * check also lets a node of the previous release restart while a newer one's migrations are
 * applied (a rolling upgrade); the migrator would refuse the names it does not know.
 */
export async function migrateToLatest(db: Db, migrations: Migrations): Promise<string[]> {
  if (await allApplied(db, Object.keys(migrations))) return [];
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const migrator = new Migrator({ db, provider, migrationTableName: 'schema_migration', migrationLockTableName: 'schema_migration_lock' });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}

async function allApplied(db: Db, names: string[]): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`select name from schema_migration`.execute(db);
    const applied = new Set(rows.map((r) => r.name));
    return names.every((n) => applied.has(n));
  } catch {
    // No migration table yet: a new database.
    return false;
  }
}
