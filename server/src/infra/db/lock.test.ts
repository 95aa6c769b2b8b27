import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir, hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vanthu-lock-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const runCli = (args: string[], env: Record<string, string>) =>
  new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { env: { ...process.env, ...env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });

it('a second lock on the same data directory is refused with a clear message', () => {
  const release = lockDataDir(dir);
  expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
  expect(() => lockDataDir(dir)).toThrow(/đang được một tiến trình VănThư khác sử dụng/);
  release();
  expect(existsSync(join(dir, 'vanthu.lock'))).toBe(false);
  lockDataDir(dir)();
});

it('a lock left by a dead process is taken over', async () => {
  await writeFile(join(dir, 'vanthu.lock'), `999999999@${hostname()}`);
  const release = lockDataDir(dir);
  release();
});

it('a second process on a locked embedded database refuses to start', async () => {
  const release = lockDataDir(dir);
  try {
    const result = await runCli(['migrate'], { VANTHU_DATA_DIR: dir });
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/đang được một tiến trình VănThư khác sử dụng/);
    expect(existsSync(join(dir, 'pgdata'))).toBe(false);
  } finally {
    release();
  }
});

it('[Q-18.4] the CLI verifies the audit chain and names every broken entry', async () => {
  const seeded = await runCli(['demo:seed'], { VANTHU_DATA_DIR: dir });
  expect(seeded.code, seeded.out).toBe(0);
  const ok = await runCli(['audit:verify'], { VANTHU_DATA_DIR: dir });
  expect(ok.code, ok.out).toBe(0);
  expect(ok.out).toMatch(/Nhật ký toàn vẹn: đã kiểm tra \d+ mục/);

  const { openPglite } = await import('./create-db.js');
  const { sql } = await import('kysely');
  const db = await openPglite(join(dir, 'pgdata'));
  await sql`alter table audit_log disable trigger user`.execute(db.db);
  await sql`update audit_log set actor_name = 'ke-gian' where seq = 7`.execute(db.db);
  await db.close();

  const broken = await runCli(['audit:verify'], { VANTHU_DATA_DIR: dir });
  expect(broken.code).toBe(1);
  expect(broken.out).toMatch(/#7: nội dung không khớp với mã băm/);
  expect(broken.out).toMatch(/1 sai lệch/);
});
