/** Tệp (stored files): content-addressed blobs with one database row each. */
import type { AppModule } from '../module.js';
import { storageMigrations } from './migrations.js';
import { fileRoutes } from './routes.js';

export const storageModule: AppModule = { name: 'files', prefix: 'files', migrations: storageMigrations, routes: fileRoutes };
export { FileStore, type StoredFile } from './file-store.js';
export { FsBlobDriver } from './fs-driver.js';
