/**
 * Durable jobs: enqueue rate (one transaction each), processing rate of a worker, and the delay from
 * commit to a handler starting in a running worker (polling on PGlite; LISTEN/NOTIFY on PostgreSQL).
 */
import pg from 'pg';
import { openPglite, openPostgres, type DatabaseHandle } from '../src/infra/db/create-db.js';
import { inTransaction } from '../src/infra/db/database.js';
import { migrateToLatest } from '../src/infra/db/migrator.js';
import { allMigrations } from '../src/runtime.js';
import { systemClock } from '../src/infra/time/clock.js';
import type { FileStore } from '../src/infra/storage/index.js';
import { enqueue, JobWorker, listenForJobs, type JobDefinition } from '../src/infra/jobs/index.js';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function measure(label: string, handle: DatabaseHandle, url?: string): Promise<string[]> {
  await migrateToLatest(handle.db, allMigrations());
  const lines: string[] = [];
  const line = (what: string, value: string) => lines.push(`${label.padEnd(20)} ${what.padEnd(44)} ${value}`);
  let started: (() => void) | undefined;
  const noop: JobDefinition = { name: 'bench.noop', run: async () => started?.() };
  const env = { db: handle.db, clock: systemClock, files: {} as FileStore, log: () => undefined };

  for (const writers of [1, 4]) {
    const n = 1000;
    let next = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: writers }, async () => {
      while (next++ < n) await inTransaction(handle.db, (trx) => enqueue(trx, noop, { n: next }));
    }));
    const ms = performance.now() - t0;
    line(`enqueue in its own transaction, ${writers} writer${writers > 1 ? 's' : ''}`, `${((n / ms) * 1000).toFixed(0).padStart(7)} /s   (${n} in ${ms.toFixed(0)} ms)`);
  }
  const worker = new JobWorker(env, [noop], { concurrency: 4 });
  const t0 = performance.now();
  const ran = await worker.runUntilEmpty();
  const ms = performance.now() - t0;
  line('worker runs no-op jobs, 4 at a time', `${((ran / ms) * 1000).toFixed(0).padStart(7)} /s   (${ran} in ${ms.toFixed(0)} ms)`);

  // Commit → handler start, one job at a time, with a running worker as a server has it.
  const live = new JobWorker(env, [noop], { pollMs: url ? 2000 : 250 });
  const unlisten = url ? listenForJobs(url, () => live.wake(), () => undefined) : async () => undefined;
  live.start();
  await new Promise((r) => setTimeout(r, 300));
  const delays: number[] = [];
  for (let i = 0; i < 20; i++) {
    // Let the worker finish the last job and go back to waiting, as between real requests.
    await new Promise((r) => setTimeout(r, 150));
    const begun = new Promise<void>((resolve) => (started = resolve));
    await inTransaction(handle.db, (trx) => enqueue(trx, noop, { i }));
    const committed = performance.now();
    await begun;
    delays.push(performance.now() - committed);
  }
  await unlisten();
  await live.stop();
  delays.sort((a, b) => a - b);
  line(`commit → handler start (${url ? 'LISTEN/NOTIFY' : 'poll every 250 ms'})`, `median ${delays[10].toFixed(0)} ms, max ${delays[19].toFixed(0)} ms`);
  return lines;
}

export async function benchJobs(): Promise<string[]> {
  const out: string[] = [];
  const mem = await openPglite();
  out.push(...(await measure('pglite (memory)', mem)));
  await mem.close();
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  const name = `vanthu_bench_jobs_${process.pid}`;
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    const server = await openPostgres(url.toString());
    out.push(...(await measure('postgresql', server, url.toString())));
    await server.close();
    await admin.query(`drop database ${name} with (force)`);
  } catch (err) {
    out.push(`postgresql           jobs skipped: ${(err as Error).message}`);
  } finally {
    await admin.end().catch(() => undefined);
  }
  return out;
}
