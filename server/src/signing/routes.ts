import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../infra/module.js';
import { withTx } from '../infra/http/request-context.js';
import { errors, IdParams, Ok } from '../infra/http/schemas.js';
import { deviceRoutes } from './devices/routes.js';
import { verifyRoutes } from './verify-routes.js';
import { imageRoutes } from './images/routes.js';
import { remoteRoutes } from './remote/routes.js';
import { addTrustAnchor, disableTrustAnchor, importCrl, listTrustAnchors } from './trust-list.js';

const tags = ['signing'];
const Anchor = Type.Object({ id: Type.String(), name: Type.String(), subject: Type.String(), fingerprint: Type.String(), notAfter: Type.String(), addedAt: Type.String(), disabled: Type.Boolean() });

export const signingRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, options) => {
  await app.register(deviceRoutes, options);
  await app.register(verifyRoutes, options);
  await app.register(imageRoutes, options);
  await app.register(remoteRoutes, options);
  app.get('/trust-anchors', { schema: { tags, summary: 'Danh sách chứng thư tin cậy (CA)', response: { 200: Type.Array(Anchor), ...errors(401) } } }, async (request) =>
    listTrustAnchors(request.ctx),
  );
  app.post(
    '/trust-anchors',
    {
      schema: {
        tags,
        summary: 'Thêm chứng thư CA vào danh sách tin cậy (quản trị hệ thống)',
        body: Type.Object({ name: Type.String({ minLength: 2, maxLength: 200 }), certificate: Type.String({ minLength: 100, maxLength: 20000, description: 'PEM, hoặc DER mã hóa base64' }) }),
        response: { 201: Anchor, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await withTx(request, (ctx) => addTrustAnchor(ctx, request.body))),
  );
  app.delete(
    '/trust-anchors/:id',
    { schema: { tags, summary: 'Ngừng tin cậy một chứng thư (quản trị hệ thống)', params: IdParams, response: { 200: Ok, ...errors(401, 403, 404) } } },
    async (request) => {
      await withTx(request, (ctx) => disableTrustAnchor(ctx, request.params.id));
      return { ok: true as const };
    },
  );
  app.post(
    '/crls',
    {
      schema: {
        tags,
        summary: 'Nhập danh sách chứng thư bị thu hồi (CRL) để kiểm tra khi không kết nối mạng (quản trị hệ thống)',
        body: Type.Object({ crl: Type.String({ minLength: 50, maxLength: 5_000_000, description: 'PEM, hoặc DER mã hóa base64' }) }),
        response: { 201: Type.Object({ id: Type.String(), issuer: Type.String(), thisUpdate: Type.String(), nextUpdate: Type.Union([Type.String(), Type.Null()]) }), ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await withTx(request, (ctx) => importCrl(ctx, request.body.crl))),
  );
};
