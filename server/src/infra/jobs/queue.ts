import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { JobTables, JobState } from './tables.js';
import { backoffDelay, DEFAULT_MAX_ATTEMPTS, type EnqueueOptions, type JobDefinition } from './types.js';

/** The channel a worker on PostgreSQL listens on to start a new job without waiting for its poll. */
export const JOB_CHANNEL = 'vanthu_jobs';

export const jobsDb = (db: Db) => db.withTables<JobTables>();

export interface ClaimedJob {
  id: number;
  queue: string;
  payload: unknown;
  attempts: number;
  token: string;
}

/**
 * Adds a job in the caller's transaction, so the change that causes it and the job commit or roll
 * back together (a transactional outbox). Answers the job's id, or null when a job with the same
 * unique key is already there. Workers on PostgreSQL are woken at commit.
 */
export async function enqueue<P>(db: Db, job: JobDefinition<P> | string, payload: P, options: EnqueueOptions = {}): Promise<number | null> {
  const queue = typeof job === 'string' ? job : job.name;
  const { rows } = await sql<{ id: number }>`
    with added as (
      insert into job (queue, payload, unique_key, run_at)
      values (${queue}, ${JSON.stringify(payload ?? {})}::jsonb, ${options.uniqueKey ?? null}, now() + ${options.delayMs ?? 0} * interval '1 millisecond')
      on conflict (queue, unique_key) where unique_key is not null do nothing
      returning id
    )
    select id, pg_notify(${JOB_CHANNEL}, ${queue})::text as notified from added`.execute(db);
  return rows[0]?.id ?? null;
}

/** One run per slot of `everyMs` for each scheduled job: whichever node's scheduler comes first adds it. */
export async function enqueueScheduled(db: Db, definitions: JobDefinition[], now: Date): Promise<void> {
  for (const def of definitions) {
    if (!def.everyMs) continue;
    const slot = Math.floor(now.getTime() / def.everyMs);
    await enqueue(db, def, { slotStart: new Date(slot * def.everyMs).toISOString() }, { uniqueKey: `slot:${def.everyMs}:${slot}` });
  }
}

/**
 * Leases up to `limit` jobs of these queues: due waiting ones, and running ones whose lease ran out
 * (their node stopped or was killed). SKIP LOCKED lets workers on other connections take others.
 */
export async function claim(db: Db, queues: string[], limit: number, leaseMs: number, token: string): Promise<ClaimedJob[]> {
  if (!queues.length || limit < 1) return [];
  const { rows } = await sql<Omit<ClaimedJob, 'token'>>`
    update job set state = 'running', attempts = job.attempts + 1, locked_by = ${token},
      locked_until = now() + ${leaseMs} * interval '1 millisecond', started_at = now()
    where id in (
      select id from job
      where queue = any(${queues}::text[])
        and ((state = 'waiting' and run_at <= now()) or (state = 'running' and locked_until < now()))
      order by run_at, id
      limit ${limit}
      for update skip locked)
    returning id, queue, payload, attempts`.execute(db);
  return rows.map((r) => ({ ...r, token }));
}

/** Keeps a running job's lease; false when the lease was lost (another worker may have it now). */
export async function extendLease(db: Db, job: ClaimedJob, leaseMs: number): Promise<boolean> {
  const r = await sql`update job set locked_until = now() + ${leaseMs} * interval '1 millisecond' where id = ${job.id} and locked_by = ${job.token} and state = 'running'`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function complete(db: Db, job: ClaimedJob): Promise<void> {
  await sql`update job set state = 'done', finished_at = now(), locked_by = null, locked_until = null where id = ${job.id} and locked_by = ${job.token}`.execute(db);
}

/** A failed run: retried after a back-off, or dead once its attempts are used up. */
export async function fail(db: Db, job: ClaimedJob, def: Pick<JobDefinition, 'maxAttempts' | 'backoffMs'>, message: string): Promise<JobState> {
  const dead = job.attempts >= (def.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const state: JobState = dead ? 'dead' : 'waiting';
  await sql`
    update job set state = ${state}, last_error = ${message.slice(0, 2000)}, locked_by = null, locked_until = null,
      run_at = now() + ${dead ? 0 : backoffDelay(def, job.attempts)} * interval '1 millisecond',
      finished_at = ${dead ? sql`now()` : null}
    where id = ${job.id} and locked_by = ${job.token}`.execute(db);
  return state;
}

/** Puts a dead job back in its queue with fresh attempts (the admin's "retry"); false if it is not dead. */
export async function retryDead(db: Db, id: number): Promise<boolean> {
  const r = await jobsDb(db)
    .updateTable('job')
    .set({ state: 'waiting', attempts: 0, run_at: sql<Date>`now()`, finished_at: null })
    .where('id', '=', id)
    .where('state', '=', 'dead')
    .executeTakeFirst();
  if (!r.numUpdatedRows) return false;
  await sql`select pg_notify(${JOB_CHANNEL}, 'retry')`.execute(db);
  return true;
}

/** Finished jobs are kept a while for the admin page, then removed. */
export async function removeFinished(db: Db, olderThanDays: number): Promise<number> {
  const r = await jobsDb(db)
    .deleteFrom('job')
    .where('state', '=', 'done')
    .where('finished_at', '<', sql<Date>`now() - ${olderThanDays} * interval '1 day'`)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
