import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../module.js';
import { errors, BoundedInt, Ok } from '../http/schemas.js';
import { withTx } from '../http/request-context.js';
import { requireAdmin } from '../context.js';
import { recordAudit } from '../audit/index.js';
import { conflict } from '../../shared/errors.js';
import { queueCounts, recentFailures } from './admin.js';
import { retryDead } from './queue.js';

const Counts = Type.Object({ queue: Type.String(), waiting: Type.Number(), running: Type.Number(), retry: Type.Number({ description: 'Lỗi, chờ thử lại' }), dead: Type.Number({ description: 'Hết số lần thử' }), done: Type.Number() });
const Failure = Type.Object({
  id: Type.Number(),
  queue: Type.String(),
  state: Type.String({ description: 'dead: hết số lần thử; waiting: chờ thử lại lúc runAt' }),
  attempts: Type.Number(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  runAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
const Overview = Type.Object({ queues: Type.Array(Counts), failures: Type.Array(Failure) });
const JobParams = Type.Object({ id: BoundedInt({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });
const tags = ['jobs'];

/** The admin's page of queues: how many jobs wait, run, wait for a retry or are dead; dead ones can be retried. */
export const jobRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app) => {
  app.get('/', { schema: { tags, summary: 'Hàng đợi công việc: số việc theo trạng thái và các lỗi gần đây (quản trị hệ thống)', response: { 200: Overview, ...errors(401, 403) } } }, async (request) => {
    requireAdmin(request.ctx);
    return { queues: await queueCounts(request.ctx.db), failures: await recentFailures(request.ctx.db, 50) };
  });

  app.post('/:id/retry', { schema: { tags, summary: 'Chạy lại một công việc đã hết số lần thử (quản trị hệ thống)', params: JobParams, response: { 200: Ok, ...errors(400, 401, 403, 409) } } }, async (request) => {
    requireAdmin(request.ctx);
    return withTx(request, async (ctx) => {
      if (!(await retryDead(ctx.db, request.params.id))) throw conflict('Chỉ chạy lại được công việc đã hết số lần thử.');
      await recordAudit(ctx, { action: 'jobs.retry', objectType: 'job', objectId: String(request.params.id), agencyId: null });
      return { ok: true as const };
    });
  });
};
