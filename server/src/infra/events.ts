/**
 * Domain events between modules that must not know each other: a module publishes inside its
 * transaction, and each subscriber runs in that same transaction, so the event and its effects
 * commit or roll back together. Subscribers are declared on AppModule and installed once.
 */
import { assertTransaction, type Db } from './db/database.js';

/**
 * What a recipient did with a delivered document, sent back to whoever delivered it: the outgoing
 * module for a document of this deployment (`internal`), the exchange for the hub (`hub`).
 */
export interface DeliveryStatusEvent {
  type: 'delivery.status';
  channel: 'internal' | 'hub';
  /** The deliverer's own reference: an outgoing recipient row, or a hub message. */
  originRef: string;
  status: 'delivered' | 'received' | 'returned' | 'processing' | 'finished' | 'recall_confirmed';
  at: Date;
  arrivalNumber?: number;
  reason?: string;
}

/** The system admin took an agency out of service: nobody of it may go on acting (users ends their sessions). */
export interface AgencyDisabledEvent {
  type: 'agency.disabled';
  agencyId: string;
  at: Date;
}

/**
 * Someone is guessing an account's password: a pair (account, address) was just locked, or the
 * account started to be slowed down across addresses. The users module tells the owner and the admins.
 */
export interface LoginThrottledEvent {
  type: 'auth.login_throttled';
  userId: string;
  username: string;
  scope: 'address' | 'account';
  ip: string | null;
  /** End of the pair's lock; for an account, of its counting window. */
  until: Date;
  /** One notice per counting window. */
  windowStart: Date;
  at: Date;
}

export type DomainEvent = DeliveryStatusEvent | AgencyDisabledEvent | LoginThrottledEvent;

/** A handler of one event type; without a type argument, a handler of any one of them. */
export type Subscription<T extends DomainEvent['type'] = DomainEvent['type']> = T extends DomainEvent['type']
  ? { type: T; handle(db: Db, event: Extract<DomainEvent, { type: T }>): Promise<void> }
  : never;

const subscriptions: Subscription[] = [];

export function subscribe(subscription: Subscription): void {
  if (!subscriptions.includes(subscription)) subscriptions.push(subscription);
}

export async function publish(db: Db, event: DomainEvent): Promise<void> {
  assertTransaction(db);
  // Matched by type, so each handler gets the event it declared.
  for (const s of subscriptions) if (s.type === event.type) await (s.handle as (db: Db, event: DomainEvent) => Promise<void>)(db, event);
}
