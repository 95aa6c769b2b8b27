import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.js';
import type { Clock } from '../time/clock.js';
import type { FileStore } from '../storage/file-store.js';
import type { Ctx } from '../context.js';
import { isReadOnly, type Actor } from './actor.js';
import type { IdentityProvider } from './identity.js';
import { AppError } from '../../shared/errors.js';
import { CSRF_HEADER, findSession, SESSION_COOKIE, type Session } from './sessions.js';
import { sessionCache } from './session-cache.js';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
    session: Session | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login). */
    public?: boolean;
    /**
     * A change a read-only role (the inspector) may still make: it concerns only the caller's own
     * session, password or notifications, never a record. Every other state-changing route refuses it.
     */
    selfService?: boolean;
  }
}

export interface RequestDeps {
  db: Db;
  clock: Clock;
  files: FileStore;
  identity: IdentityProvider;
}

/** Reads the session cookie of every request and builds its context (actor or none). */
export function installSessionLoader(app: FastifyInstance, deps: RequestDeps): void {
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    let actor: Actor | null = null;
    const token = request.cookies[SESSION_COOKIE];
    if (token && request.url.startsWith('/api/')) {
      const now = deps.clock.now();
      const cached = sessionCache.get(token, now);
      const session = cached?.session ?? (await findSession(deps.db, token, now));
      if (session) {
        actor = cached?.actor ?? (await deps.identity.loadActor(deps.db, session.userId)) ?? null;
        if (actor) {
          request.session = session;
          if (!cached) sessionCache.set(token, session, actor, now);
        }
      }
    }
    request.ctx = { db: deps.db, clock: deps.clock, actor, ip: request.ip ?? null, files: deps.files };
  });
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Guards module routes: a session unless the route is public, CSRF protection on every
 * state-changing request (the session's token in a header a cross-site form cannot set), and no
 * change at all by a read-only role except the self-service routes, whatever a module forgets.
 */
export async function guardRoute(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const isPublic = request.routeOptions.config?.public === true;
  if (UNSAFE.has(request.method)) checkSameOrigin(request);
  if (isPublic) return;
  if (!request.ctx.actor || !request.session) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập.');
  if (UNSAFE.has(request.method) && request.headers[CSRF_HEADER] !== request.session.csrfToken) {
    throw new AppError('CSRF_FAILED', 'Phiên làm việc không hợp lệ (thiếu mã chống giả mạo yêu cầu). Hãy tải lại trang.');
  }
  if (UNSAFE.has(request.method) && isReadOnly(request.ctx.actor) && request.routeOptions.config?.selfService !== true) {
    throw new AppError('READ_ONLY_ROLE', 'Vai trò của bạn chỉ được xem, không được thay đổi dữ liệu.');
  }
}

/** A browser names the page a request comes from; a state change from another site is refused. */
function checkSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    host = '';
  }
  if (host !== request.headers.host) throw new AppError('CSRF_FAILED', 'Yêu cầu từ trang web khác bị từ chối.');
}
