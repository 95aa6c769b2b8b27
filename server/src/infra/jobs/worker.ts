import { randomBytes } from 'node:crypto';
import { claim, complete, enqueueScheduled, extendLease, fail, type ClaimedJob } from './queue.js';
import { DEFAULT_MAX_ATTEMPTS, type JobDefinition, type JobEnv } from './types.js';

export interface WorkerOptions {
  /** Jobs run at once by this process. */
  concurrency?: number;
  /** How often to look for work when nothing woke the worker. */
  pollMs?: number;
  /** A claimed job is this node's for so long, renewed every third of it while the handler runs. */
  leaseMs?: number;
  /** How often the scheduler adds the current slot's scheduled jobs (a lost race adds nothing). */
  scheduleEveryMs?: number;
}

/**
 * Runs the jobs of the registered queues in this process. Every server process runs one; jobs are
 * claimed from the database with a lease, so each runs on one node at a time, and the job of a
 * killed node is taken again when its lease runs out.
 */
export class JobWorker {
  private readonly byName: Map<string, JobDefinition>;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly id = randomBytes(6).toString('hex');
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private woken = false;
  private lastSchedule = 0;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly scheduleEveryMs: number;

  constructor(
    private readonly env: JobEnv,
    definitions: JobDefinition[],
    options: WorkerOptions = {},
  ) {
    this.byName = new Map(definitions.map((d) => [d.name, d]));
    if (this.byName.size !== definitions.length) throw new Error('two job definitions share a name');
    this.concurrency = options.concurrency ?? 2;
    this.pollMs = options.pollMs ?? 1000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.scheduleEveryMs = options.scheduleEveryMs ?? 30_000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.pollLoop();
  }

  /** Looks for work now (a NOTIFY arrived, or a job of this process just finished). */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Stops claiming and waits for the jobs in hand to finish. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await this.idle();
  }

  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  /** Adds the current slot of every scheduled job (idempotent across nodes). */
  async schedule(): Promise<void> {
    await enqueueScheduled(this.env.db, [...this.byName.values()], this.env.clock.now());
  }

  /** Runs due jobs until none is left (tests, CLI): claims one batch at a time and waits for it. */
  async runUntilEmpty(): Promise<number> {
    let ran = 0;
    for (;;) {
      const jobs = await claim(this.env.db, [...this.byName.keys()], this.concurrency, this.leaseMs, this.token());
      if (!jobs.length) return ran;
      await Promise.all(jobs.map((job) => this.execute(job)));
      ran += jobs.length;
    }
  }

  private token(): string {
    return `${this.id}:${randomBytes(6).toString('hex')}`;
  }

  private async pollLoop(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        if (Date.now() - this.lastSchedule >= this.scheduleEveryMs) {
          this.lastSchedule = Date.now();
          await this.schedule();
        }
        const free = this.concurrency - this.inFlight.size;
        if (free > 0) {
          const jobs = await claim(this.env.db, [...this.byName.keys()], free, this.leaseMs, this.token());
          claimed = jobs.length;
          for (const job of jobs) {
            const run = this.execute(job).finally(() => {
              this.inFlight.delete(run);
              this.wake();
            });
            this.inFlight.add(run);
          }
        }
      } catch (err) {
        // The database is away (restart, failover): try again at the next poll.
        this.env.log(`hàng đợi công việc: ${message(err)}`);
      }
      // A full batch suggests more is waiting: look again at once if there is room.
      if (this.running && !(claimed > 0 && this.inFlight.size < this.concurrency)) await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.pollMs);
      timer.unref();
      this.wakeUp = () => {
        this.wakeUp = undefined;
        this.woken = false;
        done();
      };
    });
  }

  /** Runs one claimed job and records its outcome; never throws. */
  private async execute(job: ClaimedJob): Promise<void> {
    const def = this.byName.get(job.queue)!;
    try {
      if (job.attempts > (def.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)) {
        // Its last attempt's node stopped mid-job, lease after lease: a job that kills its worker.
        await fail(this.env.db, job, def, 'Hết số lần thử: nút xử lý dừng giữa chừng (hết thời hạn giữ việc).');
        return;
      }
      const heartbeat = setInterval(() => void extendLease(this.env.db, job, this.leaseMs).catch(() => undefined), Math.max(50, this.leaseMs / 3));
      heartbeat.unref();
      try {
        await def.run(job.payload, this.env, { id: job.id, attempt: job.attempts });
      } finally {
        clearInterval(heartbeat);
      }
      await complete(this.env.db, job);
    } catch (err) {
      this.env.log(`công việc ${job.queue} #${job.id} lỗi (lần ${job.attempts}): ${message(err)}`);
      await fail(this.env.db, job, def, message(err)).catch((e) => this.env.log(`không ghi được lỗi của công việc #${job.id}: ${message(e)}`));
    }
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
