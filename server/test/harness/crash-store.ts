/**
 * Child process of the crash tests: stores one file and kills itself with SIGKILL at a chosen step,
 * the way a power cut or an OOM kill would stop it. Args: <engine> <pglite dir | postgres url> <files dir> <step|after-commit>.
 */
import { Readable } from 'node:stream';
import { openPglite, openPostgres } from '../../src/infra/db/create-db.js';
import { inTransaction } from '../../src/infra/db/database.js';
import { FileStore, FsBlobDriver } from '../../src/infra/storage/index.js';
import { systemClock } from '../../src/infra/time/clock.js';
import { pdfBytes } from './samples.js';

const [engine, target, filesDir, crashAt] = process.argv.slice(2);
const die = () => process.kill(process.pid, 'SIGKILL');
const handle = engine === 'pglite' ? await openPglite(target) : await openPostgres(target);
const files = new FileStore({
  driver: new FsBlobDriver(filesDir),
  maxBytes: 10 * 1024 * 1024,
  onStep: (step) => {
    if (step === crashAt) die();
  },
});
const actor = { userId: '11111111-1111-4111-8111-111111111111', username: 'crash', fullName: 'Crash', agencyId: '22222222-2222-4222-8222-222222222222', unitId: null, roles: ['clerk' as const] };
await inTransaction(handle.db, (trx) =>
  files.store({ db: trx, clock: systemClock, actor, ip: null, files }, { source: Readable.from([pdfBytes(`crash-${crashAt}`, 300_000)]), originalName: 'quyet-dinh.pdf' }),
);
if (crashAt === 'after-commit') die();
await handle.close();
