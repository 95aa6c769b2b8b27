import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, describeEngines, ENGINES } from '../../test/harness/engines.js';
import { openPglite } from '../infra/db/create-db.js';
import { inTransaction, type Db } from '../infra/db/database.js';
import { migrateToLatest } from '../infra/db/migrator.js';
import { allMigrations } from '../runtime.js';
import { takeNextNumber } from './numbering.js';

const AGENCY = '22222222-2222-4222-8222-222222222222';
const OTHER_AGENCY = '33333333-3333-4333-8333-333333333333';

/** A stand-in for the entry a register number belongs to: the number is written in the same transaction. */
async function createEntryTable(db: Db) {
  await sql`create table if not exists test_entry (register_id uuid not null, number int not null, unique (register_id, number))`.execute(db);
}

function register(db: Db, at: Date, agencyId = AGENCY, fail = false) {
  return inTransaction(db, async (trx) => {
    const taken = await takeNextNumber(trx, { agencyId, kind: 'incoming', at });
    await sql`insert into test_entry (register_id, number) values (${taken.registerId}, ${taken.number})`.execute(trx);
    if (fail) throw new Error('registration failed after taking its number');
    return taken;
  });
}

async function numbersOf(db: Db, year: number, agencyId = AGENCY): Promise<number[]> {
  const rows = await sql<{ number: number }>`
    select e.number from test_entry e join register r on r.id = e.register_id
    where r.year = ${year} and r.agency_id = ${agencyId} order by e.number`.execute(db);
  return rows.rows.map((r) => r.number);
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describeEngines('register numbering', (get) => {
  beforeAll(async () => createEntryTable(get().db));

  it('[Q-11.1b] hundreds of concurrent registrations get 1…N with no gap and no duplicate, failures included', async () => {
    const at = new Date('2026-03-02T09:00:00+07:00');
    const results = await Promise.allSettled(range(300).map((i) => register(get().db, at, AGENCY, i % 10 === 0)));
    const failed = results.filter((r) => r.status === 'rejected').length;
    expect(failed).toBe(30);
    expect(await numbersOf(get().db, 2026)).toEqual(range(270));
  });

  it('[Q-11.1b] each agency has its own sequence', async () => {
    const at = new Date('2026-03-03T09:00:00+07:00');
    await Promise.all(range(20).map(() => register(get().db, at, OTHER_AGENCY)));
    expect(await numbersOf(get().db, 2026, OTHER_AGENCY)).toEqual(range(20));
    expect((await register(get().db, at)).number).toBe(271);
  });

  it('[Q-11.1b] numbers restart at 1 on 1 January, Vietnam time, across concurrent registrations at the boundary', async () => {
    const lastSecond = new Date('2026-12-31T23:59:59+07:00'); // 16:59:59 UTC on 31 December
    const firstSecond = new Date('2027-01-01T00:00:00+07:00'); // still 31 December in UTC
    const runs = await Promise.all([...range(25).map(() => register(get().db, lastSecond)), ...range(25).map(() => register(get().db, firstSecond))]);
    expect(runs.filter((r) => r.year === 2026)).toHaveLength(25);
    expect(await numbersOf(get().db, 2026)).toEqual(range(296));
    expect(await numbersOf(get().db, 2027)).toEqual(range(25));
  });
});

/** A registration killed (SIGKILL) after taking its number, before commit, uses no number. */
describe('register numbering after a crash mid-registration', () => {
  const child = (args: string[]) =>
    new Promise<NodeJS.Signals | null>((resolve) => {
      const p = spawn(process.execPath, ['--import', 'tsx', 'test/harness/crash-number.ts', ...args], { stdio: 'ignore' });
      p.on('exit', (_code, signal) => resolve(signal));
    });

  for (const engine of ENGINES) {
    it.skipIf(engine === 'postgres' && !inject('postgres'))(`[Q-11.1b] a killed registration leaves no used number [${engine}]`, async () => {
      const root = await mkdtemp(join(tmpdir(), 'vanthu-num-'));
      try {
        let target: string;
        let open: () => Promise<{ db: Db; close(): Promise<void> }>;
        if (engine === 'pglite') {
          target = join(root, 'pgdata');
          const init = await openPglite(target);
          await migrateToLatest(init.db, allMigrations());
          await createEntryTable(init.db);
          await init.close();
          open = () => openPglite(target);
        } else {
          const handle = await createTestDb('postgres');
          await createEntryTable(handle.db);
          target = handle.url!;
          open = async () => handle;
        }
        expect(await child([engine, target, 'commit'])).toBeNull();
        expect(await child([engine, target, 'kill'])).toBe('SIGKILL');
        const db = await open();
        try {
          expect((await register(db.db, new Date('2026-03-02T10:00:00+07:00'))).number).toBe(2);
          expect(await numbersOf(db.db, 2026)).toEqual([1, 2]);
        } finally {
          await db.close();
        }
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    });
  }
});
