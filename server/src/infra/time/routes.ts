import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../module.js';
import { withTx } from '../http/request-context.js';
import { errors, Ok, CalendarDate, NonBlank } from '../http/schemas.js';
import { addOverride, listHolidayRules, loadWorkingCalendar, removeOverride } from './calendar.js';

const DateString = CalendarDate('YYYY-MM-DD (giờ Việt Nam)');
const Day = Type.Object({ date: Type.String(), working: Type.Boolean(), reason: Type.String(), name: Type.Optional(Type.String()) });
const Override = Type.Object({ date: DateString, kind: Type.Union([Type.Literal('holiday'), Type.Literal('working')]), name: NonBlank(200, { minLength: 2 }) });
const tags = ['calendar'];

export const calendarRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app) => {
  app.get(
    '/rules',
    {
      schema: {
        tags,
        summary: 'Các ngày lễ, tết theo luật (dữ liệu)',
        response: { 200: Type.Array(Type.Object({ name: Type.String(), calendar: Type.String(), month: Type.Number(), day: Type.Union([Type.Number(), Type.Literal('last')]), span: Type.Optional(Type.Number()), compensate: Type.Optional(Type.Boolean()) })), ...errors(401) },
      },
    },
    async (request) => listHolidayRules(request.ctx.db),
  );

  app.get(
    '/:year',
    {
      schema: {
        tags,
        summary: 'Các ngày nghỉ lễ, nghỉ bù, ngày làm bù của một năm',
        params: Type.Object({ year: Type.Integer({ minimum: 1900, maximum: 2199 }) }),
        response: { 200: Type.Object({ year: Type.Number(), days: Type.Array(Day) }), ...errors(400, 401) },
      },
    },
    async (request) => {
      const calendar = await loadWorkingCalendar(request.ctx.db);
      return { year: request.params.year, days: calendar.yearDays(request.params.year) };
    },
  );

  app.post(
    '/overrides',
    { schema: { tags, summary: 'Thêm ngày nghỉ hoặc ngày làm bù do Chính phủ công bố (quản trị)', body: Override, response: { 201: Override, ...errors(400, 401, 403, 409) } } },
    async (request, reply) => reply.status(201).send(await withTx(request, (ctx) => addOverride(ctx, request.body))),
  );

  app.delete(
    '/overrides/:date',
    { schema: { tags, summary: 'Xóa một điều chỉnh lịch (quản trị)', params: Type.Object({ date: DateString }), response: { 200: Ok, ...errors(400, 401, 403, 404) } } },
    async (request) => {
      await withTx(request, (ctx) => removeOverride(ctx, request.params.date));
      return { ok: true as const };
    },
  );
};
