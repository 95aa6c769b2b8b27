/**
 * `npm run bench`: throughput figures on this machine, printed, never asserted.
 * Each engine: PGlite in memory, PGlite on disk, and PostgreSQL when one answers at
 * TEST_DATABASE_URL or 127.0.0.1:5432 (a scratch database is created and dropped). Last, the
 * server's start time and idle memory, as a child process of the production build (start.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type DatabaseHandle } from '../src/infra/db/create-db.js';
import { inTransaction } from '../src/infra/db/database.js';
import { migrateToLatest } from '../src/infra/db/migrator.js';
import { allMigrations } from '../src/runtime.js';
import { recordAudit, verifyAuditChain } from '../src/infra/audit/audit.js';
import { systemClock } from '../src/infra/time/clock.js';
import { buildApp } from '../src/app.js';
import { FileStore, FsBlobDriver } from '../src/infra/storage/index.js';
import { seedDemoIfEmpty } from '../src/demo/seed.js';
import { benchIncoming } from './incoming.js';
import { benchPrint } from './print.js';
import { benchPrintForms } from './print-forms.js';
import { benchSigning } from './signing.js';
import { benchOutgoing } from './outgoing.js';
import { benchConvert } from './convert.js';
import { benchJobs } from './jobs.js';
import { benchStart } from './start.js';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function timed(count: number, fn: (i: number) => Promise<unknown>, concurrency = 1): Promise<{ perSecond: number; ms: number }> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await fn(next++);
    }),
  );
  const ms = performance.now() - start;
  return { perSecond: (count / ms) * 1000, ms };
}

async function benchEngine(label: string, handle: DatabaseHandle, filesDir: string): Promise<string[]> {
  await migrateToLatest(handle.db, allMigrations());
  const files = new FileStore({ driver: new FsBlobDriver(filesDir), maxBytes: 10 * 1024 * 1024 });
  await seedDemoIfEmpty(handle.db, systemClock, files);
  const app = await buildApp({ db: handle.db, engine: handle.engine, clock: systemClock, files });
  const actor = { userId: '11111111-1111-4111-8111-111111111111', username: 'bench', fullName: 'Bench', agencyId: '22222222-2222-4222-8222-222222222222', unitId: null, roles: ['clerk' as const] };
  const lines: string[] = [];
  const row = (what: string, r: { perSecond: number; ms: number }, n: number) =>
    lines.push(`${label.padEnd(20)} ${what.padEnd(44)} ${r.perSecond.toFixed(0).padStart(7)} /s   (${n} in ${r.ms.toFixed(0)} ms)`);

  const login = () => app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanthu.snv', password: 'demo' } });
  await login();
  row('login (argon2id + session + audit), 1 client', await timed(40, login), 40);
  row('login, 4 concurrent clients', await timed(80, login, 4), 80);

  const append = () => inTransaction(handle.db, (trx) => recordAudit({ db: trx, clock: systemClock, actor, ip: '127.0.0.1', files }, { action: 'bench.append', objectType: 'document', objectId: 'x', details: { n: 1 } }));
  row('audit append, one transaction each, 1 writer', await timed(2000, append), 2000);
  row('audit append, 4 concurrent writers', await timed(2000, append, 4), 2000);
  const verify = await timed(1, () => verifyAuditChain(handle.db));
  const { checked } = await verifyAuditChain(handle.db);
  lines.push(`${label.padEnd(20)} ${'audit chain verification'.padEnd(44)} ${((checked / verify.ms) * 1000).toFixed(0).padStart(7)} entries/s (${checked} in ${verify.ms.toFixed(0)} ms)`);

  const me = await login();
  const cookie = `vanthu_session=${me.cookies.find((c) => c.name === 'vanthu_session')!.value}`;
  row('GET /api/auth/me (session lookup), 4 clients', await timed(2000, () => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } }), 4), 2000);
  lines.push(...(await benchIncoming(label, app, handle)));
  await app.close();
  return lines;
}

async function main() {
  const out: string[] = [];
  const scratch = await mkdtemp(join(tmpdir(), 'vanthu-bench-'));
  try {
    const mem = await openPglite();
    out.push(...(await benchEngine('pglite (memory)', mem, join(scratch, 'f1'))));
    await mem.close();

    const disk = await openPglite(join(scratch, 'pgdata'));
    out.push(...(await benchEngine('pglite (disk)', disk, join(scratch, 'f2'))));
    await disk.close();

    const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
    const name = `vanthu_bench_${process.pid}`;
    try {
      await admin.connect();
      await admin.query(`create database ${name}`);
      const url = new URL(PG_URL);
      url.pathname = `/${name}`;
      const server = await openPostgres(url.toString());
      out.push(...(await benchEngine('postgresql', server, join(scratch, 'f3'))));
      await server.close();
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    } catch (err) {
      out.push(`postgresql           skipped: ${(err as Error).message}`);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  out.push(...(await benchPrint(() => undefined)));
  out.push(...(await benchPrintForms(() => undefined)));
  out.push(...(await benchSigning()));
  out.push(...(await benchOutgoing()));
  out.push(...(await benchConvert()));
  out.push(...(await benchJobs()));
  out.push(...(await benchStart()));
  console.log(`\nVănThư bench — Node ${process.version}, ${new Date().toISOString()}\n`);
  for (const line of out) console.log(line);
}

await main();
