import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../infra/module.js';
import { errors, IdParams } from '../infra/http/schemas.js';
import { CancelIncoming, IncomingDocument, ListIncomingQuery, RegisterIncoming } from './schemas.js';
import { cancelIncoming, checkScanFile, readIncoming, registerIncoming, searchIncoming } from './service.js';
import { routingRoutes } from './routing-routes.js';
import { prefillFromFile } from './prefill.js';
import { incomingPrintRoutes } from './print/print-routes.js';
import { inboxRoutes } from './inbox-routes.js';

const tags = ['incoming'];

export const incomingRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, options) => {
  await app.register(routingRoutes, options);
  await app.register(inboxRoutes, options);
  await app.register(incomingPrintRoutes, { ...options, fontDir: options.services.fontDir });

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Đăng ký văn bản đến (văn thư); số đến cấp tự động',
        body: RegisterIncoming,
        response: { 201: IncomingDocument, ...errors(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await registerIncoming(request.ctx, request.body)),
  );

  app.post(
    '/scan-check',
    {
      schema: {
        tags,
        summary: 'Kiểm tra bản số hóa văn bản giấy: PDF ≥ 1.4, ảnh màu, ≥ 200 dpi, tỷ lệ 100 % (Q-11.2b)',
        body: Type.Object({ fileId: Type.String({ format: 'uuid' }) }),
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            version: Type.Union([Type.String(), Type.Null()]),
            pages: Type.Number(),
            problems: Type.Array(Type.Object({ page: Type.Optional(Type.Number()), code: Type.String(), message: Type.String() })),
          }),
          ...errors(400, 401, 404),
        },
      },
    },
    async (request) => checkScanFile(request.ctx, request.body.fileId),
  );

  app.post(
    '/prefill',
    {
      schema: {
        tags,
        summary: 'Đọc sẵn số, ký hiệu, ngày, cơ quan ban hành, loại, trích yếu, người ký từ tệp PDF để văn thư xác nhận',
        body: Type.Object({ fileId: Type.String({ format: 'uuid' }) }),
        response: {
          200: Type.Object({
            issuerCode: Type.Optional(Type.String()),
            codeNumber: Type.Optional(Type.String()),
            codeNotation: Type.Optional(Type.String()),
            issuedDate: Type.Optional(Type.String()),
            issuerName: Type.Optional(Type.String()),
            typeName: Type.Optional(Type.String()),
            subject: Type.Optional(Type.String()),
            signerName: Type.Optional(Type.String()),
            pageAmount: Type.Optional(Type.Number()),
          }),
          ...errors(400, 401, 404),
        },
      },
    },
    async (request) => prefillFromFile(request.ctx, request.body.fileId),
  );

  app.get(
    '/',
    { schema: { tags, summary: 'Danh sách, tìm kiếm văn bản đến của cơ quan', querystring: ListIncomingQuery, response: { 200: Type.Array(IncomingDocument), ...errors(400, 401) } } },
    async (request) => searchIncoming(request.ctx, request.query),
  );

  app.get('/:id', { schema: { tags, summary: 'Một văn bản đến (ghi nhật ký truy cập)', params: IdParams, response: { 200: IncomingDocument, ...errors(401, 404) } } }, async (request) =>
    readIncoming(request.ctx, request.params.id),
  );

  app.post(
    '/:id/cancel',
    { schema: { tags, summary: 'Hủy đăng ký (giữ số đến, ghi lý do)', params: IdParams, body: CancelIncoming, response: { 200: IncomingDocument, ...errors(400, 401, 403, 404, 409) } } },
    async (request) => cancelIncoming(request.ctx, request.params.id, request.body.reason),
  );
};
