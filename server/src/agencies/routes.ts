import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../infra/module.js';
import { withTx } from '../infra/http/request-context.js';
import { errors, IdParams, Uuid } from '../infra/http/schemas.js';
import { Agency, AgencyDetail, CreateAgency, CreateUnit, Unit, UpdateAgency, UpdateUnit } from './schemas.js';
import { listAgencies } from './repository.js';
import { createAgency, createUnit, getAgencyDetail, updateAgency, updateUnit } from './service.js';

const tags = ['agencies'];

export const agencyRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app) => {
  app.get(
    '/',
    { schema: { tags, summary: 'Danh bạ cơ quan (mọi người dùng đã đăng nhập)', response: { 200: Type.Array(Agency), ...errors(401) } } },
    async (request) => listAgencies(request.ctx.db),
  );

  app.get(
    '/:id',
    { schema: { tags, summary: 'Chi tiết cơ quan và các đơn vị', params: IdParams, response: { 200: AgencyDetail, ...errors(401, 404) } } },
    async (request) => getAgencyDetail(request.ctx, request.params.id),
  );

  app.post(
    '/',
    { schema: { tags, summary: 'Thêm cơ quan (quản trị hệ thống)', body: CreateAgency, response: { 201: Agency, ...errors(400, 401, 403, 409) } } },
    async (request, reply) => reply.status(201).send(await withTx(request, (ctx) => createAgency(ctx, request.body))),
  );

  app.patch(
    '/:id',
    { schema: { tags, summary: 'Sửa cơ quan (quản trị hệ thống)', params: IdParams, body: UpdateAgency, response: { 200: Agency, ...errors(400, 401, 403, 404, 409) } } },
    async (request) => withTx(request, (ctx) => updateAgency(ctx, request.params.id, request.body)),
  );

  app.post(
    '/:id/units',
    { schema: { tags, summary: 'Thêm đơn vị (quản trị hệ thống)', params: IdParams, body: CreateUnit, response: { 201: Unit, ...errors(400, 401, 403, 404, 409) } } },
    async (request, reply) => reply.status(201).send(await withTx(request, (ctx) => createUnit(ctx, request.params.id, request.body))),
  );

  app.patch(
    '/:id/units/:unitId',
    {
      schema: {
        tags,
        summary: 'Sửa đơn vị (quản trị hệ thống)',
        params: Type.Object({ id: Uuid, unitId: Uuid }),
        body: UpdateUnit,
        response: { 200: Unit, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => withTx(request, (ctx) => updateUnit(ctx, request.params.id, request.params.unitId, request.body)),
  );
};
