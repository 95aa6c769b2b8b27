import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { Services } from '../../infra/module.js';
import { errors, IdParams, fileAnswer, MIME, BoundedInt, CalendarDate } from '../../infra/http/schemas.js';
import type { PrintFormat, PrintOptions } from '../../infra/print/printed-file.js';
import { sendPrinted } from '../../infra/print/send-printed.js';
import { printIncomingRegister } from './register-print.js';
import { HandlingReport, HandlingReportQuery, PrintTrackingQuery } from './forms-schemas.js';
import { printSlip } from './slip-print.js';
import { printTrackingBook } from './tracking-print.js';
import { handlingReport } from './handling-report-service.js';
import { printHandlingReport } from './handling-report-print.js';

const tags = ['incoming'];

export const PrintRegisterQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2199, description: 'Năm của sổ; mặc định: năm hiện tại' })),
  fromNumber: Type.Optional(BoundedInt({ minimum: 1, description: 'Từ số đến' })),
  toNumber: Type.Optional(BoundedInt({ minimum: 1, description: 'Đến số đến' })),
  fromDate: Type.Optional(CalendarDate('Từ ngày đến (YYYY-MM-DD)')),
  toDate: Type.Optional(CalendarDate('Đến ngày đến (YYYY-MM-DD)')),
  volume: Type.Optional(Type.Integer({ minimum: 1, maximum: 999, description: 'Quyển số in trên bìa; để trống để ghi tay' })),
});
export type PrintRegisterQuery = Static<typeof PrintRegisterQuery>;

export type IncomingPrintOptions = { services: Services } & PrintOptions;

/**
 * GET /register.pdf and /register.xlsx: the Sổ đăng ký văn bản đến of the actor's agency in the
 * NĐ 30 Phụ lục IV template (Q-11.2a). Each print is recorded in the audit log.
 * Next to them the other forms of Phụ lục IV for incoming documents: the Phiếu giải quyết of one
 * document, the Sổ theo dõi giải quyết, and the handling report (Q-11.3đ, Q-6.2c).
 */
export const incomingPrintRoutes: FastifyPluginAsyncTypebox<IncomingPrintOptions> = async (app, options) => {
  const printOptions: PrintOptions = { fontDir: options.fontDir, xlsxFontName: options.xlsxFontName, maxEntries: options.maxEntries };
  const route = (format: PrintFormat, summary: string) =>
    app.get(
      `/register.${format}`,
      { schema: { tags, summary, querystring: PrintRegisterQuery, response: { ...fileAnswer('Sổ đăng ký', MIME[format]), ...errors(400, 401, 403) } } },
      async (request, reply) => sendPrinted(request, reply, await printIncomingRegister(request.ctx, format, request.query, printOptions)),
    );
  route('pdf', 'In sổ đăng ký văn bản đến (PDF, mẫu Phụ lục IV NĐ 30/2020) để ký và đóng quyển');
  route('xlsx', 'Xuất sổ đăng ký văn bản đến ra bảng tính (XLSX), cùng các cột của mẫu');

  // Each print is built first, then recorded in the audit log in a short transaction of its own.
  app.get(
    '/:id/slip.pdf',
    { schema: { tags, summary: 'In phiếu giải quyết văn bản đến (mẫu VII Phụ lục IV NĐ 30/2020)', params: IdParams, response: { ...fileAnswer('Phiếu giải quyết', MIME.pdf), ...errors(400, 401, 404) } } },
    async (request, reply) => sendPrinted(request, reply, await printSlip(request.ctx, request.params.id, printOptions)),
  );
  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(
      `/tracking.${format}`,
      { schema: { tags, summary: `Sổ theo dõi giải quyết văn bản đến (mẫu VIII Phụ lục IV NĐ 30/2020), ${format.toUpperCase()}`, querystring: PrintTrackingQuery, response: { ...fileAnswer('Sổ theo dõi', MIME[format]), ...errors(400, 401, 403) } } },
      async (request, reply) => sendPrinted(request, reply, await printTrackingBook(request.ctx, format, request.query, printOptions)),
    );
    app.get(
      `/reports/handling.${format}`,
      { schema: { tags, summary: `Báo cáo tình hình giải quyết văn bản đến, ${format.toUpperCase()}`, querystring: HandlingReportQuery, response: { ...fileAnswer('Báo cáo', MIME[format]), ...errors(400, 401, 403) } } },
      async (request, reply) => sendPrinted(request, reply, await printHandlingReport(request.ctx, format, request.query, printOptions)),
    );
  }
  app.get(
    '/reports/handling',
    {
      schema: {
        tags,
        summary: 'Tình hình giải quyết văn bản đến theo đơn vị, cá nhân: tiếp nhận, đúng hạn, quá hạn, đang giải quyết (Q-6.2c)',
        querystring: HandlingReportQuery,
        response: { 200: HandlingReport, ...errors(400, 401, 403) },
      },
    },
    async (request) => handlingReport(request.ctx, request.query),
  );
};
