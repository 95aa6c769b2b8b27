/**
 * Hàng đợi công việc: durable jobs on the database, on both engines. A job is enqueued in the
 * transaction of the change that causes it; workers in every process claim it with a lease
 * (SELECT … FOR UPDATE SKIP LOCKED), retry it with back-off, and leave it dead after its last
 * attempt. Scheduled jobs get one run per period across all nodes. Modules register their jobs
 * with `AppModule.jobs`; handlers must be idempotent (see JobDefinition).
 */
import type { AppModule } from '../module.js';
import { jobMigrations } from './migrations.js';
import { jobRoutes } from './routes.js';
import { removeFinished } from './queue.js';
import type { JobDefinition } from './types.js';

/** Daily: finished jobs older than two weeks go (their unique keys are of slots long past). */
export const removeFinishedJobs: JobDefinition = {
  name: 'jobs.remove-finished',
  everyMs: 24 * 60 * 60 * 1000,
  async run(_payload, env) {
    await removeFinished(env.db, 14);
  },
};

export const jobsModule: AppModule = { name: 'jobs', prefix: 'jobs', migrations: jobMigrations, routes: jobRoutes, jobs: [removeFinishedJobs] };
export { enqueue, enqueueScheduled, claim, type ClaimedJob } from './queue.js';
export { JobWorker, type WorkerOptions } from './worker.js';
export { listenForJobs } from './listen.js';
export type { JobDefinition, JobEnv, JobInfo, EnqueueOptions } from './types.js';
