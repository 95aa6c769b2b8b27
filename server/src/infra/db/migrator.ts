import { Migrator, type Migration, type MigrationProvider } from 'kysely';
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

export async function migrateToLatest(db: Db, migrations: Migrations): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const migrator = new Migrator({ db, provider, migrationTableName: 'schema_migration', migrationLockTableName: 'schema_migration_lock' });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}
