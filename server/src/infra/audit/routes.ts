import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../module.js';
import { errors, BoundedInt } from '../http/schemas.js';
import { hasRole } from '../auth/actor.js';
import { forbidden, notFound } from '../../shared/errors.js';
import { listAudit, verifyAuditChain } from './audit.js';
import { securityEventRoutes } from './security-routes.js';

const Entry = Type.Object({
  seq: Type.Number(),
  at: Type.String({ format: 'date-time' }),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  agencyId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  objectType: Type.Union([Type.String(), Type.Null()]),
  objectId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Unknown(),
  ip: Type.Union([Type.String(), Type.Null()]),
});

const Query = Type.Object({
  agencyId: Type.Optional(Type.String({ format: 'uuid' })),
  action: Type.Optional(Type.String({ maxLength: 100 })),
  objectType: Type.Optional(Type.String({ maxLength: 50 })),
  objectId: Type.Optional(Type.String({ maxLength: 100 })),
  beforeSeq: Type.Optional(BoundedInt({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});
const Report = Type.Object({
  checked: Type.Number(),
  problemCount: Type.Number({ description: 'Tổng số sai lệch; danh sách chỉ trả về 1000 mục đầu' }),
  problems: Type.Array(
    Type.Object({
      seq: Type.Number(),
      kind: Type.Union([Type.Literal('altered'), Type.Literal('link'), Type.Literal('legacy_date')], { description: 'altered: nội dung bị sửa; link: đứt mắt xích (mục bị xóa, chèn, đổi thứ tự); legacy_date: mục cũ có ngày giờ băm thành {} (lỗi đã sửa)' }),
      afterSeq: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
      reason: Type.String(),
    }),
  ),
});
const tags = ['audit'];

export const auditRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app) => {
  await app.register(securityEventRoutes);

  app.get(
    '/',
    { schema: { tags, summary: 'Nhật ký hệ thống (quản trị, thanh tra: mọi cơ quan; lãnh đạo cơ quan: cơ quan mình)', querystring: Query, response: { 200: Type.Array(Entry), ...errors(401, 403, 404) } } },
    async (request) => {
      const actor = request.ctx.actor!;
      const wide = hasRole(actor, 'admin', 'inspector');
      if (!wide && !hasRole(actor, 'agency_head', 'deputy_head')) throw forbidden();
      const agencyId = request.query.agencyId ?? (wide ? undefined : actor.agencyId);
      if (!wide && agencyId !== actor.agencyId) throw notFound('Cơ quan');
      return (await listAudit(request.ctx.db, { ...request.query, agencyId, limit: request.query.limit ?? 100 })) as never;
    },
  );

  app.get(
    '/verify',
    {
      schema: {
        tags,
        summary: 'Kiểm tra chuỗi băm của nhật ký: mọi mục bị sửa và mọi chỗ đứt (quản trị hệ thống)',
        response: { 200: Report, ...errors(401, 403) },
      },
    },
    async (request) => {
      if (!hasRole(request.ctx.actor!, 'admin')) throw forbidden();
      return verifyAuditChain(request.ctx.db);
    },
  );
};
