/**
 * A small HTTP/1.1 load generator for the benches: keep-alive sockets on loopback, each sending
 * one request after another. It runs in a worker thread so that the clients do not share the
 * server's event loop, and it reads no more of a response than its status and length, so that
 * what is measured is the server.
 */
import { Worker } from 'node:worker_threads';

export interface LoadPlan {
  port: number;
  clients: number;
  count: number;
  path: string;
  headers: Record<string, string>;
  /** The body of request i: every `{i}` replaced by i + firstIndex. */
  bodyTemplate: string;
  firstIndex: number;
}

export interface LoadResult {
  ms: number;
  statuses: Record<number, number>;
}

/** Runs the plan and resolves when every request has been answered. */
export function runLoad(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./http-load-worker.mjs', import.meta.url), { workerData: plan });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}
