import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../db/migrator.js';

export const jobMigrations: Migrations = {
  '20261208T0301-job-queue': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table job (
          id bigint generated always as identity primary key,
          queue text not null,
          payload jsonb not null default '{}'::jsonb,
          state text not null default 'waiting' check (state in ('waiting', 'running', 'done', 'dead')),
          unique_key text,
          attempts integer not null default 0,
          run_at timestamptz not null default now(),
          locked_by text,
          locked_until timestamptz,
          last_error varchar(2000),
          created_at timestamptz not null default now(),
          started_at timestamptz,
          finished_at timestamptz
        )`.execute(db);
      await sql`create unique index job_unique_key on job (queue, unique_key) where unique_key is not null`.execute(db);
      // What a worker looks for: waiting jobs that are due, and running ones whose lease ran out.
      await sql`create index job_due on job (run_at, id) where state = 'waiting'`.execute(db);
      await sql`create index job_lease on job (locked_until) where state = 'running'`.execute(db);
      await sql`create index job_finished on job (finished_at) where state = 'done'`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table job`.execute(db);
    },
  },
};
