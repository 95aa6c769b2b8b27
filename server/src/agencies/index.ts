/**
 * Cơ quan, tổ chức (agency) and đơn vị (unit): the directory every other module refers to.
 * Other modules use the functions exported here, never the tables.
 */
import type { AppModule } from '../infra/module.js';
import { agencyMigrations } from './migrations.js';
import { agencyRoutes } from './routes.js';

export const agenciesModule: AppModule = { name: 'agencies', prefix: 'agencies', migrations: agencyMigrations, routes: agencyRoutes };
export { createAgency, createUnit } from './service.js';
export { findAgency, findAgencyByCode, findUnit, listAgencies, listUnits } from './repository.js';
export type { Agency, Unit } from './schemas.js';
