import { STALL_LIMIT_MS } from '../../../test/harness/load.js';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { Isolate, IsolateRefusal } from './isolate.js';
import { refusalAsAppError } from './refusal.js';

const TASKS = new URL('./testing-tasks.ts', import.meta.url);

/** The longest the event loop stalled while `work` ran, sampled every 10 ms. */
async function longestStall<T>(work: Promise<T>): Promise<{ stall: number; result: PromiseSettledResult<T> }> {
  let stall = 0;
  let last = Date.now();
  const timer = setInterval(() => {
    const now = Date.now();
    stall = Math.max(stall, now - last - 10);
    last = now;
  }, 10);
  const [result] = await Promise.allSettled([work]);
  clearInterval(timer);
  return { stall, result };
}

describe('isolated jobs (decoding user files off the event loop)', () => {
  const isolate = new Isolate(2);
  afterAll(() => isolate.close());

  it('runs a task in a worker: Buffers in and out, nested too', async () => {
    const out = await isolate.run<{ isBuffer: boolean; length: number; inner: Buffer }>(TASKS, 'echo', [Buffer.from('abc'), { inner: Buffer.from('xy') }]);
    expect(out.isBuffer).toBe(true);
    expect(out.length).toBe(3);
    expect(Buffer.isBuffer(out.inner) && out.inner.toString()).toBe('xy');
  });

  it('a job over its time is stopped and refused, the event loop never stalls, and the next job runs', async () => {
    await isolate.run(TASKS, 'spin', [1]); // a warm worker, so the sample below measures the job
    const { stall, result } = await longestStall(isolate.run(TASKS, 'spin', [5_000], { timeoutMs: 800 }));
    expect(result.status).toBe('rejected');
    expect((result as PromiseRejectedResult).reason).toEqual(new IsolateRefusal('TIMEOUT'));
    expect(stall).toBeLessThan(STALL_LIMIT_MS);
    expect(await isolate.run(TASKS, 'spin', [1])).toBeGreaterThan(0);
  });

  it('a job over its memory is stopped and refused as MEMORY, not a crash of the server', async () => {
    const err = await isolate.run(TASKS, 'hog', [], { heapMb: 64, timeoutMs: 20_000 }).catch((e: unknown) => e);
    expect(err).toEqual(new IsolateRefusal('MEMORY'));
    const told = refusalAsAppError(err, 'Tệp PDF') as AppError;
    expect([told.code, told.status, told.details]).toEqual(['PAYLOAD_TOO_LARGE', 413, { reason: 'DECODE_MEMORY' }]);
    expect(told.message).toMatch(/^Tệp PDF quá lớn hoặc quá phức tạp/);
    expect((await isolate.run<{ length: number }>(TASKS, 'echo', [Buffer.from('a'), { inner: Buffer.alloc(0) }])).length).toBe(1);
  });

  it('an AppError thrown by the task reaches the caller as the same AppError', async () => {
    const err = (await isolate.run(TASKS, 'refuse', []).catch((e: unknown) => e)) as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect([err.code, err.message, err.details]).toEqual(['VALIDATION_FAILED', 'Tệp không đọc được.', { reason: 'TEST' }]);
  });

  it('jobs beyond the workers wait their turn', async () => {
    const started = Date.now();
    const results = await Promise.all([300, 300, 300].map((ms) => isolate.run<number>(TASKS, 'spin', [ms])));
    expect(results.every((n) => n > 0)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
  });
});
