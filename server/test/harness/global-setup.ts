import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { Kysely, PostgresDialect } from 'kysely';
import { migrateToLatest } from '../../src/infra/db/migrator.js';
import { allMigrations } from '../../src/runtime.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the PostgreSQL server and the migrated template database, or null when there is none. */
    postgres: { url: string; template: string } | null;
  }
}

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Finds PostgreSQL (TEST_DATABASE_URL, else 127.0.0.1:5432) and builds one migrated template database;
 * each suite then copies it (CREATE DATABASE … TEMPLATE). Under CI=true a missing server fails the run.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL ?? DEFAULT_URL;
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (err) {
    const why = `PostgreSQL không kết nối được tại ${url}: ${(err as Error).message}`;
    if (process.env.CI === 'true' || process.env.TEST_DATABASE_URL) throw new Error(`${why} (bắt buộc khi CI=true hoặc đặt TEST_DATABASE_URL)`);
    console.warn(`${why}. Chỉ chạy kiểm thử trên PGlite.`);
    project.provide('postgres', null);
    return;
  }
  const template = `vanthu_tpl_${process.pid}`;
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const db = new Kysely<object>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: withDatabase(url, template), max: 1 }) }) });
  try {
    await migrateToLatest(db as never, allMigrations());
  } finally {
    await db.destroy();
  }
  project.provide('postgres', { url, template });
  return async () => {
    // Exactly this run's suite databases (engines.ts names them vanthu_t<8 hex>_<this pid>): a LIKE
    // prefix would also match another run's, e.g. pid 294 dropping vanthu_tpl_29425 mid-run.
    const leftovers = await admin.query<{ datname: string }>(`select datname from pg_database where datname ~ $1 or datname = $2`, [`^vanthu_t[0-9a-f]{8}_${process.pid}$`, template]);
    for (const { datname } of leftovers.rows) await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.end();
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
