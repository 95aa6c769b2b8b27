import { beforeAll, expect, it } from 'vitest';
import { sql, type Transaction } from 'kysely';
import { describeEngines } from '../../../test/harness/engines.js';
import { GroupCommit, type JobOutcome } from './group-commit.js';

interface Job {
  value: number;
  /** What the writer does with it. */
  mode?: 'refuse' | 'break' | 'later';
}

describeEngines('group commit', (get) => {
  beforeAll(async () => {
    await sql`create table gc_row (value int not null, batch int not null)`.execute(get().db);
    // Checked at commit, not at insert: lets a test fail a batch after its writer has run.
    await sql`create table gc_once (value int not null unique deferrable initially deferred)`.execute(get().db);
  });

  /** A writer that inserts each job's value and notes the size of every batch it was given. */
  function writer(batches: number[][], table: 'gc_row' | 'gc_once' = 'gc_row') {
    const retried = new Set<number>();
    return async (trx: Transaction<{}>, jobs: Job[]): Promise<JobOutcome<number>[]> => {
      batches.push(jobs.map((j) => j.value));
      const out: JobOutcome<number>[] = [];
      for (const job of jobs) {
        if (job.mode === 'refuse') {
          out.push({ error: new Error(`refused ${job.value}`) });
          continue;
        }
        if (job.mode === 'later' && !retried.has(job.value)) {
          retried.add(job.value);
          out.push({ retry: true });
          continue;
        }
        if (job.mode === 'break') await sql`select 1/0`.execute(trx);
        if (table === 'gc_row') await sql`insert into gc_row (value, batch) values (${job.value}, ${batches.length})`.execute(trx);
        else await sql`insert into gc_once (value) values (${job.value})`.execute(trx);
        out.push({ ok: job.value });
      }
      return out;
    };
  }

  const rows = async (from: number, to: number) =>
    (await sql<{ value: number; batch: number }>`select value, batch from gc_row where value between ${from} and ${to} order by value`.execute(get().db)).rows;

  it('[Q-11.1b] writes that arrive together share transactions, and a lone write goes at once', async () => {
    const batches: number[][] = [];
    const queue = new GroupCommit(get().db, writer(batches));
    expect(await queue.submit({ value: 1 })).toBe(1);
    expect(batches).toEqual([[1]]);
    const values = Array.from({ length: 200 }, (_, i) => 100 + i);
    expect(await Promise.all(values.map((value) => queue.submit({ value })))).toEqual(values);
    expect(batches.length).toBeLessThan(10);
    expect(batches.flat().slice(1)).toEqual(values); // in arrival order
    expect((await rows(100, 299)).map((r) => r.value)).toEqual(values);
  });

  it('a refused job fails alone; the rest of its batch commits', async () => {
    const queue = new GroupCommit(get().db, writer([]));
    const results = await Promise.allSettled([300, 301, 302].map((value) => queue.submit({ value, mode: value === 301 ? 'refuse' : undefined })));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await rows(300, 302)).map((r) => r.value)).toEqual([300, 302]);
  });

  it('a job that breaks the transaction is found by writing each alone; the others are written once', async () => {
    const batches: number[][] = [];
    const queue = new GroupCommit(get().db, writer(batches));
    const block = queue.submit({ value: 400 }); // holds the queue so the next ones form one batch
    const results = await Promise.allSettled([401, 402, 403, 404].map((value) => queue.submit({ value, mode: value === 402 ? 'break' : undefined })));
    await block;
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/division by zero/);
    expect(batches).toEqual([[400], [401, 402, 403, 404], [401], [402], [403], [404]]);
    expect((await rows(400, 404)).map((r) => r.value)).toEqual([400, 401, 403, 404]);
  });

  it('a job asked to wait goes into the next batch, ahead of later arrivals', async () => {
    const batches: number[][] = [];
    const queue = new GroupCommit(get().db, writer(batches));
    const block = queue.submit({ value: 500 });
    const first = [501, 502].map((value) => queue.submit({ value, mode: value === 501 ? 'later' : undefined }));
    await Promise.all([block, ...first]);
    expect(batches).toEqual([[500], [501, 502], [501]]);
    expect((await rows(501, 502)).map((r) => r.batch)).toEqual([3, 2]);
  });

  it('a batch whose commit fails is not written again: its jobs fail, but one the writer put off is still written', async () => {
    await sql`insert into gc_once (value) values (600)`.execute(get().db);
    const batches: number[][] = [];
    const queue = new GroupCommit(get().db, writer(batches, 'gc_once'));
    const block = queue.submit({ value: 601 });
    const results = await Promise.allSettled([602, 600, 603].map((value) => queue.submit({ value, mode: value === 603 ? 'later' : undefined })));
    await block;
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect(batches).toEqual([[601], [602, 600, 603], [603]]);
    expect((await sql<{ value: number }>`select value from gc_once order by value`.execute(get().db)).rows.map((r) => r.value)).toEqual([600, 601, 603]);
  });

  it('a writer that answers for the wrong number of jobs fails them all rather than leave one waiting', async () => {
    const queue = new GroupCommit<Job, number>(get().db, async () => []);
    const results = await Promise.allSettled([700, 701].map((value) => queue.submit({ value })));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/0 outcomes for 1 jobs/);
  });
});
