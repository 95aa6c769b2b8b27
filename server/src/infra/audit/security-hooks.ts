import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.js';
import type { Clock } from '../time/clock.js';
import { AppError } from '../../shared/errors.js';
import { recordSecurityEvent, storableText, type SecurityEventKind } from './security-events.js';

/** Refusals worth a trace, by error code; logins record their own, with the account's agency. */
const KIND_OF: Partial<Record<string, SecurityEventKind>> = { FORBIDDEN: 'forbidden', READ_ONLY_ROLE: 'forbidden', NOT_FOUND: 'not_found', CSRF_FAILED: 'csrf' };

/**
 * Records every refused attempt on an object (403, 404) and every CSRF refusal, before the answer
 * is sent (onError runs ahead of the error handler, after the request's transaction rolled back),
 * on the main connection. A failure to record is logged, never turned into the client's error.
 */
export function installSecurityEventRecorder(app: FastifyInstance, deps: { db: Db; clock: Clock }): void {
  app.addHook('onError', async (request, _reply, error) => {
    const kind = error instanceof AppError ? KIND_OF[error.code] : undefined;
    if (!kind) return;
    const actor = request.ctx?.actor ?? null;
    try {
      await recordSecurityEvent(deps.db, deps.clock.now(), {
        kind,
        code: (error as AppError).code,
        actorId: actor?.userId,
        actorName: actor?.username,
        agencyId: actor?.agencyId,
        ip: request.ip,
        method: request.method,
        route: request.routeOptions?.url ?? null,
        url: storableText(request.url, 500),
      });
    } catch (err) {
      request.log.error({ err }, 'security event not recorded');
    }
  });
}
