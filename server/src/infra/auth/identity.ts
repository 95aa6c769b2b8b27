import type { Db } from '../db/database.js';
import type { Actor } from './actor.js';

/**
 * What authentication needs to know about people. The users module implements it and the
 * composition root passes it in, so this infrastructure never reads another module's tables.
 */
export interface IdentityProvider {
  /** `agencyId`: the account's (its heads see failed logins). `refusal`: why a disabled account may not log in, when it is not the account itself (its agency stopped). */
  findCredentials(db: Db, username: string): Promise<{ userId: string; agencyId: string; passwordHash: string; disabled: boolean; refusal?: string } | undefined>;
  /** The actor for an active user; undefined when the user is missing or disabled, or their agency is. */
  loadActor(db: Db, userId: string): Promise<Actor | undefined>;
  setPasswordHash(db: Db, userId: string, passwordHash: string): Promise<void>;
  /** The JSON of GET /api/auth/me: user, agency, unit, roles. */
  describe(db: Db, actor: Actor): Promise<Record<string, unknown>>;
}
