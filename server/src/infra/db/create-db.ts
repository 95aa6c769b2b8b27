import { mkdir } from 'node:fs/promises';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Db } from './database.js';

export type Engine = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
}

// int8 (counts, sequence numbers) as numbers: every value we keep fits in 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// `date` columns stay 'YYYY-MM-DD' strings: a legal date has no time zone.
pg.types.setTypeParser(1082, (v) => v);

export async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it on the next checkout.
  pool.on('error', (err) => console.error(`PostgreSQL: kết nối rỗi bị đóng (${err.message})`));
  // Fail at start, not on the first request.
  await pool.query('select 1');
  const db = new Kysely<object>({ dialect: new PostgresDialect({ pool }) }) as Db;
  return { db, engine: 'postgres', close: () => db.destroy() };
}

/**
 * initdb's 128 MB of shared buffers live in PGlite's WebAssembly memory, and PostgreSQL touches
 * them all at start: about 120 MB of resident memory and half a second of every start. The data
 * files are read through the operating system's page cache anyway, so a small pool costs little.
 */
const PGLITE_SETTINGS = ['-c', 'shared_buffers=16MB'];

/**
 * Embedded PostgreSQL. `dir` is a data directory or undefined for memory.
 * PGlite serves one connection: the pool must stay at max 1 (more crashes mid-transaction).
 */
export async function openPglite(dir?: string): Promise<DatabaseHandle> {
  if (dir) await mkdir(dir, { recursive: true });
  const pglite = await PGlite.create(dir ?? 'memory://', { extensions: { unaccent, pg_trgm }, startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS] });
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 } as pg.PoolConfig);
  const db = new Kysely<object>({ dialect: new PostgresDialect({ pool }) }) as Db;
  return {
    db,
    engine: 'pglite',
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
