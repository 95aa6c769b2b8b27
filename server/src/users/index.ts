/** Người dùng (users): people, their agency, unit, chức vụ and roles. */
import type { AppModule } from '../infra/module.js';
import { userMigrations } from './migrations.js';
import { userRoutes } from './routes.js';
import { endSessionsOfDisabledAgency } from './identity.js';
import { noticeOfLoginThrottle } from './login-notices.js';

export const usersModule: AppModule = { name: 'users', prefix: 'users', migrations: userMigrations, routes: userRoutes, subscriptions: [endSessionsOfDisabledAgency, noticeOfLoginThrottle] };
export { userIdentity } from './identity.js';
export { createUser } from './service.js';
export { findUserByUsername } from './repository.js';
export { findUserBrief, listAgencyClerks, listAgencyUsersWithRole, listUnitHeads, type UserBrief } from './brief.js';
