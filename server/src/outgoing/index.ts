/**
 * Văn bản đi (outgoing documents): drafts with every version, approval, the signer's signature,
 * numbering in the yearly series, the organisation's signature, delivery to the recipients'
 * inboxes with their status flowing back, and recall (Q-10, Q-12); the printed Sổ đăng ký văn bản
 * đi, Sổ gửi văn bản đi bưu điện and the report of outgoing documents (print/).
 */
import type { AppModule } from '../infra/module.js';
import { outgoingMigrations } from './migrations.js';
import { outgoingRoutes } from './routes.js';
import { deliveryStatusSubscription } from './delivery.js';
import { outgoingPrintRoutes } from './print/print-routes.js';
import { seriesRoutes } from './series-routes.js';
import { outgoingFileHolders } from './file-holders.js';
import { conversionSweep, draftConversion } from './conversion.js';

export const outgoingModule: AppModule = {
  name: 'outgoing',
  prefix: 'outgoing',
  migrations: outgoingMigrations,
  // The printed registers and report (print/) sit beside the document routes.
  routes: async (app, options) => {
    await app.register(outgoingRoutes, options);
    await app.register(outgoingPrintRoutes, options);
    await app.register(seriesRoutes, options);
  },
  subscriptions: [deliveryStatusSubscription],
  fileHolders: outgoingFileHolders,
  // Office drafts become PDF in a durable job enqueued with their version (conversion.ts).
  jobs: [draftConversion, conversionSweep],
};
