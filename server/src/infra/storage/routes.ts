import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../module.js';
import { withTx } from '../http/request-context.js';
import { errors, IdParams, fileAnswer, MIME } from '../http/schemas.js';
import { AppError } from '../../shared/errors.js';
import { recordAudit } from '../audit/audit.js';
import { pageSizes, renderPagePng } from './page-preview.js';

const StoredFileSchema = Type.Object({
  id: Type.String(),
  agencyId: Type.String(),
  sha256: Type.String(),
  size: Type.Number(),
  format: Type.String(),
  mediaType: Type.String(),
  originalName: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
const tags = ['files'];
const INLINE = new Set(['pdf', 'png', 'jpeg']);

export const fileRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Tải lên một tệp (multipart, trường "file"); định dạng kiểm tra theo nội dung (Q-9.3)',
        consumes: ['multipart/form-data'],
        response: { 201: StoredFileSchema, ...errors(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('BAD_REQUEST', 'Cần gửi tệp dạng multipart/form-data.');
      const part = await request.file({ limits: { fileSize: services.files.maxBytes + 1, files: 1 } });
      if (!part) throw new AppError('BAD_REQUEST', 'Không có tệp nào được gửi lên.');
      // One byte over the limit reaches the store, which refuses it before anything is recorded.
      const received = await services.files.receive({ source: part.file, originalName: part.filename });
      let stored;
      try {
        stored = await withTx(request, (ctx) => ctx.files.record(ctx, received));
      } finally {
        await services.files.discard(received);
      }
      return reply.status(201).send(stored as never);
    },
  );

  app.get('/:id', { schema: { tags, summary: 'Thông tin tệp', params: IdParams, response: { 200: StoredFileSchema, ...errors(401, 404) } } }, async (request) =>
    (await request.ctx.files.get(request.ctx, request.params.id)) as never,
  );

  app.get(
    '/:id/content',
    {
      schema: {
        tags,
        summary: 'Tải tệp về, hoặc xem trực tiếp PDF/ảnh với ?inline=1 (kiểm tra mã băm khi đọc; ghi nhật ký)',
        params: IdParams,
        querystring: Type.Object({ inline: Type.Optional(Type.String({ pattern: '^(1|0|true|false)$' })) }),
        response: { ...fileAnswer('Nội dung tệp, với kiểu tệp đã nhận diện', MIME.any), ...errors(401, 404) },
      },
    },
    async (request, reply) => {
      const file = await withTx(request, async (ctx) => {
        const found = await ctx.files.get(ctx, request.params.id);
        await recordAudit(ctx, { action: 'file.read', objectType: 'file', objectId: found.id, agencyId: found.agencyId });
        return found;
      });
      reply
        .header('content-type', file.mediaType)
        .header('content-length', file.size)
        // Only formats a browser shows without running anything (PDF, images) may open inline.
        .header('content-disposition', `${['1', 'true'].includes(request.query.inline ?? '') && INLINE.has(file.format) ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.originalName)}`)
        .header('x-content-type-options', 'nosniff');
      return reply.send(request.ctx.files.openVerified(file));
    },
  );

  // Previews for placing a signature by hand: the sizes, then one page at a time as an image.
  app.get(
    '/:id/pages',
    { schema: { tags, summary: 'Kích thước các trang của tệp PDF (điểm PDF), để đặt chữ ký trên hình trang', params: IdParams, response: { 200: Type.Array(Type.Object({ page: Type.Number(), width: Type.Number(), height: Type.Number() })), ...errors(400, 401, 404) } } },
    async (request) => {
      const file = await request.ctx.files.get(request.ctx, request.params.id);
      if (file.format !== 'pdf') throw new AppError('VALIDATION_FAILED', 'Chỉ xem trước được trang của tệp PDF.');
      return pageSizes(await request.ctx.files.readAll(file));
    },
  );
  app.get(
    '/:id/pages/:page',
    {
      schema: {
        tags,
        summary: 'Hình một trang của tệp PDF (PNG), để xem trước và đặt chữ ký (ghi nhật ký)',
        params: Type.Object({ id: Type.String({ format: 'uuid' }), page: Type.Integer({ minimum: 1, maximum: 10000 }) }),
        querystring: Type.Object({ width: Type.Optional(Type.Integer({ minimum: 200, maximum: 2000, default: 900 })) }),
        produces: ['image/png'],
        response: { ...fileAnswer('Ảnh PNG của trang', MIME.png), ...errors(400, 401, 404, 422) },
      },
    },
    async (request, reply) => {
      const file = await withTx(request, async (ctx) => {
        const found = await ctx.files.get(ctx, request.params.id);
        await recordAudit(ctx, { action: 'file.preview', objectType: 'file', objectId: found.id, agencyId: found.agencyId, details: { page: request.params.page } });
        return found;
      });
      if (file.format !== 'pdf') throw new AppError('VALIDATION_FAILED', 'Chỉ xem trước được trang của tệp PDF.');
      const sizes = await pageSizes(await request.ctx.files.readAll(file));
      if (request.params.page > sizes.length) throw new AppError('VALIDATION_FAILED', `Tệp chỉ có ${sizes.length} trang.`, [{ field: 'page' }]);
      const png = await renderPagePng(await request.ctx.files.localPath(file), request.params.page, request.query.width ?? 900);
      return reply.header('content-type', 'image/png').header('cache-control', 'private, max-age=300').header('x-content-type-options', 'nosniff').send(png);
    },
  );
};
