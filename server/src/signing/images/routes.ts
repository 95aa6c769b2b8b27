import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../../infra/module.js';
import type { StoredFile } from '../../infra/storage/index.js';
import { withTx } from '../../infra/http/request-context.js';
import { errors, IdParams, Ok, fileAnswer, MIME } from '../../infra/http/schemas.js';
import { AppError } from '../../shared/errors.js';
import { checkImageOffThread } from './check-off-thread.js';
import { deleteSealImage, deleteSignatureImage, myImages, openSealImage, openSignatureImage, SEAL_DIAMETER_MM, setSealImage, setSignatureImage } from './service.js';

const tags = ['signing-images'];
/** A cropped signature or seal PNG is a few hundred kilobytes at most. */
const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
const ImageInfo = Type.Object({
  fileId: Type.String(),
  width: Type.Number(),
  height: Type.Number(),
  uploadedAt: Type.String({ format: 'date-time' }),
  diameterMm: Type.Optional(Type.Number({ description: 'Đường kính thật của con dấu (mm)' })),
});
const upload = { consumes: ['multipart/form-data'], params: IdParams, response: { 200: ImageInfo, ...errors(400, 401, 403, 404, 413, 415) } };
const image = { params: IdParams, produces: ['image/png'], response: { ...fileAnswer('Ảnh PNG', MIME.png), ...errors(401, 403, 404) } };

async function uploadedPng(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) throw new AppError('BAD_REQUEST', 'Cần gửi ảnh dạng multipart/form-data, trường "file".');
  const part = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  if (!part) throw new AppError('BAD_REQUEST', 'Không có tệp ảnh nào được gửi lên.');
  // Throws (413) past the limit; small enough to check in memory.
  return part.toBuffer();
}

function sendPng(request: FastifyRequest, reply: FastifyReply, file: StoredFile) {
  reply.header('content-type', 'image/png').header('content-length', file.size).header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff');
  return reply.send(request.ctx.files.openVerified(file));
}

/** Q-8.2a: the images visible signatures show on outgoing documents. */
export const imageRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app) => {
  app.get(
    '/images',
    { schema: { tags, summary: 'Ảnh chữ ký của tôi và ảnh con dấu của cơ quan (có hay chưa)', response: { 200: Type.Object({ signature: Type.Union([ImageInfo, Type.Null()]), seal: Type.Union([ImageInfo, Type.Null()]) }), ...errors(401) } } },
    async (request) => myImages(request.ctx),
  );

  app.put(
    '/users/:id/signature-image',
    { schema: { ...upload, tags, summary: 'Tải lên (hoặc thay) ảnh chữ ký tay: PNG nền trong suốt, mực xanh, rộng ít nhất 300 điểm ảnh; chính người ký hoặc quản trị hệ thống' } },
    async (request) => {
      const png = await uploadedPng(request);
      // Decoded in a worker before the transaction opens, so no database connection waits on it.
      const checked = await checkImageOffThread(png, 'signature');
      return withTx(request, (ctx) => setSignatureImage(ctx, request.params.id, png, checked));
    },
  );
  app.get('/users/:id/signature-image', { schema: { ...image, tags, summary: 'Ảnh chữ ký tay (PNG); chính người ký hoặc quản trị hệ thống' } }, async (request, reply) =>
    sendPng(request, reply, await withTx(request, (ctx) => openSignatureImage(ctx, request.params.id))),
  );
  app.delete('/users/:id/signature-image', { schema: { tags, summary: 'Xoá ảnh chữ ký tay: các lần ký sau không hiện ảnh', params: IdParams, response: { 200: Ok, ...errors(401, 403, 404) } } }, async (request) => {
    await withTx(request, (ctx) => deleteSignatureImage(ctx, request.params.id));
    return { ok: true as const };
  });

  app.put(
    '/agencies/:id/seal-image',
    {
      schema: {
        ...upload,
        tags,
        summary: 'Tải lên (hoặc thay) ảnh con dấu của cơ quan: PNG nền trong suốt, màu đỏ, cắt sát, kèm đường kính thật; quản trị hệ thống',
        querystring: Type.Object({ diameterMm: Type.Number({ minimum: SEAL_DIAMETER_MM.min, maximum: SEAL_DIAMETER_MM.max, description: 'Đường kính thật của con dấu (mm)' }) }),
      },
    },
    async (request) => {
      const png = await uploadedPng(request);
      const checked = await checkImageOffThread(png, 'seal');
      return withTx(request, (ctx) => setSealImage(ctx, request.params.id, png, request.query.diameterMm, checked));
    },
  );
  app.get('/agencies/:id/seal-image', { schema: { ...image, tags, summary: 'Ảnh con dấu của cơ quan (PNG)' } }, async (request, reply) =>
    sendPng(request, reply, await withTx(request, (ctx) => openSealImage(ctx, request.params.id))),
  );
  app.delete('/agencies/:id/seal-image', { schema: { tags, summary: 'Xoá ảnh con dấu của cơ quan; quản trị hệ thống', params: IdParams, response: { 200: Ok, ...errors(401, 403, 404) } } }, async (request) => {
    await withTx(request, (ctx) => deleteSealImage(ctx, request.params.id));
    return { ok: true as const };
  });
};
