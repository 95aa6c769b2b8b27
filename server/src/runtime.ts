import { join } from 'node:path';
import type { Config } from './config/env.js';
import { lockDataDir } from './infra/db/lock.js';
import { openPglite, openPostgres, type DatabaseHandle } from './infra/db/create-db.js';
import { mergeMigrations, migrateToLatest } from './infra/db/migrator.js';
import { FileStore, FsBlobDriver } from './infra/storage/index.js';
import { MODULES } from './modules.js';
import { JobWorker, listenForJobs, type JobEnv, type WorkerOptions } from './infra/jobs/index.js';

export interface Runtime extends DatabaseHandle {
  files: FileStore;
  /** Runs this process's job worker (server processes; the CLI does not) until shutdown. */
  startJobs(env: Omit<JobEnv, 'db' | 'files'>, options?: WorkerOptions): JobWorker;
  /** Stops the job worker (waiting for jobs in hand), closes the database and releases the data directory. */
  shutdown(): Promise<void>;
}

export const allMigrations = () => mergeMigrations(MODULES.map((m) => m.migrations));

/**
 * Opens what the server and the CLI share: the data-directory lock (embedded database only),
 * the database with every migration applied, and the file store repaired after any crash.
 */
export async function openRuntime(config: Pick<Config, 'dataDir' | 'databaseUrl' | 'maxUploadBytes'>): Promise<Runtime> {
  const release = config.databaseUrl ? () => undefined : lockDataDir(config.dataDir);
  let handle: DatabaseHandle;
  try {
    handle = config.databaseUrl ? await openPostgres(config.databaseUrl) : await openPglite(join(config.dataDir, 'pgdata'));
    await migrateToLatest(handle.db, allMigrations());
  } catch (err) {
    release();
    throw err;
  }
  const files = new FileStore({ driver: new FsBlobDriver(join(config.dataDir, 'files')), maxBytes: config.maxUploadBytes });
  // With the embedded database we hold the only process, so nothing is mid-upload: no grace needed.
  await files.reconcile(handle.db, config.databaseUrl ? undefined : 0);
  let stopJobs = async () => undefined as void;
  return {
    ...handle,
    files,
    startJobs: (env, options) => {
      // PostgreSQL wakes the worker when any node commits a job, polling is the fallback; PGlite (one
      // process, one connection) polls often, a cheap query.
      const worker = new JobWorker({ ...env, db: handle.db, files }, MODULES.flatMap((m) => m.jobs ?? []), { pollMs: config.databaseUrl ? 2000 : 250, ...options });
      const unlisten = config.databaseUrl ? listenForJobs(config.databaseUrl, () => worker.wake(), env.log) : async () => undefined;
      worker.start();
      stopJobs = async () => {
        await unlisten();
        await worker.stop();
      };
      return worker;
    },
    shutdown: async () => {
      await stopJobs();
      await handle.close();
      release();
    },
  };
}
