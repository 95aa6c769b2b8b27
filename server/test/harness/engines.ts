import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openPglite, openPostgres, type DatabaseHandle, type Engine } from '../../src/infra/db/create-db.js';
import { migrateToLatest } from '../../src/infra/db/migrator.js';
import { allMigrations } from '../../src/runtime.js';
import { withDatabase } from './global-setup.js';

export const ENGINES: Engine[] = ['pglite', 'postgres'];

/** A fresh, migrated database of the given engine, dropped on close. */
export async function createTestDb(engine: Engine): Promise<DatabaseHandle & { url?: string }> {
  if (engine === 'pglite') {
    const handle = await openPglite();
    await migrateToLatest(handle.db, allMigrations());
    return handle;
  }
  const pgInfo = inject('postgres');
  if (!pgInfo) throw new Error('PostgreSQL is not available');
  const name = `vanthu_t${randomBytes(4).toString('hex')}_${process.ppid}`;
  const admin = new pg.Client({ connectionString: pgInfo.url });
  await admin.connect();
  await admin.query(`create database ${name} template ${pgInfo.template}`);
  await admin.end();
  const url = withDatabase(pgInfo.url, name);
  const handle = await openPostgres(url);
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      const drop = new pg.Client({ connectionString: pgInfo.url });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}

/**
 * Runs a suite once per engine, each on its own fresh database: PGlite always; PostgreSQL when the
 * global setup found one (under CI=true it must have).
 */
export function describeEngines(name: string, body: (get: () => DatabaseHandle & { url?: string }) => void): void {
  for (const engine of ENGINES) {
    const available = engine === 'pglite' || inject('postgres') !== null;
    describe.skipIf(!available)(`${name} [${engine}]`, () => {
      let handle: (DatabaseHandle & { url?: string }) | undefined;
      beforeAll(async () => {
        handle = await createTestDb(engine);
      });
      afterAll(async () => {
        await handle?.close();
      });
      body(() => {
        if (!handle) throw new Error('database not ready');
        return handle;
      });
    });
  }
}
