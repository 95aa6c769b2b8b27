import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../infra/module.js';
import { withTx } from '../infra/http/request-context.js';
import { errors, IdParams, Ok } from '../infra/http/schemas.js';
import { DOCUMENT_TYPES, PAPER_REASONS, SIGNER_AUTHORITIES } from './document-types.js';
import { createDraft, updateDraft } from './drafts.js';
import { addComment, addVersion } from './draft-versions.js';
import { approveDraft, returnDraft, submitDraft } from './approval.js';
import { recallDocument } from './delivery.js';
import { readOutgoing, searchOutgoing } from './service.js';
import { CommentBody, CreateDraft, ListOutgoingQuery, NewVersion, OutgoingDetail, ReasonBody, UpdateDraft } from './schemas.js';
import { OutgoingListItem } from './delivery-schemas.js';
import { issueRoutes } from './issue-routes.js';

const tags = ['outgoing'];
const Created = Type.Object({ id: Type.String(), conversion: Type.String() });

export const outgoingRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, options) => {
  const ok = { 200: Ok, ...errors(400, 401, 403, 404, 409) };
  const command = (path: string, summary: string, run: (ctx: Parameters<typeof submitDraft>[0], id: string) => Promise<unknown>) =>
    app.post(path, { schema: { tags, summary, params: IdParams, response: ok } }, async (request) => {
      await withTx(request, (ctx) => run(ctx, request.params.id));
      return { ok: true as const };
    });

  app.get('/types', { schema: { tags, summary: 'Danh mục loại văn bản, thẩm quyền ký, lý do gửi bản giấy', response: { 200: Type.Object({ types: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })), authorities: Type.Array(Type.String()), paperReasons: Type.Record(Type.String(), Type.String()) }) } } }, async () => ({
    types: DOCUMENT_TYPES.map((t) => ({ code: t.code, name: t.name })),
    authorities: [...SIGNER_AUTHORITIES],
    paperReasons: PAPER_REASONS,
  }));

  app.get('/', { schema: { tags, summary: 'Văn bản đi: theo hàng chờ, trạng thái, năm, tình trạng gửi; tìm có hoặc không dấu; mỗi dòng kèm số nơi nhận theo trạng thái', querystring: ListOutgoingQuery, response: { 200: Type.Array(OutgoingListItem), ...errors(401) } } }, async (request) =>
    searchOutgoing(request.ctx, request.query),
  );
  app.post('/', { schema: { tags, summary: 'Tạo dự thảo văn bản đi', body: CreateDraft, response: { 201: Created, ...errors(400, 401, 403) } } }, async (request, reply) => {
    const created = await withTx(request, (ctx) => createDraft(ctx, request.body));
    return reply.status(201).send(created);
  });
  app.get('/:id', { schema: { tags, summary: 'Một văn bản đi: phiên bản, nơi nhận và trạng thái, ý kiến, diễn biến', params: IdParams, response: { 200: OutgoingDetail, ...errors(401, 404) } } }, async (request) =>
    readOutgoing(request.ctx, request.params.id),
  );
  app.patch('/:id', { schema: { tags, summary: 'Sửa dự thảo (sau khi duyệt: phải duyệt lại)', params: IdParams, body: UpdateDraft, response: ok } }, async (request) => {
    await withTx(request, (ctx) => updateDraft(ctx, request.params.id, request.body));
    return { ok: true as const };
  });
  app.post('/:id/versions', { schema: { tags, summary: 'Thêm phiên bản dự thảo (mọi phiên bản được lưu)', params: IdParams, body: NewVersion, response: { 201: Type.Object({ version: Type.Number(), conversion: Type.String() }), ...errors(400, 401, 403, 404, 409) } } }, async (request, reply) => {
    const added = await withTx(request, (ctx) => addVersion(ctx, request.params.id, request.body));
    return reply.status(201).send(added);
  });
  app.post('/:id/comments', { schema: { tags, summary: 'Góp ý dự thảo', params: IdParams, body: CommentBody, response: ok } }, async (request) => {
    await withTx(request, (ctx) => addComment(ctx, request.params.id, request.body.body));
    return { ok: true as const };
  });
  command('/:id/submit', 'Gửi lãnh đạo đơn vị duyệt dự thảo', submitDraft);
  command('/:id/approve', 'Lãnh đạo đơn vị ký duyệt dự thảo', approveDraft);
  app.post('/:id/return', { schema: { tags, summary: 'Trả lại dự thảo kèm ý kiến', params: IdParams, body: ReasonBody, response: ok } }, async (request) => {
    await withTx(request, (ctx) => returnDraft(ctx, request.params.id, request.body.reason));
    return { ok: true as const };
  });

  // Signing, numbering, sealing, the paper path and printing the original.
  await app.register(issueRoutes, options);
  app.post('/:id/recall', { schema: { tags, summary: 'Thu hồi văn bản đã phát hành; nơi nhận được báo ngay (Q-12.3c)', params: IdParams, body: ReasonBody, response: ok } }, async (request) => {
    await withTx(request, (ctx) => recallDocument(ctx, request.params.id, request.body.reason));
    return { ok: true as const };
  });
};
