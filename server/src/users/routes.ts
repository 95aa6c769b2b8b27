import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../infra/module.js';
import { withTx } from '../infra/http/request-context.js';
import { errors, IdParams, Ok } from '../infra/http/schemas.js';
import { CreateUser, ListUsersQuery, UpdateUser, User } from './schemas.js';
import { createUser, getUser, listUsers, resetPassword, unlockUser, updateUser } from './service.js';

const tags = ['users'];

export const userRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app) => {
  app.get(
    '/',
    { schema: { tags, summary: 'Người dùng của một cơ quan (mặc định: cơ quan mình)', querystring: ListUsersQuery, response: { 200: Type.Array(User), ...errors(400, 401, 404) } } },
    async (request) => listUsers(request.ctx, request.query.agencyId),
  );

  app.get('/:id', { schema: { tags, summary: 'Một người dùng', params: IdParams, response: { 200: User, ...errors(401, 404) } } }, async (request) =>
    getUser(request.ctx, request.params.id),
  );

  app.post(
    '/',
    { schema: { tags, summary: 'Tạo người dùng (quản trị hệ thống)', body: CreateUser, response: { 201: User, ...errors(400, 401, 403, 409) } } },
    async (request, reply) => reply.status(201).send(await withTx(request, (ctx) => createUser(ctx, request.body))),
  );

  app.patch(
    '/:id',
    { schema: { tags, summary: 'Sửa, phân quyền, vô hiệu hóa người dùng (quản trị hệ thống)', params: IdParams, body: UpdateUser, response: { 200: User, ...errors(400, 401, 403, 404) } } },
    async (request) => withTx(request, (ctx) => updateUser(ctx, request.params.id, request.body)),
  );

  app.post(
    '/:id/password',
    {
      schema: {
        tags,
        summary: 'Đặt lại mật khẩu (quản trị hệ thống)',
        params: IdParams,
        body: Type.Object({ newPassword: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 200: Ok, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await withTx(request, (ctx) => resetPassword(ctx, request.params.id, request.body.newPassword));
      return { ok: true as const };
    },
  );

  app.post(
    '/:id/unlock',
    { schema: { tags, summary: 'Mở khóa đăng nhập bị tạm khóa do nhập sai mật khẩu (quản trị hệ thống)', params: IdParams, response: { 200: Ok, ...errors(401, 403, 404) } } },
    async (request) => {
      await withTx(request, (ctx) => unlockUser(ctx, request.params.id));
      return { ok: true as const };
    },
  );
};
