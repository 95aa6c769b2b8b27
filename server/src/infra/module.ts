import type { FastifyPluginAsync } from 'fastify';
import type { Migrations } from './db/migrator.js';
import type { IdentityProvider } from './auth/identity.js';
import type { FileStore } from './storage/file-store.js';
import type { Db } from './db/database.js';
import type { Clock } from './time/clock.js';
import type { Subscription } from './events.js';
import type { FileHolders } from './storage/holders.js';
import type { OfficeConverter } from './convert/index.js';
import type { JobDefinition } from './jobs/types.js';

/** Shared services handed to every module's routes by the composition root (app.ts). */
export interface Services {
  identity: IdentityProvider;
  db: Db;
  clock: Clock;
  files: FileStore;
  secureCookies: boolean;
  /** Liberation Serif 2 by default; an agency may supply Times New Roman files of the same names. */
  fontDir?: string;
  /** LibreOffice headless for drafts in office formats; absent, such drafts wait as pending. */
  converter?: OfficeConverter;
}
// A domain that needs a service of its own adds it to this interface (see signing/index.ts), so
// infra never names a domain's types.

/**
 * How a domain plugs in: its tables (migrations) and its routes, mounted under `/api/<prefix>`
 * as an encapsulated plugin. Adding a domain is one line in modules.ts.
 */
export interface AppModule {
  name: string;
  prefix: string;
  migrations: Migrations;
  routes?: FastifyPluginAsync<{ services: Services }>;
  /** Its kinds of durable job (infra/jobs): follow-ups enqueued in its transactions, and scheduled work (reminders, sweeps); handlers must be idempotent. */
  jobs?: JobDefinition<any>[];
  /** Events of other modules this one acts on, in the publisher's transaction. */
  subscriptions?: Subscription[];
  /** Which of its objects hold a stored file and whether the actor may read them: who may open the file. */
  fileHolders?: FileHolders;
}
