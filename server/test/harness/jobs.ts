import type { Db } from '../../src/infra/db/database.js';
import { systemClock, type Clock } from '../../src/infra/time/clock.js';
import type { FileStore } from '../../src/infra/storage/file-store.js';
import { JobWorker, type JobEnv } from '../../src/infra/jobs/index.js';
import { MODULES } from '../../src/modules.js';

const noFiles = new Proxy({}, {
  get() {
    throw new Error('this test gave its jobs no file store');
  },
}) as FileStore;

/** What a job handler receives, for tests that call one directly. */
export function jobEnv(db: Db, clock: Clock = systemClock, extra: Partial<Omit<JobEnv, 'db' | 'clock'>> = {}): JobEnv {
  return { db, clock, files: noFiles, log: () => undefined, ...extra };
}

/**
 * Runs every due job of every module until the queue has none left, as the workers of a server would
 * (test apps run no worker of their own, so a test says when follow-up work happens).
 */
export async function drainJobs(db: Db, clock: Clock = systemClock, extra: Partial<Omit<JobEnv, 'db' | 'clock'>> = {}): Promise<number> {
  const worker = new JobWorker(jobEnv(db, clock, extra), MODULES.flatMap((m) => m.jobs ?? []), { concurrency: 1 });
  return worker.runUntilEmpty();
}
