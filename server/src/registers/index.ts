/**
 * Sổ đăng ký văn bản (registers): one consecutive number series per agency, kind, series and
 * calendar year. Incoming, outgoing and copy registers all take their numbers here.
 */
import type { AppModule } from '../infra/module.js';
import { registerMigrations } from './migrations.js';

export const registersModule: AppModule = { name: 'registers', prefix: 'registers', migrations: registerMigrations };
export { takeNextNumber, takeNumbers, registerState, type TakenNumber } from './numbering.js';
export { REGISTER_KINDS, type RegisterKind } from './kinds.js';
