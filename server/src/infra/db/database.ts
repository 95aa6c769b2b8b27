import type { Kysely, Transaction } from 'kysely';

/**
 * The database seen by shared code: no tables. Each module widens it with its own tables
 * (`db.withTables<AgencyTables>()`), so the type system keeps a module out of other modules' tables.
 */
export type Db = Kysely<{}>;

/** Runs `fn` in one transaction. Refuses to nest: on PGlite (one connection) nesting would deadlock. */
export async function inTransaction<T>(db: Db, fn: (trx: Transaction<{}>) => Promise<T>): Promise<T> {
  if (db.isTransaction) throw new Error('inTransaction: already inside a transaction');
  return db.transaction().execute(fn);
}

export function assertTransaction(db: Db): void {
  if (!db.isTransaction) throw new Error('this operation must run inside a transaction');
}

/** A unique constraint said no (SQLSTATE 23505): the caller turns it into a CONFLICT with its own words. */
export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === '23505';
}
