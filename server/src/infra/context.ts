import type { Db } from './db/database.js';
import type { Clock } from './time/clock.js';
import { canAdminister, type Actor } from './auth/actor.js';
import type { FileStore } from './storage/file-store.js';
import { AppError, forbidden } from '../shared/errors.js';

/** What every command receives: built per request, per job or per CLI call; tests build it directly. */
export interface Ctx {
  db: Db;
  clock: Clock;
  actor: Actor | null;
  ip: string | null;
  files: FileStore;
}

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập.');
  return ctx.actor;
}

/** The system admin, or FORBIDDEN. */
export function requireAdmin(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!canAdminister(actor)) throw forbidden();
  return actor;
}
