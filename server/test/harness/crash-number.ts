/** Child of the numbering crash test: registers one entry, or takes a number and dies before commit. */
import { sql } from 'kysely';
import { openPglite, openPostgres } from '../../src/infra/db/create-db.js';
import { inTransaction } from '../../src/infra/db/database.js';
import { takeNextNumber } from '../../src/registers/index.js';

const [engine, target, mode] = process.argv.slice(2);
const handle = engine === 'pglite' ? await openPglite(target) : await openPostgres(target);
await inTransaction(handle.db, async (trx) => {
  const taken = await takeNextNumber(trx, { agencyId: '22222222-2222-4222-8222-222222222222', kind: 'incoming', at: new Date('2026-03-02T09:00:00+07:00') });
  await sql`insert into test_entry (register_id, number) values (${taken.registerId}, ${taken.number})`.execute(trx);
  if (mode === 'kill') process.kill(process.pid, 'SIGKILL');
});
await handle.close();
