import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { jobsDb } from './queue.js';

export interface QueueCounts {
  queue: string;
  waiting: number;
  running: number;
  retry: number;
  dead: number;
  done: number;
}

export interface FailedJob {
  id: number;
  queue: string;
  state: string;
  attempts: number;
  lastError: string | null;
  runAt: string;
  finishedAt: string | null;
  createdAt: string;
}

/** Each queue's jobs by state: waiting (never failed), retry (failed, waiting for its next attempt), running, dead, done. */
export async function queueCounts(db: Db): Promise<QueueCounts[]> {
  const { rows } = await sql<QueueCounts>`
    select queue,
      count(*) filter (where state = 'waiting' and attempts = 0)::int as waiting,
      count(*) filter (where state = 'running')::int as running,
      count(*) filter (where state = 'waiting' and attempts > 0)::int as retry,
      count(*) filter (where state = 'dead')::int as dead,
      count(*) filter (where state = 'done')::int as done
    from job group by queue order by queue`.execute(db);
  return rows;
}

/** The latest jobs that failed: dead ones and those waiting to be retried, with their last error. */
export async function recentFailures(db: Db, limit: number): Promise<FailedJob[]> {
  const rows = await jobsDb(db)
    .selectFrom('job')
    .select(['id', 'queue', 'state', 'attempts', 'last_error', 'run_at', 'finished_at', 'created_at'])
    .where('last_error', 'is not', null)
    .where('state', 'in', ['dead', 'waiting'])
    .orderBy(sql`coalesce(finished_at, run_at)`, 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    queue: r.queue,
    state: r.state,
    attempts: r.attempts,
    lastError: r.last_error,
    runAt: r.run_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  }));
}
