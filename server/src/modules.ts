import type { AppModule } from './infra/module.js';
import { dbMigrations } from './infra/db/migrations.js';
import { auditModule } from './infra/audit/index.js';
import { jobsModule } from './infra/jobs/index.js';
import { refreshStatistics } from './infra/db/statistics.js';
import { storageModule } from './infra/storage/index.js';
import { authModule } from './infra/auth/index.js';
import { calendarModule } from './infra/time/index.js';
import { agenciesModule } from './agencies/index.js';
import { usersModule } from './users/index.js';
import { registersModule } from './registers/index.js';
import { notificationsModule } from './notifications/index.js';
import { signingModule } from './signing/index.js';
import { incomingModule } from './incoming/index.js';
import { outgoingModule } from './outgoing/index.js';
import { copiesModule } from './copies/index.js';
import { subscribe } from './infra/events.js';
import { declareFileHolders } from './infra/storage/holders.js';

/** Every module, in dependency order. Adding a domain is one line here. */
export const MODULES: AppModule[] = [
  { name: 'db', prefix: '', migrations: dbMigrations, jobs: [refreshStatistics] },
  auditModule,
  jobsModule,
  storageModule,
  authModule,
  calendarModule,
  agenciesModule,
  usersModule,
  registersModule,
  notificationsModule,
  signingModule,
  incomingModule,
  outgoingModule,
  copiesModule,
];

for (const module of MODULES) for (const s of module.subscriptions ?? []) subscribe(s);
for (const module of MODULES) if (module.fileHolders) declareFileHolders(module.fileHolders);
