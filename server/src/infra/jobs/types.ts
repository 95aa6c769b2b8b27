import type { Db } from '../db/database.js';
import type { Clock } from '../time/clock.js';
import type { FileStore } from '../storage/file-store.js';
import type { OfficeConverter } from '../convert/index.js';

/** What a handler gets besides its payload: the process's shared services, never a transaction. */
export interface JobEnv {
  db: Db;
  clock: Clock;
  files: FileStore;
  /** LibreOffice headless; absent, conversion jobs fail and are retried later. */
  converter?: OfficeConverter;
  log(message: string): void;
}

export interface JobInfo {
  id: number;
  /** 1 on the first run; a retry or a job taken over after an expired lease counts again. */
  attempt: number;
}

/**
 * A kind of job, registered by the module that owns it (`AppModule.jobs`). Its name is its queue.
 *
 * The contract: a handler is IDEMPOTENT. A job can run more than once (a node killed after the work
 * but before the job was marked done; a lease that ran out while the handler was still working),
 * so a second run must change nothing: guard each write with the state it moves from
 * (`where conversion = 'pending'`), use unique keys (notification dedupe keys), or do the work and
 * its record in one transaction. A handler that throws is retried with back-off, then dead.
 */
export interface JobDefinition<P = unknown> {
  name: string;
  run(payload: P, env: JobEnv, job: JobInfo): Promise<void>;
  /** Scheduled: one run per slot of this length across every node (the slot is its unique key). */
  everyMs?: number;
  /** Runs before the job is dead (5 by default). */
  maxAttempts?: number;
  /** First retry after this long, doubling each time up to an hour (10 s by default). */
  backoffMs?: number;
}

export interface EnqueueOptions {
  /** A second job of this queue with this key is not added; enqueue answers null then. */
  uniqueKey?: string;
  /** Not before this moment (the database's clock decides). */
  delayMs?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 60 * 60 * 1000;

/** Delay before attempt n+1 after n failed ones: base, 2·base, 4·base … capped. */
export function backoffDelay(def: Pick<JobDefinition, 'backoffMs'>, failedAttempts: number): number {
  const base = def.backoffMs ?? DEFAULT_BACKOFF_MS;
  return Math.min(base * 2 ** Math.max(0, failedAttempts - 1), MAX_BACKOFF_MS);
}
