import { setImmediate } from 'node:timers/promises';
import type { Transaction } from 'kysely';
import { inTransaction, type Db } from './database.js';

/** What a batch writer says of one job: written, refused with nothing written for it, or to go in the next batch. */
export type JobOutcome<R> = { ok: R } | { error: unknown } | { retry: true };

export type BatchWriter<J, R> = (trx: Transaction<{}>, jobs: J[]) => Promise<JobOutcome<R>[]>;

interface Pending<J, R> {
  job: J;
  resolve: (value: R) => void;
  reject: (reason: unknown) => void;
}

/**
 * Group commit. Writers that all queue on the same locks (a register's counter row, the audit
 * chain) would each hold them through their own commit, so the rate is one disk flush per write.
 * Here the writes waiting meanwhile share the next transaction: one flush serves the whole batch.
 * One batch runs at a time per queue; a job arriving at an idle queue is written at once.
 */
export class GroupCommit<J, R> {
  private readonly queue: Pending<J, R>[] = [];
  private running = false;

  constructor(
    private readonly db: Db,
    private readonly write: BatchWriter<J, R>,
    private readonly maxBatch = 128,
  ) {}

  submit(job: J): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.maxBatch);
        // Never leave a caller waiting: a fault here fails the batch (settling twice does nothing).
        await this.run(batch).catch((err: unknown) => batch.forEach((p) => p.reject(err)));
        // Let requests that arrived meanwhile join the next batch: an embedded engine (PGlite) can
        // run a whole transaction without yielding to I/O.
        await setImmediate();
      }
    } finally {
      this.running = false;
    }
  }

  private async run(batch: Pending<J, R>[]): Promise<void> {
    let written: JobOutcome<R>[] | undefined;
    let outcomes: JobOutcome<R>[];
    try {
      outcomes = await inTransaction(this.db, async (trx) => {
        const result = await this.write(trx, batch.map((p) => p.job));
        if (result.length !== batch.length) throw new Error(`group commit: ${result.length} outcomes for ${batch.length} jobs`);
        written = result;
        return result;
      });
    } catch (err) {
      // A failed commit may still have committed (a lost connection): never write those jobs again;
      // only those the writer put off were not tried at all.
      if (written || batch.length === 1) {
        const putOff = written?.map((o, i) => ('retry' in o ? batch[i] : undefined)).filter((p) => p !== undefined) ?? [];
        for (const p of batch) if (!putOff.includes(p)) p.reject(err);
        this.queue.unshift(...putOff);
        return;
      }
      // One job broke the transaction and nothing of the batch was written: each alone, so only it fails.
      for (const p of batch) await this.run([p]);
      return;
    }
    const again: Pending<J, R>[] = [];
    outcomes.forEach((o, i) => {
      if ('ok' in o) batch[i].resolve(o.ok);
      else if ('error' in o) batch[i].reject(o.error);
      else again.push(batch[i]);
    });
    this.queue.unshift(...again);
  }
}

/** One queue per database and purpose, made on first use. */
export function groupCommitFor<J, R>(cache: WeakMap<Db, GroupCommit<J, R>>, db: Db, write: BatchWriter<J, R>): GroupCommit<J, R> {
  let queue = cache.get(db);
  if (!queue) cache.set(db, (queue = new GroupCommit(db, write)));
  return queue;
}
