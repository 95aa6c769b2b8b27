import { sql } from 'kysely';
import { assertTransaction, type Db } from '../infra/db/database.js';
import { legalYear } from '../infra/time/legal-time.js';
import type { RegisterTables } from './tables.js';
import { REGISTER_KINDS, type RegisterKind } from './kinds.js';

const registerDb = (db: Db) => db.withTables<RegisterTables>();

export interface TakenNumber {
  registerId: string;
  year: number;
  number: number;
}

/**
 * Takes the next number of an agency's register for the legal year of `at` (Q-11.1b, Q-12.1b).
 *
 * Runs inside the caller's transaction, which also writes the entry carrying the number: the
 * counter row stays locked until that transaction ends, so a rollback or a crash gives the number
 * back and concurrent registrations queue for it in order — no gaps, no duplicates. Call it as late
 * in the transaction as possible: the lock is held from here to commit.
 */
export async function takeNextNumber(db: Db, input: { agencyId: string; kind: RegisterKind; series?: string; at: Date }): Promise<TakenNumber> {
  return takeNumbers(db, { ...input, count: 1 });
}

/**
 * Takes `count` consecutive numbers at once for a batch of entries written in the same transaction
 * (a group commit); `number` is the first of them. The same rules as `takeNextNumber` hold.
 */
export async function takeNumbers(db: Db, input: { agencyId: string; kind: RegisterKind; series?: string; at: Date; count: number }): Promise<TakenNumber> {
  assertTransaction(db);
  if (!Number.isInteger(input.count) || input.count < 1) throw new Error('takeNumbers: count must be a positive integer');
  const year = legalYear(input.at);
  const series = input.series ?? '';
  const q = registerDb(db);
  const bump = () =>
    q
      .updateTable('register')
      .set({ next_number: sql`next_number + ${input.count}` })
      .where('agency_id', '=', input.agencyId)
      .where('kind', '=', input.kind)
      .where('series', '=', series)
      .where('year', '=', year)
      .returning(['id', sql<number>`next_number - ${input.count}`.as('number')])
      .executeTakeFirst();
  let row = await bump();
  if (!row) {
    // First entry of the year: open the register. A concurrent opener wins the insert; we then bump its row.
    await q
      .insertInto('register')
      .values({ agency_id: input.agencyId, kind: input.kind, series, year, name: `${REGISTER_KINDS[input.kind]}${series ? ` (${series})` : ''} năm ${year}`, next_number: 1, created_at: input.at })
      .onConflict((oc) => oc.columns(['agency_id', 'kind', 'series', 'year']).doNothing())
      .execute();
    row = await bump();
  }
  if (!row) throw new Error('register row missing after insert');
  return { registerId: row.id, year, number: row.number };
}

/** The numbers an agency's register has given so far (for reports and gap checks). */
export async function registerState(db: Db, agencyId: string, kind: RegisterKind, year: number, series = '') {
  return registerDb(db)
    .selectFrom('register')
    .select(['id', 'name', 'year', 'next_number'])
    .where('agency_id', '=', agencyId)
    .where('kind', '=', kind)
    .where('series', '=', series)
    .where('year', '=', year)
    .executeTakeFirst();
}
