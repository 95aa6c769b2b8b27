/**
 * Văn bản đi (outgoing documents): drafts with every version, approval, the signer's signature,
 * numbering in the yearly series, the organisation's signature, delivery to the recipients'
 * inboxes with their status flowing back, and recall (Q-10, Q-12).
 */
import type { AppModule } from '../infra/module.js';
import { outgoingMigrations } from './migrations.js';
import { outgoingRoutes } from './routes.js';
import { deliveryStatusSubscription } from './delivery.js';

export const outgoingModule: AppModule = { name: 'outgoing', prefix: 'outgoing', migrations: outgoingMigrations, routes: outgoingRoutes, subscriptions: [deliveryStatusSubscription] };
