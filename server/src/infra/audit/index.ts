/** Nhật ký hệ thống (audit log, Q-18.4): append-only and hash-chained. */
import type { AppModule } from '../module.js';
import { auditMigrations } from './migrations.js';
import { auditRoutes } from './routes.js';

export const auditModule: AppModule = { name: 'audit', prefix: 'audit', migrations: auditMigrations, routes: auditRoutes };
export { recordAudit, verifyAuditChain } from './audit.js';
export { installSecurityEventRecorder } from './security-hooks.js';
export { recordSecurityEvent, type SecurityEvent } from './security-events.js';
