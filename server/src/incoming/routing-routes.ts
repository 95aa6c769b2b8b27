import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';
import type { Services } from '../infra/module.js';
import { errors, IdParams, Ok } from '../infra/http/schemas.js';
import { Assignment, AssignStaff, Direct, ExtendDeadline, Extension, Finish, Note, Present, Reason, Routing, TimelineEvent } from './routing-schemas.js';
import {
  assignStaff,
  directDocument,
  extendDeadline,
  finishAssignment,
  getRouting,
  getTimeline,
  myTasks,
  presentDocument,
  recallAssignment,
  reportProgress,
  requestExtension,
  returnToClerk,
} from './routing.js';
import { lateDocuments } from './timeliness.js';

const tags = ['incoming-routing'];
const ok = { ok: true as const };
const mutation = <B extends TSchema>(summary: string, body: B) => ({ schema: { tags, summary, params: IdParams, body, response: { 200: Ok, ...errors(400, 401, 403, 404, 409) } } });

/** presenting, direction, hand-on to staff, progress, results, timeline. */
export const routingRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app) => {
  app.get(
    '/tasks/mine',
    {
      schema: {
        tags,
        summary: 'Việc của tôi: phân công, văn bản chờ chỉ đạo, văn bản theo dõi sắp hạn hoặc quá hạn',
        response: { 200: Type.Object({ assignments: Type.Array(Assignment), awaitingDirection: Type.Array(Type.String()), followUp: Type.Array(Assignment) }), ...errors(401) },
      },
    },
    async (request) => myTasks(request.ctx),
  );
  app.get(
    '/late',
    {
      schema: {
        tags,
        summary: 'Văn bản đăng ký, trình, chuyển giao xử lý muộn hơn quy định (Q-6.2b)',
        querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2199 })) }),
        response: {
          200: Type.Array(
            Type.Object({
              documentId: Type.String(),
              arrivalNumber: Type.Number(),
              urgency: Type.Number(),
              subject: Type.String(),
              late: Type.Array(Type.Object({ step: Type.String({ description: 'register: đăng ký; present: trình; forward: chuyển giao xử lý' }), limit: Type.String(), actual: Type.Union([Type.String(), Type.Null()]), hoursLate: Type.Number() })),
            }),
          ),
          ...errors(401),
        },
      },
    },
    async (request) => lateDocuments(request.ctx, request.query.year),
  );
  app.get('/:id/routing', { schema: { tags, summary: 'Chỉ đạo và phân công của văn bản', params: IdParams, response: { 200: Routing, ...errors(401, 404) } } }, async (request) =>
    getRouting(request.ctx, request.params.id),
  );
  app.get(
    '/:id/timeline',
    { schema: { tags, summary: 'Toàn bộ quá trình xử lý (Q-11.3đ)', params: IdParams, response: { 200: Type.Array(TimelineEvent), ...errors(401, 404) } } },
    async (request) => getTimeline(request.ctx, request.params.id),
  );
  app.post('/:id/present', mutation('Trình lãnh đạo (văn thư)', Present), async (request) => {
    await presentDocument(request.ctx, request.params.id, request.body.toUserId);
    return ok;
  });
  app.post('/:id/direct', mutation('Cho ý kiến chỉ đạo, phân công chủ trì, phối hợp, để biết (lãnh đạo cơ quan)', Direct), async (request) => {
    await directDocument(request.ctx, request.params.id, request.body);
    return ok;
  });
  app.post('/:id/return', mutation('Trả lại văn thư', Reason), async (request) => {
    await returnToClerk(request.ctx, request.params.id, request.body.reason);
    return ok;
  });
  app.post('/assignments/:id/assign', mutation('Giao chuyên viên (lãnh đạo đơn vị)', AssignStaff), async (request) => {
    await assignStaff(request.ctx, request.params.id, request.body);
    return ok;
  });
  app.post('/assignments/:id/progress', mutation('Báo cáo tiến độ', Note), async (request) => {
    await reportProgress(request.ctx, request.params.id, request.body.note);
    return ok;
  });
  app.post('/assignments/:id/finish', mutation('Hoàn thành, ghi kết quả', Finish), async (request) => {
    await finishAssignment(request.ctx, request.params.id, request.body.result);
    return ok;
  });
  app.post('/assignments/:id/recall', mutation('Thu hồi phân công', Reason), async (request) => {
    await recallAssignment(request.ctx, request.params.id, request.body.reason);
    return ok;
  });
  app.post('/assignments/:id/extension-request', mutation('Đề nghị gia hạn', Extension), async (request) => {
    await requestExtension(request.ctx, request.params.id, request.body.until, request.body.reason);
    return ok;
  });
  app.post('/assignments/:id/deadline', mutation('Gia hạn (người giao việc)', ExtendDeadline), async (request) => {
    await extendDeadline(request.ctx, request.params.id, request.body.until);
    return ok;
  });
};
