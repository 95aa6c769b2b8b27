import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { errors, Moment } from '../http/schemas.js';
import { withTx } from '../http/request-context.js';
import { hasRole } from '../auth/actor.js';
import { AppError, forbidden, notFound } from '../../shared/errors.js';
import { recordAudit } from './audit.js';
import { listSecurityEvents, SECURITY_EVENT_KINDS, type SecurityEventView } from './security-events.js';

const Event = Type.Object({
  id: Type.Number(),
  firstAt: Type.String({ format: 'date-time' }),
  lastAt: Type.String({ format: 'date-time' }),
  count: Type.Number(),
  kind: Type.String(),
  code: Type.Union([Type.String(), Type.Null()]),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  agencyId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  method: Type.Union([Type.String(), Type.Null()]),
  route: Type.Union([Type.String(), Type.Null()]),
  url: Type.Union([Type.String(), Type.Null()]),
  details: Type.Unknown(),
});

const Filters = {
  agencyId: Type.Optional(Type.String({ format: 'uuid' })),
  kind: Type.Optional(Type.String({ maxLength: 40 })),
  from: Type.Optional(Moment()),
  to: Type.Optional(Moment()),
};
const ListQuery = Type.Object({ ...Filters, beforeId: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })) });
const ExportQuery = Type.Object(Filters);
const EXPORT_MAX = 50_000;
const tags = ['audit'];

/**
 * Who sees which events: the admin and the inspector every agency's (and those of no agency:
 * unknown accounts, anonymous requests), an agency's head and deputy their own agency's.
 */
function scope(request: FastifyRequest, asked: string | undefined): string | undefined {
  const actor = request.ctx.actor!;
  if (hasRole(actor, 'admin', 'inspector')) return asked;
  if (!hasRole(actor, 'agency_head', 'deputy_head')) throw forbidden();
  if (asked && asked !== actor.agencyId) throw notFound('Cơ quan');
  return actor.agencyId;
}

function dates(q: { from?: string; to?: string }) {
  const from = q.from ? new Date(q.from) : undefined;
  const to = q.to ? new Date(q.to) : undefined;
  if (from && to && from >= to) throw new AppError('VALIDATION_FAILED', 'Thời điểm bắt đầu phải trước thời điểm kết thúc.', [{ field: 'from' }]);
  return { from, to };
}

/** The export for a report to the Sở TTTT (Q-24.4đ): one sheet, one row per aggregated event. */
async function workbook(events: SecurityEventView[], createdAt: Date): Promise<Buffer> {
  // exceljs (some 400 modules) is loaded by the first export, not at every start of the server.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.created = createdAt;
  const sheet = book.addWorksheet('Sự kiện an ninh');
  sheet.columns = [
    { header: 'Số', key: 'id', width: 8 },
    { header: 'Lần đầu (UTC)', key: 'firstAt', width: 24 },
    { header: 'Lần cuối (UTC)', key: 'lastAt', width: 24 },
    { header: 'Số lần', key: 'count', width: 8 },
    { header: 'Loại', key: 'kind', width: 36 },
    { header: 'Mã', key: 'code', width: 18 },
    { header: 'Người dùng', key: 'actorName', width: 18 },
    { header: 'Cơ quan (mã định danh)', key: 'agencyId', width: 38 },
    { header: 'Địa chỉ máy', key: 'ip', width: 18 },
    { header: 'Yêu cầu', key: 'request', width: 50 },
    { header: 'Chi tiết', key: 'details', width: 40 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const e of events) {
    // Plain string cells: exceljs writes a formula only when asked to, so "=…" stays text.
    sheet.addRow({
      ...e,
      kind: SECURITY_EVENT_KINDS[e.kind as keyof typeof SECURITY_EVENT_KINDS] ?? e.kind,
      request: [e.method, e.url ?? e.route].filter(Boolean).join(' '),
      details: JSON.stringify(e.details),
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const securityEventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/security-events',
    {
      schema: {
        tags,
        summary: 'Sự kiện an ninh: truy cập bị từ chối, đăng nhập sai, tạm khóa (quản trị, thanh tra: mọi cơ quan; lãnh đạo cơ quan: cơ quan mình)',
        querystring: ListQuery,
        response: { 200: Type.Array(Event), ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const agencyId = scope(request, request.query.agencyId);
      return (await listSecurityEvents(request.ctx.db, { ...request.query, ...dates(request.query), agencyId, limit: request.query.limit ?? 100 })) as never;
    },
  );

  app.get(
    '/security-events/export',
    {
      schema: {
        tags,
        summary: 'Xuất sự kiện an ninh ra tệp Excel (báo cáo sự cố cho Sở TTTT, Q-24.4đ)',
        querystring: ExportQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: Type.Unknown(), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const agencyId = scope(request, request.query.agencyId);
      const range = dates(request.query);
      const events = await listSecurityEvents(request.ctx.db, { ...request.query, ...range, agencyId, limit: EXPORT_MAX + 1 });
      if (events.length > EXPORT_MAX) throw new AppError('VALIDATION_FAILED', `Quá ${EXPORT_MAX.toLocaleString('vi-VN')} sự kiện; hãy chọn khoảng thời gian ngắn hơn.`, [{ field: 'from' }]);
      const now = request.ctx.clock.now();
      const body = await workbook(events, now);
      await withTx(request, (ctx) =>
        recordAudit(ctx, { action: 'audit.security_events_export', objectType: 'security_event', details: { agencyId: agencyId ?? null, kind: request.query.kind ?? null, from: request.query.from ?? null, to: request.query.to ?? null, count: events.length } }),
      );
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="su-kien-an-ninh-${now.toISOString().slice(0, 10)}.xlsx"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
};
