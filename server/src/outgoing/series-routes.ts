import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../infra/module.js';
import { withTx } from '../infra/http/request-context.js';
import { errors, IdParams } from '../infra/http/schemas.js';
import { createSeries, listSeries, updateSeries } from './series.js';
import { Series, SeriesInput, SeriesUpdate } from './series-schemas.js';

const tags = ['outgoing'];

export const seriesRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app) => {
  app.get(
    '/series',
    { schema: { tags, summary: 'Các sổ văn bản đi riêng của cơ quan (ngoài sổ chung)', querystring: Type.Object({ agencyId: Type.Optional(Type.String({ format: 'uuid' })) }), response: { 200: Type.Array(Series), ...errors(401, 404) } } },
    async (request) => listSeries(request.ctx, request.query.agencyId),
  );
  app.post('/series', { schema: { tags, summary: 'Khai báo sổ văn bản đi riêng (quản trị hệ thống)', body: SeriesInput, response: { 201: Series, ...errors(400, 401, 403, 409) } } }, async (request, reply) =>
    reply.status(201).send(await withTx(request, (ctx) => createSeries(ctx, request.body))),
  );
  app.patch('/series/:id', { schema: { tags, summary: 'Sửa sổ văn bản đi riêng (quản trị hệ thống)', params: IdParams, body: SeriesUpdate, response: { 200: Series, ...errors(400, 401, 403, 404, 409) } } }, async (request) =>
    withTx(request, (ctx) => updateSeries(ctx, request.params.id, request.body)),
  );
};
