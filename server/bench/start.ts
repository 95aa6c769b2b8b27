/**
 * Start time and idle memory of the server as production runs it: a child process of the compiled
 * build (`node server/dist/main.js`, what `npm run serve` runs; `tsx src/main.ts` when there is no
 * build or with BENCH_START_TSX=1). Per engine, a first start on an empty database with the demo
 * province, then a second start on the same data; "ready" is the first 200 from /healthz, and
 * memory is the process's RSS two seconds after that. Printed, never asserted. Runs alone:
 *   npx tsx server/bench/start.ts
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const COMPILED = join(SERVER_DIR, 'dist', 'main.js');
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SETTLE_MS = 2000;

const label = 'start'.padEnd(20);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The command production runs, or the TypeScript entry when nothing is built. */
export function serverCommand(forceTsx = process.env.BENCH_START_TSX === '1'): { argv: string[]; what: string } {
  if (!forceTsx && existsSync(COMPILED)) return { argv: [process.execPath, '--enable-source-maps', COMPILED], what: 'compiled' };
  return { argv: [process.execPath, '--import', 'tsx', join(SERVER_DIR, 'src', 'main.ts')], what: 'tsx' };
}

/** Resident memory of a process in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return line ? Number(line.replace(/\D+/g, '')) / 1024 : NaN;
}

/** CPU seconds the process has used (user + system), from /proc: less disturbed by a busy machine than wall time. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  // After the command name: state is field 3, utime 14 and stime 15 (in clock ticks, 100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function untilHealthy(port: number, child: ChildProcess, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server not ready in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface StartFigures {
  readyMs: number;
  cpuS: number;
  rssMb: number;
  output: string;
}

/** Spawns the server with `env`, waits for /healthz, measures, stops it with SIGTERM. */
export async function startOnce(env: Record<string, string>, argv = serverCommand().argv): Promise<StartFigures> {
  const port = await freePort();
  const began = performance.now();
  const child = spawn(argv[0]!, argv.slice(1), {
    cwd: SERVER_DIR,
    env: { ...process.env, NODE_ENV: '', VANTHU_DEMO: '', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  try {
    await untilHealthy(port, child, 180_000);
    const readyMs = performance.now() - began;
    const cpuS = cpuSeconds(child.pid!);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    return { readyMs, cpuS, rssMb: rssMb(child.pid!), output };
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${output}`);
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  }
}

async function engineRows(engine: string, env: Record<string, string>, argv: string[]): Promise<string[]> {
  const first = await startOnce({ ...env, VANTHU_DEMO: '1' }, argv);
  const second = await startOnce(env, argv);
  const row = (what: string, f: StartFigures) =>
    `${label} ${`${engine}: ${what}`.padEnd(44)} ${(f.readyMs / 1000).toFixed(2).padStart(7)} s to /healthz (CPU ${f.cpuS.toFixed(2)} s), idle RSS ${f.rssMb.toFixed(0)} MB`;
  return [row('first start (demo seed)', first), row('second start', second)];
}

export async function benchStart(): Promise<string[]> {
  if (process.env.BENCH_START_TSX !== '1') spawnSync(process.execPath, [join(SERVER_DIR, '..', 'scripts', 'build.mjs'), 'server', '--if-changed'], { stdio: 'inherit' });
  const { argv, what } = serverCommand();
  const lines = [`${label} server run as: ${what === 'compiled' ? 'node dist/main.js (npm run serve)' : 'tsx src/main.ts (no build: npm run build first)'}`];
  const scratch = await mkdtemp(join(tmpdir(), 'vanthu-bench-start-'));
  try {
    lines.push(...(await engineRows('pglite', { VANTHU_DATA_DIR: join(scratch, 'pglite') }, argv)));
    const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
    const name = `vanthu_bench_start_${process.pid}`;
    try {
      await admin.connect();
    } catch (err) {
      lines.push(`${label} postgresql skipped: ${(err as Error).message}`);
      return lines;
    }
    try {
      await admin.query(`create database ${name}`);
      const url = new URL(PG_URL);
      url.pathname = `/${name}`;
      lines.push(...(await engineRows('postgresql', { VANTHU_DATA_DIR: join(scratch, 'pg'), DATABASE_URL: url.toString() }, argv)));
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchStart()) console.log(line);
}
