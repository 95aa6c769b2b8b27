import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { Type } from 'typebox';
import type { Db } from './infra/db/database.js';
import type { Engine } from './infra/db/create-db.js';
import type { Clock } from './infra/time/clock.js';
import type { FileStore } from './infra/storage/file-store.js';
import type { Services } from './infra/module.js';
import type { OfficeConverter } from './infra/convert/index.js';
import type { RevocationChecker } from './signing/revocation/checker.js';
import type { RemoteSigningService } from './signing/remote/remote-signer.js';
import { answerClientError, installErrorHandlers, normaliseRequestText } from './infra/http/error-handler.js';
import { Problem } from './infra/http/schemas.js';
import { guardRoute, installSessionLoader } from './infra/auth/hooks.js';
import { installSecurityEventRecorder } from './infra/audit/index.js';
import { userIdentity } from './users/index.js';
import { MODULES } from './modules.js';

export interface AppDeps {
  db: Db;
  engine: Engine;
  clock: Clock;
  files: FileStore;
  secureCookies?: boolean;
  /** The built web UI; served with a single-page fallback when present. */
  webDist?: string;
  logger?: boolean;
  trustProxy?: boolean | string[];
  fontDir?: string;
  converter?: OfficeConverter;
  revocation?: RevocationChecker;
  remoteSigning?: RemoteSigningService;
}

/** The whole HTTP application: infrastructure plugins, then each module under /api/<prefix>. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ? { level: 'info' } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: deps.trustProxy ?? false,
    ajv: { customOptions: { allErrors: true } },
    clientErrorHandler: answerClientError,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Only a site really served over HTTPS (secure cookies: the operator says so) may tell browsers
  // to upgrade every address to https; over plain HTTP on the LAN that would break every asset.
  const https = deps.secureCookies ?? false;

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  await app.register(cookie);
  await app.register(multipart);
  app.addSchema(Problem);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'VănThư API', version: '0.1.0', description: 'Hệ thống quản lý tài liệu điện tử. Mọi yêu cầu thay đổi dữ liệu gửi kèm tiêu đề X-CSRF-Token.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'vanthu_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  installErrorHandlers(app, deps.webDist && existsSync(join(deps.webDist, 'index.html')) ? deps.webDist : undefined);
  app.addHook('preValidation', normaliseRequestText);
  installSessionLoader(app, { db: deps.db, clock: deps.clock, files: deps.files, identity: userIdentity });
  installSecurityEventRecorder(app, { db: deps.db, clock: deps.clock });

  app.get(
    '/healthz',
    {
      schema: {
        tags: ['system'],
        summary: 'Tình trạng hệ thống',
        security: [],
        response: { 200: Type.Object({ status: Type.Literal('ok'), db: Type.String() }), 503: Type.Object({ status: Type.Literal('error'), db: Type.String() }) },
      },
    },
    async (_request, reply) => {
      try {
        await deps.db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
        return { status: 'ok' as const, db: deps.engine };
      } catch {
        return reply.status(503).send({ status: 'error' as const, db: deps.engine });
      }
    },
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const services: Services = { identity: userIdentity, db: deps.db, clock: deps.clock, files: deps.files, secureCookies: deps.secureCookies ?? false, fontDir: deps.fontDir, converter: deps.converter, revocation: deps.revocation, remoteSigning: deps.remoteSigning };
  for (const module of MODULES) {
    if (!module.routes) continue;
    const routes = module.routes;
    await app.register(
      async (scope) => {
        scope.addHook('onRequest', guardRoute);
        await scope.register(routes, { services });
      },
      { prefix: `/api/${module.prefix}` },
    );
  }

  if (deps.webDist && existsSync(join(deps.webDist, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuilt UI is served without a restart.
    await app.register(fastifyStatic, { root: deps.webDist, wildcard: true, index: ['index.html'] });
  }
  return app;
}
