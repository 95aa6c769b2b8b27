import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness/engines.js';
import { allMigrations } from '../../runtime.js';
import { openPglite } from './create-db.js';
import { migrateToLatest, type Migrations } from './migrator.js';

describeEngines('migrations at start', (get) => {
  it('an up-to-date database is recognised by one query: nothing runs, nothing changes', async () => {
    const { db } = get();
    const before = await sql<{ n: number }>`select count(*)::int as n from schema_migration`.execute(db);
    expect(await migrateToLatest(db, allMigrations())).toEqual([]);
    const after = await sql<{ n: number }>`select count(*)::int as n from schema_migration`.execute(db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('a new migration is applied, once', async () => {
    const { db } = get();
    const added: Migrations = {
      ...allMigrations(),
      '29991231T000000_probe': { up: async (d) => void (await sql`create table migrator_probe (id int)`.execute(d)) },
    };
    expect(await migrateToLatest(db, added)).toEqual(['29991231T000000_probe']);
    expect(await migrateToLatest(db, added)).toEqual([]);
  });

  it('a node of the previous release restarts after a newer release migrated the database (rolling upgrade)', async () => {
    const { db } = get();
    // The database now has 29991231T000000_probe, which this "older" code does not know.
    expect(await migrateToLatest(db, allMigrations())).toEqual([]);
  });
});

describe('PGlite settings', () => {
  it('starts with a small shared buffer pool (resident memory of every start)', async () => {
    const handle = await openPglite();
    try {
      const { rows } = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(handle.db);
      expect(rows[0]!.shared_buffers).toBe('16MB');
    } finally {
      await handle.close();
    }
  });
});
