import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEngines } from '../../../test/harness/engines.js';
import { jobEnv } from '../../../test/harness/jobs.js';
import { openPostgres, type DatabaseHandle } from '../db/create-db.js';
import { inTransaction, type Db } from '../db/database.js';
import { FixedClock } from '../time/clock.js';
import { claim, complete, enqueue, fail, jobsDb } from './queue.js';
import { JobWorker } from './worker.js';
import type { JobDefinition } from './types.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A job kind whose runs are counted per payload key; `failTimes` runs throw first. */
function counting(name: string, options: { failTimes?: number; delayMs?: number } & Partial<JobDefinition> = {}) {
  const runs = new Map<string, number>();
  let failures = 0;
  const def: JobDefinition<{ key: string }> = {
    name,
    maxAttempts: options.maxAttempts,
    backoffMs: options.backoffMs,
    everyMs: options.everyMs,
    async run(payload) {
      if (options.delayMs) await sleep(options.delayMs);
      if (failures < (options.failTimes ?? 0)) {
        failures++;
        throw new Error(`lỗi thử số ${failures}`);
      }
      const key = payload.key ?? JSON.stringify(payload);
      runs.set(key, (runs.get(key) ?? 0) + 1);
    },
  };
  return { def, runs };
}

const jobRow = (db: Db, id: number) => jobsDb(db).selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describeEngines('durable jobs', (get) => {
  const db = () => get().db;

  it('a job enqueued in a transaction that rolls back is not there; a committed one runs once', async () => {
    const { def, runs } = counting('test.outbox');
    await expect(
      inTransaction(db(), async (trx) => {
        await enqueue(trx, def, { key: 'lost' });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    const id = await inTransaction(db(), (trx) => enqueue(trx, def, { key: 'kept' }));
    expect(await jobsDb(db()).selectFrom('job').select('id').where('queue', '=', def.name).execute()).toEqual([{ id }]);

    const worker = new JobWorker(jobEnv(db()), [def]);
    expect(await worker.runUntilEmpty()).toBe(1);
    expect(await worker.runUntilEmpty()).toBe(0);
    expect([...runs]).toEqual([['kept', 1]]);
    expect(await jobRow(db(), id!)).toMatchObject({ state: 'done', attempts: 1, locked_by: null });
  });

  it('a unique key makes enqueue idempotent', async () => {
    const { def } = counting('test.unique');
    const first = await enqueue(db(), def, { key: 'a' }, { uniqueKey: 'doc-1:agency-2' });
    expect(first).toEqual(expect.any(Number));
    expect(await enqueue(db(), def, { key: 'b' }, { uniqueKey: 'doc-1:agency-2' })).toBeNull();
    expect(await enqueue(db(), def, { key: 'c' }, { uniqueKey: 'doc-1:agency-3' })).toEqual(expect.any(Number));
  });

  it('a failing handler is retried after growing delays, then dead with its last error', async () => {
    const { def, runs } = counting('test.failing', { failTimes: 10, maxAttempts: 3, backoffMs: 150 });
    const id = (await enqueue(db(), def, { key: 'x' }))!;
    const worker = new JobWorker(jobEnv(db()), [def]);
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await worker.runUntilEmpty()).toBe(1);
      const { rows } = await sql<{ state: string; attempts: number; delay: number }>`select state, attempts, extract(epoch from run_at - now()) * 1000 as delay from job where id = ${id}`.execute(db());
      expect(rows[0]).toMatchObject({ attempts: attempt, state: attempt < 3 ? 'waiting' : 'dead' });
      if (attempt < 3) {
        delays.push(Number(rows[0].delay));
        // Not yet due: nothing runs before its back-off.
        expect(await worker.runUntilEmpty()).toBe(0);
        await sleep(Number(rows[0].delay) + 20);
      }
    }
    expect(delays[0]).toBeGreaterThan(100);
    expect(delays[0]).toBeLessThanOrEqual(150);
    expect(delays[1]).toBeGreaterThan(250);
    expect(delays[1]).toBeLessThanOrEqual(300);
    expect(await jobRow(db(), id)).toMatchObject({ state: 'dead', attempts: 3, last_error: 'lỗi thử số 3', finished_at: expect.any(Date) });
    await sleep(50);
    expect(await worker.runUntilEmpty()).toBe(0);
    expect(runs.size).toBe(0);
  });

  it('a worker killed mid-job loses it when its lease runs out; another runs it; the dead worker cannot undo that', async () => {
    const { def, runs } = counting('test.lease');
    const id = (await enqueue(db(), def, { key: 'y' }))!;
    // Node A claims the job and is killed: no heartbeat, no completion.
    const [taken] = await claim(db(), [def.name], 1, 300, 'node-a:1');
    expect(taken).toMatchObject({ id, attempts: 1 });
    const nodeB = new JobWorker(jobEnv(db()), [def]);
    expect(await nodeB.runUntilEmpty()).toBe(0);
    await sleep(350);
    expect(await nodeB.runUntilEmpty()).toBe(1);
    expect([...runs]).toEqual([['y', 1]]);
    expect(await jobRow(db(), id)).toMatchObject({ state: 'done', attempts: 2 });
    // A's late report (it was not dead, only slow) finds its lease gone and changes nothing.
    await fail(db(), taken, def, 'quá muộn');
    await complete(db(), taken);
    expect(await jobRow(db(), id)).toMatchObject({ state: 'done', attempts: 2, last_error: null });
  });

  it('a long job keeps its lease while it runs', async () => {
    const { def, runs } = counting('test.long', { delayMs: 700 });
    await enqueue(db(), def, { key: 'z' });
    const a = new JobWorker(jobEnv(db()), [def], { leaseMs: 300 });
    const b = new JobWorker(jobEnv(db()), [def], { leaseMs: 300 });
    const running = a.runUntilEmpty();
    await sleep(450);
    expect(await b.runUntilEmpty()).toBe(0);
    expect(await running).toBe(1);
    expect([...runs]).toEqual([['z', 1]]);
  });

  it('a scheduled job runs once per period though the schedulers of two nodes tick', async () => {
    const { def, runs } = counting('test.hourly', { everyMs: 60 * 60 * 1000 });
    const clock = new FixedClock(new Date('2026-03-02T09:10:00+07:00'));
    const nodes = [new JobWorker(jobEnv(db(), clock), [def]), new JobWorker(jobEnv(db(), clock), [def])];
    await Promise.all(nodes.flatMap((n) => [n.schedule(), n.schedule()]));
    await Promise.all(nodes.map((n) => n.runUntilEmpty()));
    clock.set('2026-03-02T09:50:00+07:00');
    await Promise.all(nodes.map((n) => n.schedule()));
    await Promise.all(nodes.map((n) => n.runUntilEmpty()));
    expect([...runs]).toEqual([[JSON.stringify({ slotStart: '2026-03-02T02:00:00.000Z' }), 1]]);
    clock.set('2026-03-02T10:00:00+07:00');
    await Promise.all(nodes.map((n) => n.schedule()));
    await Promise.all(nodes.map((n) => n.runUntilEmpty()));
    expect([...runs.values()]).toEqual([1, 1]);
  });

  it('the background worker starts a committed job without being asked and stops cleanly', async () => {
    const { def, runs } = counting('test.background', { delayMs: 100 });
    const worker = new JobWorker(jobEnv(db()), [def], { pollMs: 50 });
    worker.start();
    await inTransaction(db(), (trx) => enqueue(trx, def, { key: 'bg' }));
    for (let i = 0; i < 100 && !runs.size; i++) await sleep(20);
    await worker.stop();
    expect([...runs]).toEqual([['bg', 1]]);
  });

  describeTwoPools(get);
});

/** Two workers on two connection pools (on PostgreSQL, two real connections that race). */
function describeTwoPools(get: () => DatabaseHandle & { url?: string }) {
  let second: DatabaseHandle | undefined;
  beforeAll(async () => {
    const url = get().url;
    if (url) second = await openPostgres(url);
  });
  afterAll(async () => {
    await second?.close();
  });

  it('two workers on two pools never run one job twice', { timeout: 60_000 }, async () => {
    const db = get().db;
    const { def, runs } = counting('test.race', { delayMs: 2 });
    const ids = new Set<number>();
    for (let i = 0; i < 200; i++) ids.add((await enqueue(db, def, { key: `k${i}` }))!);
    const ranBy: number[] = [];
    const workers = [new JobWorker(jobEnv(db), [def], { concurrency: 4 }), new JobWorker(jobEnv(second?.db ?? db), [def], { concurrency: 4 })];
    ranBy.push(...(await Promise.all(workers.map((w) => w.runUntilEmpty()))));
    expect(ranBy[0] + ranBy[1]).toBe(200);
    if (second) expect(Math.min(...ranBy)).toBeGreaterThan(0);
    expect(runs.size).toBe(200);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    const states = await jobsDb(db).selectFrom('job').select(['state', 'attempts']).where('queue', '=', def.name).execute();
    expect(states).toHaveLength(200);
    expect(states.every((s) => s.state === 'done' && s.attempts === 1)).toBe(true);
  });
}
