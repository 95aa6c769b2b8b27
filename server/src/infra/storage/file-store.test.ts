import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, describeEngines, ENGINES } from '../../../test/harness/engines.js';
import { openPglite } from '../db/create-db.js';
import { inTransaction, type Db } from '../db/database.js';
import { migrateToLatest } from '../db/migrator.js';
import { allMigrations } from '../../runtime.js';
import { FixedClock } from '../time/clock.js';
import type { Ctx } from '../context.js';
import { FileStore } from './file-store.js';
import { FsBlobDriver } from './fs-driver.js';
import { pdfBytes, pngBytes } from '../../../test/harness/samples.js';

const actor = { userId: '11111111-1111-4111-8111-111111111111', username: 'vanthu.snv', fullName: 'Lan', agencyId: '22222222-2222-4222-8222-222222222222', unitId: null, roles: ['clerk' as const] };
const clock = new FixedClock(new Date('2026-03-02T09:00:00+07:00'));

async function blobCount(dir: string): Promise<number> {
  let n = 0;
  for (const a of await readdir(join(dir, 'sha256')).catch(() => [])) for (const b of await readdir(join(dir, 'sha256', a))) n += (await readdir(join(dir, 'sha256', a, b))).length;
  return n;
}
const tempCount = async (dir: string) => (await readdir(join(dir, 'tmp')).catch(() => [])).length;
const rowCount = async (db: Db) => (await sql<{ n: number }>`select count(*)::int as n from stored_file`.execute(db)).rows[0].n;

describeEngines('file store', (get) => {
  let dir: string;
  let store: FileStore;
  const put = (content: Buffer | Readable, name: string) =>
    inTransaction(get().db, (trx) => store.store({ db: trx, clock, actor, ip: null, files: store } satisfies Ctx, { source: Buffer.isBuffer(content) ? Readable.from([content]) : content, originalName: name }));

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vanthu-store-'));
    store = new FileStore({ driver: new FsBlobDriver(dir), maxBytes: 1024 * 1024 });
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('stores by SHA-256 content address with one row per stored object; identical content shares one blob', async () => {
    const a = await put(pdfBytes('a'), 'Quyết định.pdf');
    const b = await put(pdfBytes('a'), 'bản sao.pdf');
    expect(a.sha256).toBe(b.sha256);
    expect(a.id).not.toBe(b.id);
    expect(a).toMatchObject({ format: 'pdf', mediaType: 'application/pdf', originalName: 'Quyết định.pdf' });
    expect(await blobCount(dir)).toBe(1);
    expect(await rowCount(get().db)).toBe(2);
    const chunks: Buffer[] = [];
    for await (const c of store.openVerified(a)) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(pdfBytes('a'))).toBe(true);
  });

  it('[Q-9.3] refuses a file whose content is not an accepted format and leaves nothing behind', async () => {
    const before = { blobs: await blobCount(dir), rows: await rowCount(get().db) };
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
    await expect(put(exe, 'cong-van.pdf')).rejects.toMatchObject({ code: 'FORMAT_MISMATCH', message: expect.stringMatching(/cong-van\.pdf/) });
    expect({ blobs: await blobCount(dir), rows: await rowCount(get().db) }).toEqual(before);
    expect(await tempCount(dir)).toBe(0);
  });

  it('refuses a file over the size limit while streaming, leaving nothing behind', async () => {
    const before = await blobCount(dir);
    async function* big() {
      for (let i = 0; i < 20; i++) yield Buffer.alloc(64 * 1024, i);
    }
    await expect(put(Readable.from(big()), 'lon.pdf')).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(await blobCount(dir)).toBe(before);
    expect(await tempCount(dir)).toBe(0);
  });

  it('verifies the hash on read: a blob changed on disk fails to read and fails its fixity check', async () => {
    const f = await put(pngBytes(), 'anh.png');
    expect(await store.verify(f)).toBe(true);
    await writeFile(new FsBlobDriver(dir).pathOf(f.sha256), Buffer.from('changed'));
    expect(await store.verify(f)).toBe(false);
    await expect(async () => {
      for await (const _ of store.openVerified(f)) void _;
    }).rejects.toThrow(/hỏng/);
  });

  it('a file whose row rolled back becomes an orphan that reconcile removes', async () => {
    await expect(
      inTransaction(get().db, async (trx) => {
        await store.store({ db: trx, clock, actor, ip: null, files: store }, { source: Readable.from([pdfBytes('rolled back')]), originalName: 'x.pdf' });
        throw new Error('the registration failed later');
      }),
    ).rejects.toThrow();
    const report = await store.reconcile(get().db, 0);
    expect(report.orphansRemoved).toBeGreaterThanOrEqual(1);
    const rows = await sql<{ sha256: string }>`select distinct sha256 from stored_file`.execute(get().db);
    expect(await blobCount(dir)).toBe(rows.rows.length);
  });
});

/**
 * Crash consistency: a child process stores a file and is killed (SIGKILL) at each step.
 * After the restart's reconcile there is no file without its row and no row without its file.
 */
describe('file store after a crash at each step', () => {
  const runChild = (args: string[]) =>
    new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/harness/crash-store.ts', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
    });

  const steps = ['staged', 'committed', 'recorded', 'after-commit', 'none'];
  for (const engine of ENGINES) {
    for (const step of steps) {
      it.skipIf(engine === 'postgres' && !inject('postgres'))(`crash at "${step}" [${engine}]`, async () => {
        const root = await mkdtemp(join(tmpdir(), 'vanthu-crash-'));
        const filesDir = join(root, 'files');
        // PGlite: a data directory on disk the child opens after us; PostgreSQL: a fresh database.
        const pgdir = join(root, 'pgdata');
        let target = pgdir;
        let reopen: () => Promise<{ db: Db; close(): Promise<void> }>;
        if (engine === 'pglite') {
          const init = await openPglite(pgdir);
          await migrateToLatest(init.db, allMigrations());
          await init.close();
          reopen = () => openPglite(pgdir);
        } else {
          const handle = await createTestDb('postgres');
          target = handle.url!;
          reopen = async () => handle;
        }

        const result = await runChild([engine, target, filesDir, step]);
        if (step === 'none') expect(result.code, result.stderr).toBe(0);
        else expect(result.signal, result.stderr).toBe('SIGKILL');

        const after = await reopen();
        try {
          const store = new FileStore({ driver: new FsBlobDriver(filesDir), maxBytes: 10 * 1024 * 1024 });
          const report = await store.reconcile(after.db, 0);
          expect(report.missing).toEqual([]);
          const rows = await rowCount(after.db);
          expect(rows).toBe(step === 'after-commit' || step === 'none' ? 1 : 0);
          expect(await blobCount(filesDir)).toBe(rows);
          expect(await tempCount(filesDir)).toBe(0);
        } finally {
          await after.close();
          await rm(root, { recursive: true, force: true });
        }
      });
    }
  }
});
