import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEngines } from '../../../test/harness/engines.js';
import { systemClock } from '../time/clock.js';
import { refreshStatistics } from './statistics.js';
import { jobEnv } from '../../../test/harness/jobs.js';

describeEngines('planner statistics', (get) => {
  it('the periodic job gives the planner the real size of a table that grew since it was created', async () => {
    const db = get().db;
    await sql`create table stats_probe (n int)`.execute(db);
    await sql`insert into stats_probe select generate_series(1, 5000)`.execute(db);
    await refreshStatistics.run({}, jobEnv(db, systemClock), { id: 0, attempt: 1 });
    const { rows } = await sql<{ reltuples: number }>`select reltuples::int as reltuples from pg_class where relname = 'stats_probe'`.execute(db);
    expect(rows[0].reltuples).toBe(5000);
  });
});
