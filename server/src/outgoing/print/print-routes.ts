import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../../infra/module.js';
import { errors, fileAnswer, MIME } from '../../infra/http/schemas.js';
import type { PrintOptions } from '../../infra/print/printed-file.js';
import { sendPrinted } from '../../infra/print/send-printed.js';
import { printOutgoingRegister, printPostRegister } from './books-print.js';
import { printOutgoingReport } from './report-print.js';
import { OutgoingBookQuery, OutgoingReportQuery } from './schemas.js';

const tags = ['outgoing'];

/**
 * GET /print/register, /print/post-register and /print/report, each .pdf or .xlsx: the Sổ đăng ký
 * văn bản đi (Q-12.3b) and Sổ gửi văn bản đi bưu điện of NĐ 30 Phụ lục IV, and the report of
 * outgoing documents (Q-14, Q-6.2c), of the actor's agency. Each file is built, then its print
 * recorded in the audit log, then sent as a download.
 */
export const outgoingPrintRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, options) => {
  const printOptions: PrintOptions = { fontDir: options.services.fontDir };
  for (const format of ['pdf', 'xlsx'] as const) {
    const kind = format.toUpperCase();
    const response = { ...fileAnswer(`Tệp ${kind}`, MIME[format]), ...errors(400, 401, 403) };
    app.get(
      `/print/register.${format}`,
      { schema: { tags, summary: `Sổ đăng ký văn bản đi (mẫu I Phụ lục IV NĐ 30/2020), ${kind}`, querystring: OutgoingBookQuery, response } },
      async (request, reply) => sendPrinted(request, reply, await printOutgoingRegister(request.ctx, format, request.query, printOptions)),
    );
    app.get(
      `/print/post-register.${format}`,
      { schema: { tags, summary: `Sổ gửi văn bản đi bưu điện (mẫu III Phụ lục IV NĐ 30/2020), ${kind}`, querystring: OutgoingBookQuery, response } },
      async (request, reply) => sendPrinted(request, reply, await printPostRegister(request.ctx, format, request.query, printOptions)),
    );
    app.get(
      `/print/report.${format}`,
      { schema: { tags, summary: `Báo cáo tình hình giải quyết văn bản đi theo loại, đơn vị soạn thảo, người ký, tình trạng gửi nhận, ${kind}`, querystring: OutgoingReportQuery, response } },
      async (request, reply) => sendPrinted(request, reply, await printOutgoingReport(request.ctx, format, request.query, printOptions)),
    );
  }
};
