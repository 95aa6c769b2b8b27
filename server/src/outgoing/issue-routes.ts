import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../infra/module.js';
import { withTx } from '../infra/http/request-context.js';
import { errors, IdParams, Ok } from '../infra/http/schemas.js';
import { completeSignerSignature, numberDocument, prepareSignerSignature } from './issuing.js';
import { previewNumber } from './numbering.js';
import { completeSeal, prepareSeal } from './seal.js';
import { attachPaperScan, numberOnPaper } from './paper.js';
import { printOriginal } from './original.js';
import { CompleteSigning, NumberPreview, SigningRequest, StartSigning } from './signing-schemas.js';
import { CompleteSeal, Numbered, PaperNumber, PaperNumbered, PaperScan, ScanAccepted, SealRequest } from './issue-schemas.js';

const tags = ['outgoing'];

/** Signing, numbering, the organisation's signature and issue: electronic (Q-12.2a) and paper (Q-12.2b). */
export const issueRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, options) => {
  const { fontDir } = options.services;
  const ok = { 200: Ok, ...errors(400, 401, 403, 404, 409) };

  app.post('/:id/sign/prepare', { schema: { tags, summary: 'Người ký: chuẩn bị ký số (kiểm tra trước khi ký, giữ chỗ số và ngày)', params: IdParams, body: StartSigning, response: { 200: SigningRequest, ...errors(400, 401, 403, 404, 409, 415) } } }, async (request) =>
    withTx(request, (ctx) => prepareSignerSignature(ctx, request.params.id, request.body, fontDir)),
  );
  app.post('/:id/sign/complete', { schema: { tags, summary: 'Người ký: gửi chữ ký số do công cụ ký tạo', params: IdParams, body: CompleteSigning, response: { ...ok, 422: errors(422)[422] } } }, async (request) => {
    await withTx(request, (ctx) => completeSignerSignature(ctx, request.params.id, request.body));
    return { ok: true as const };
  });
  app.get('/:id/number-preview', { schema: { tags, summary: 'Văn thư: số, ký hiệu sẽ cấp nếu phát hành bây giờ', params: IdParams, response: { 200: NumberPreview, ...errors(401, 403, 404, 409) } } }, async (request) =>
    withTx(request, (ctx) => previewNumber(ctx, request.params.id)),
  );
  app.post('/:id/number', { schema: { tags, summary: 'Văn thư: cấp số và ghi số, ngày vào văn bản đã ký', params: IdParams, response: { 200: Numbered, ...errors(400, 401, 403, 404, 409, 422) } } }, async (request) =>
    withTx(request, (ctx) => numberDocument(ctx, request.params.id, fontDir)),
  );
  app.post('/:id/seal/prepare', { schema: { tags, summary: 'Văn thư: chuẩn bị ký số của cơ quan cho văn bản (hoặc bản quét bản gốc giấy) và từng phụ lục, ký một lần', params: IdParams, body: StartSigning, response: { 200: SealRequest, ...errors(400, 401, 403, 404, 409, 415) } } }, async (request) =>
    withTx(request, (ctx) => prepareSeal(ctx, request.params.id, request.body, fontDir)),
  );
  app.post('/:id/seal/complete', { schema: { tags, summary: 'Văn thư: gửi các chữ ký số của cơ quan; tất cả hợp lệ thì văn bản được phát hành và gửi đi, kèm phụ lục', params: IdParams, body: CompleteSeal, response: { ...ok, 422: errors(422)[422] } } }, async (request) => {
    await withTx(request, (ctx) => completeSeal(ctx, request.params.id, request.body));
    return { ok: true as const };
  });

  app.post('/:id/paper/number', { schema: { tags, summary: 'Văn thư: phát hành bằng bản giấy — cấp số cho bản gốc giấy đã ký (cùng hệ số với văn bản điện tử)', params: IdParams, body: PaperNumber, response: { 200: PaperNumbered, ...errors(400, 401, 403, 404, 409) } } }, async (request) =>
    withTx(request, (ctx) => numberOnPaper(ctx, request.params.id, request.body)),
  );
  app.post('/:id/paper/scan', { schema: { tags, summary: 'Văn thư: bản quét bản gốc giấy đã ký, đóng dấu (kiểm tra chuẩn số hóa)', params: IdParams, body: PaperScan, response: { 200: ScanAccepted, ...errors(400, 401, 403, 404, 409) } } }, async (request) =>
    withTx(request, (ctx) => attachPaperScan(ctx, request.params.id, request.body.fileId)),
  );
  // A POST: recording a print is a change, which a link on another site must not be able to make.
  app.post(
    '/:id/print-original',
    { schema: { tags, summary: 'Văn thư: ghi nhận in bản gốc giấy từ văn bản điện tử đã phát hành; trả về tệp để in', params: IdParams, response: { 200: Type.Object({ fileId: Type.String() }), ...errors(401, 403, 404, 409) } } },
    async (request) => ({ fileId: (await withTx(request, (ctx) => printOriginal(ctx, request.params.id))).id }),
  );
};
