/**
 * Decoding and rendering of what users upload (PDFs, images) runs here, off the event loop: in
 * worker threads with a heap limit and a time limit, a few at a time. A job over its limits is
 * stopped (the worker is terminated and replaced) and reported as a refusal, never a crash, and
 * the server keeps answering everyone else meanwhile.
 *
 * A task is an exported function of a module, named by the module's URL: it receives and returns
 * structured-clonable values (Buffers arrive as Buffers). An AppError it throws reaches the caller
 * as the same AppError.
 */
import { Worker } from 'node:worker_threads';
import { ERROR_STATUS, AppError, type ErrorCode } from '../../shared/errors.js';
import { WorkerPool } from '../convert/worker-pool.js';

export interface IsolateLimits {
  /** Wall-clock time for the job once its module is loaded (queueing and loading excluded). */
  timeoutMs: number;
  /** V8 heap of the worker (old generation), in MB. */
  heapMb: number;
}

/** Defaults; each caller sets what its job needs (a 2,000-page PDF parses in about 1–4 s on the test server). */
export const DEFAULT_LIMITS: IsolateLimits = { timeoutMs: 20_000, heapMb: 512 };

/** Loading a task's modules the first time in a worker (pdf.js, the signing module: seconds under load). */
const LOAD_TIMEOUT_MS = 60_000;

export type IsolateRefusalKind = 'TIMEOUT' | 'MEMORY' | 'CRASHED';

/** A job stopped for exceeding its limits (or its worker dying): the input is too much, not the server broken. */
export class IsolateRefusal extends Error {
  constructor(readonly kind: IsolateRefusalKind) {
    super(`isolated job stopped: ${kind}`);
  }
}

interface Job {
  id: number;
  worker: Worker;
  started(): void;
  module: string;
  fn: string;
  args: unknown[];
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

interface Slot {
  worker?: Worker;
  heapMb?: number;
  job?: Job;
}

const ENTRY = new URL('./worker.mjs', import.meta.url);

export class Isolate {
  private readonly pool: WorkerPool;
  private readonly slots: Slot[];
  private nextId = 1;

  constructor(size = 2) {
    this.pool = new WorkerPool(size);
    this.slots = Array.from({ length: size }, () => ({}));
  }

  /** Runs `fn` of `module` in a worker; refuses with IsolateRefusal when the job exceeds its limits. */
  async run<R>(module: URL | string, fn: string, args: unknown[], limits: Partial<IsolateLimits> = {}): Promise<R> {
    const { timeoutMs, heapMb } = { ...DEFAULT_LIMITS, ...limits };
    const { slot: taken } = this.pool.reserve();
    const index = await taken;
    try {
      return (await this.runIn(this.slots[index], String(module), fn, args, timeoutMs, heapMb)) as R;
    } finally {
      this.pool.release(index);
    }
  }

  private runIn(slot: Slot, module: string, fn: string, args: unknown[], timeoutMs: number, heapMb: number): Promise<unknown> {
    // A worker keeps its heap limit for life: one started for another limit is replaced.
    if (slot.worker && slot.heapMb !== heapMb) this.stop(slot);
    const worker = slot.worker ?? this.start(slot, heapMb);
    worker.ref();
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      // Until the task's module is loaded the generous LOAD_TIMEOUT_MS applies, then the job's own limit.
      const limit = (ms: number) => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          const job = slot.job;
          this.stop(slot);
          job?.reject(new IsolateRefusal('TIMEOUT'));
        }, ms);
        timer.unref();
      };
      limit(LOAD_TIMEOUT_MS + timeoutMs);
      const settle = <T>(f: (v: T) => void) => (v: T) => {
        clearTimeout(timer);
        slot.job = undefined;
        slot.worker?.unref();
        f(v);
      };
      slot.job = { id: this.nextId++, worker, module, fn, args, started: () => limit(timeoutMs), resolve: settle(resolve), reject: settle(reject) };
      worker.postMessage({ id: slot.job.id, module, fn, args });
    });
  }

  private start(slot: Slot, heapMb: number): Worker {
    const worker = new Worker(ENTRY, { resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(16, heapMb / 8)) }, stdout: false, stderr: false });
    slot.worker = worker;
    slot.heapMb = heapMb;
    // Events of a worker already replaced concern no job of the slot's new worker.
    const jobOf = () => (slot.job?.worker === worker ? slot.job : undefined);
    worker.on('message', (m: { id: number; started?: true; ok: boolean; value?: unknown; error?: SerialisedError }) => {
      const job = jobOf();
      if (!job || job.id !== m.id) return;
      if (m.started) return job.started();
      if (m.ok) job.resolve(revive(m.value));
      else job.reject(rebuild(m.error!));
    });
    worker.on('error', (err: Error & { code?: string }) => {
      const job = jobOf();
      if (slot.worker === worker) slot.worker = undefined;
      job?.reject(new IsolateRefusal(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'MEMORY' : 'CRASHED'));
    });
    worker.on('exit', () => {
      if (slot.worker === worker) slot.worker = undefined;
      jobOf()?.reject(new IsolateRefusal('CRASHED'));
    });
    return worker;
  }

  private stop(slot: Slot): void {
    const worker = slot.worker;
    slot.worker = undefined;
    if (worker) void worker.terminate();
  }

  /** Stops every worker (jobs running now are refused); the isolate starts new ones if used again. */
  async close(): Promise<void> {
    await Promise.all(this.slots.map(async (slot) => {
      const worker = slot.worker;
      slot.worker = undefined;
      await worker?.terminate();
    }));
  }
}

interface SerialisedError {
  name?: string;
  message: string;
  code?: string;
  details?: unknown;
  stack?: string;
}

function rebuild(e: SerialisedError): Error {
  if (e.code && e.code in ERROR_STATUS) return new AppError(e.code as ErrorCode, e.message, e.details);
  const err = new Error(e.message);
  err.name = e.name ?? 'Error';
  if (e.stack) err.stack = e.stack;
  return err;
}

function revive(value: unknown): unknown {
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
  }
  return value;
}

/** The process's isolate: two workers, so two heavy jobs run at once on a small server and the rest wait. */
export const isolate = new Isolate(Number(process.env.VANTHU_DECODE_WORKERS ?? 2) || 2);
