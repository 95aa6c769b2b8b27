import type { ColumnType, Generated } from 'kysely';

/** waiting (maybe after a failure, with run_at in the future), running (leased), done, dead (attempts used up). */
export type JobState = 'waiting' | 'running' | 'done' | 'dead';

export type JobTable = {
  id: Generated<number>;
  /** The job's name, which is its queue: 'outgoing.convert', 'incoming.deadline-reminders' … */
  queue: string;
  payload: ColumnType<unknown, string, string>;
  state: Generated<JobState>;
  /** Idempotent enqueue: a second job of the same queue and key is not added (kept while the row is). */
  unique_key: string | null;
  attempts: Generated<number>;
  run_at: Generated<Date>;
  /** Who holds the lease (a token per claim) and until when; an expired lease is taken again. */
  locked_by: string | null;
  locked_until: Date | null;
  last_error: string | null;
  created_at: Generated<Date>;
  started_at: Date | null;
  finished_at: Date | null;
};

export type JobTables = { job: JobTable };
