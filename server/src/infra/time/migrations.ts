import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../db/migrator.js';
import { DEFAULT_HOLIDAY_RULES } from './holidays.js';

export const calendarMigrations: Migrations = {
  '20261124T0004-calendar': {
    async up(db: Kysely<unknown>) {
      // The law's recurring holidays, kept as rows so that a change of law is a data change.
      await sql`
        create table calendar_holiday_rule (
          id integer generated always as identity primary key,
          name varchar(100) not null,
          calendar text not null check (calendar in ('solar', 'lunar')),
          month smallint not null check (month between 1 and 12),
          day smallint check (day between 1 and 31),
          span smallint not null default 1 check (span between 1 and 15),
          compensate boolean not null default true
        )`.execute(db);
      for (const r of DEFAULT_HOLIDAY_RULES) {
        await sql`insert into calendar_holiday_rule (name, calendar, month, day, span, compensate)
          values (${r.name}, ${r.calendar}, ${r.month}, ${r.day === 'last' ? null : r.day}, ${r.span ?? 1}, ${r.compensate ?? true})`.execute(db);
      }
      // Days the Government announces each year: extra days off and swapped working Saturdays.
      await sql`
        create table calendar_override (
          date date primary key,
          kind text not null check (kind in ('holiday', 'working')),
          name varchar(200) not null,
          created_by uuid,
          created_at timestamptz not null
        )`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table calendar_override`.execute(db);
      await sql`drop table calendar_holiday_rule`.execute(db);
    },
  },
};
