import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../infra/module.js';
import { errors, IdParams, Ok, CalendarDate, NonBlank } from '../infra/http/schemas.js';
import { IncomingDocument } from './schemas.js';
import { confirmRecall, getInboxItem, listInbox, registerFromInbox, returnInboxItem } from './inbox.js';

const tags = ['incoming'];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const InboxItem = Type.Object({
  id: Type.String(),
  channel: Type.String(),
  senderAgencyId: Nullable(Type.String()),
  receivedAt: Type.String(),
  envelope: Type.Object({
    issuerName: Type.String(),
    issuerCode: Nullable(Type.String()),
    typeName: Type.String(),
    codeNumber: Type.String(),
    codeNotation: Type.String(),
    issuedDate: Type.String(),
    subject: Type.String(),
    signerPosition: Nullable(Type.String()),
    signerName: Nullable(Type.String()),
    urgency: Type.Number(),
    toPlaces: Nullable(Type.String()),
    dueDate: Nullable(Type.String()),
    pageAmount: Nullable(Type.Number()),
    urgentDeadline: Type.Optional(Nullable(Type.String({ description: 'Giờ hẹn của văn bản Hỏa tốc hẹn giờ (độ khẩn 4)' }))),
    recipients: Type.Optional(Type.Array(Type.Object({ agencyCode: Type.Optional(Nullable(Type.String())), name: Type.String() }), { description: 'Nơi nhận cơ quan gửi ghi trên văn bản' })),
  }),
  mainFileId: Type.String(),
  attachmentFileIds: Type.Array(Type.String()),
  state: Type.String({ description: 'pending, registered, returned, recalled' }),
  documentId: Nullable(Type.String()),
  reason: Nullable(Type.String()),
});

export const RegisterFromInbox = Type.Object({ dueDate: Type.Optional(Nullable(CalendarDate())), description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))), acknowledgeDuplicate: Type.Optional(Type.Boolean()) });
export const ReturnToSender = Type.Object({ reason: NonBlank(500, { minLength: 5 }) });

/** Văn bản điện tử nhận được: the clerk's queue of delivered documents (Q-6.1d, Q-11.2a). */
export const inboxRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app) => {
  app.get(
    '/inbox',
    {
      schema: {
        tags,
        summary: 'Văn bản điện tử nhận được, chờ văn thư đăng ký (khẩn trước)',
        querystring: Type.Object({ state: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('registered'), Type.Literal('returned'), Type.Literal('recalled')])) }),
        response: { 200: Type.Array(InboxItem), ...errors(401, 403) },
      },
    },
    async (request) => listInbox(request.ctx, request.query.state),
  );
  app.get('/inbox/:id', { schema: { tags, summary: 'Một văn bản điện tử nhận được', params: IdParams, response: { 200: InboxItem, ...errors(401, 403, 404) } } }, async (request) =>
    getInboxItem(request.ctx, request.params.id),
  );
  app.post(
    '/inbox/:id/register',
    {
      schema: {
        tags,
        summary:
          'Đăng ký văn bản điện tử nhận được vào sổ đến; chữ ký số được kiểm tra, cơ quan gửi được báo số đến. Văn bản gửi sai địa chỉ (409) hoặc chữ ký số không hợp lệ (422) được tự động trả lại cơ quan gửi kèm lý do (Q-6.1d)',
        params: IdParams,
        body: RegisterFromInbox,
        response: { 201: IncomingDocument, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await registerFromInbox(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/inbox/:id/return',
    {
      schema: {
        tags,
        summary: 'Trả lại văn bản gửi sai hoặc không hợp lệ cho cơ quan gửi, kèm lý do (Q-6.1d)',
        params: IdParams,
        body: ReturnToSender,
        response: { 200: Ok, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await returnInboxItem(request.ctx, request.params.id, request.body.reason);
      return { ok: true as const };
    },
  );
  app.post(
    '/:id/confirm-recall',
    { schema: { tags, summary: 'Văn thư xác nhận văn bản bị thu hồi: hủy đăng ký, báo cơ quan ban hành (Q-12.3c)', params: IdParams, response: { 200: Ok, ...errors(401, 403, 404, 409) } } },
    async (request) => {
      await confirmRecall(request.ctx, request.params.id);
      return { ok: true as const };
    },
  );
};
