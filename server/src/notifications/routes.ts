import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../infra/module.js';
import { errors, IdParams, Ok } from '../infra/http/schemas.js';
import { markRead, myNotifications } from './service.js';

const tags = ['notifications'];
const Item = Type.Object({ id: Type.String(), kind: Type.String(), title: Type.String(), link: Type.Union([Type.String(), Type.Null()]), urgent: Type.Boolean(), createdAt: Type.String(), read: Type.Boolean() });

export const notificationRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Thông báo của tôi (khẩn trước, mới trước)',
        querystring: Type.Object({ unreadOnly: Type.Optional(Type.Boolean()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }),
        response: { 200: Type.Object({ unread: Type.Number(), items: Type.Array(Item) }), ...errors(401) },
      },
    },
    async (request) => myNotifications(request.ctx, request.query),
  );
  app.post('/:id/read', { config: { selfService: true }, schema: { tags, summary: 'Đánh dấu đã đọc', params: IdParams, response: { 200: Ok, ...errors(401, 404) } } }, async (request) => {
    await markRead(request.ctx, request.params.id);
    return { ok: true as const };
  });
  app.post('/read-all', { config: { selfService: true }, schema: { tags, summary: 'Đánh dấu tất cả đã đọc', response: { 200: Ok, ...errors(401) } } }, async (request) => {
    await markRead(request.ctx);
    return { ok: true as const };
  });
};
