/** Thông báo (in-app notifications): written with the change they announce. */
import type { AppModule } from '../infra/module.js';
import { notificationMigrations } from './migrations.js';
import { notificationRoutes } from './routes.js';

export const notificationsModule: AppModule = { name: 'notifications', prefix: 'notifications', migrations: notificationMigrations, routes: notificationRoutes };
export { notify, type Notice } from './service.js';
