import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../infra/module.js';
import { withTx } from '../infra/http/request-context.js';
import { errors, IdParams } from '../infra/http/schemas.js';
import { completeDigitisedCopy, prepareDigitisedCopy } from './digitised.js';
import { printCopy } from './printed.js';
import { getCopy, listCopies } from './service.js';
import { CompleteDigitised, Copy, DigitisedRequest, ListCopiesQuery, PrepareDigitised, PrintCopy, PrintedCopy } from './schemas.js';

const tags = ['copies'];

/** Bản sao văn bản: digitised copies of paper documents (Q-11.2b) and paper copies of electronic ones (Q-11.2c). */
export const copyRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, options) => {
  const { fontDir } = options.services;

  app.post('/digitised/prepare', { schema: { tags, summary: 'Văn thư: chuẩn bị ký số của cơ quan cho bản sao điện tử (số hóa) của văn bản giấy', body: PrepareDigitised, response: { 200: DigitisedRequest, ...errors(400, 401, 403, 404, 409, 415) } } }, async (request) =>
    withTx(request, (ctx) => prepareDigitisedCopy(ctx, request.body, fontDir)),
  );
  app.post('/digitised/complete', { schema: { tags, summary: 'Văn thư: gửi chữ ký số của cơ quan; bản sao được cấp số và lưu', body: CompleteDigitised, response: { 200: Copy, ...errors(400, 401, 403, 404, 409, 422) } } }, async (request) =>
    withTx(request, (ctx) => completeDigitisedCopy(ctx, request.body)),
  );
  app.post('/printed', { schema: { tags, summary: 'Văn thư: tạo bản sao giấy (tệp PDF để in) của văn bản điện tử, cấp số bản sao', body: PrintCopy, response: { 201: PrintedCopy, ...errors(400, 401, 403, 404, 409) } } }, async (request, reply) => {
    const made = await withTx(request, (ctx) => printCopy(ctx, request.body, fontDir));
    return reply.code(201).send(made);
  });
  app.get('/', { schema: { tags, summary: 'Các bản sao của một văn bản', querystring: ListCopiesQuery, response: { 200: Type.Array(Copy), ...errors(400, 401) } } }, async (request) => listCopies(request.ctx, request.query));
  app.get('/:id', { schema: { tags, summary: 'Một bản sao', params: IdParams, response: { 200: Copy, ...errors(401, 404) } } }, async (request) => getCopy(request.ctx, request.params.id));
};
