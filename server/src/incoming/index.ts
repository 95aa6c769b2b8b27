/**
 * Văn bản đến (incoming documents): registration with the yearly số đến, refusal of
 * state secrets, duplicate warning, cancellation that keeps the number.
 */
import type { AppModule } from '../infra/module.js';
import { incomingFileHolders } from './file-holders.js';
import { incomingMigrations } from './migrations.js';
import { incomingRoutes } from './routes.js';
import { deadlineReminders } from './jobs.js';

export const incomingModule: AppModule = { name: 'incoming', prefix: 'incoming', migrations: incomingMigrations, routes: incomingRoutes, jobs: [deadlineReminders], fileHolders: incomingFileHolders };
export { findIncoming } from './repository.js';
export { deliverToInbox, recallDelivery, type Delivery } from './inbox.js';
export { recordReply } from './service.js';
export type { InboxEnvelope } from './tables.js';
/** The digitisation standard (Q-11.2b) is a pure check on a PDF file: outgoing's paper path uses it too. */
export { checkDigitisedScan, SCAN_STANDARD, type ScanProblem, type ScanReport } from './scan-check.js';
