import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors.js';
import { cleanTextIn, type TextProblem } from './text.js';
import { validationMessage } from './validation-messages.js';

interface Problem {
  code: string;
  message: string;
  details?: unknown;
}

/** Turns every failure into `{code, message, details?}`; a stack trace never reaches a client. */
export function installErrorHandlers(app: FastifyInstance, spaRoot?: string): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    const { status, body } = toProblem(err);
    if (status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code: body.code }, 'request refused');
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    // The web UI routes its own paths: any other GET outside the API gets the app shell.
    if (spaRoot && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html', spaRoot);
    }
    reply.status(404).send({ code: 'NOT_FOUND', message: `Không tìm thấy: ${request.method} ${request.url.split('?')[0]}` });
  });
}

export function toProblem(err: unknown): { status: number; body: Problem } {
  if (err instanceof AppError) {
    return { status: err.status, body: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) } };
  }
  const fe = err as FastifyError;
  if (fe.validation) {
    return {
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        message: 'Dữ liệu gửi lên không hợp lệ.',
        details: fe.validation.map((v) => ({ field: `${fe.validationContext ?? ''}${v.instancePath}`, rule: v.keyword, params: v.params, message: validationMessage(v.keyword, v.params) })),
      },
    };
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: 'Dữ liệu gửi lên vượt quá dung lượng cho phép.' } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Kiểu nội dung gửi lên không được hỗ trợ.' } };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, body: { code: 'BAD_REQUEST', message: 'Nội dung JSON không hợp lệ.' } };
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    if (fe.statusCode === 429) return { status: 429, body: { code: 'TOO_MANY_REQUESTS', message: 'Quá nhiều yêu cầu, vui lòng thử lại sau.' } };
    return { status: fe.statusCode, body: { code: 'BAD_REQUEST', message: 'Yêu cầu không hợp lệ.' } };
  }
  return { status: 500, body: { code: 'INTERNAL_ERROR', message: 'Lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị hệ thống.' } };
}

/**
 * Refuses control characters and broken Unicode in every string of the body, the query and the
 * path, before the schema and the handler see them, and stores the rest in NFC (text.ts).
 */
export async function normaliseRequestText(request: FastifyRequest): Promise<void> {
  const problems: TextProblem[] = [];
  for (const [part, value] of [['body', request.body], ['querystring', request.query], ['params', request.params]] as const) {
    if (value !== undefined && value !== null) cleanTextIn(value, part, problems);
  }
  if (typeof request.body === 'string') request.body = cleanTextIn(request.body, 'body', problems);
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'Dữ liệu gửi lên chứa ký tự không hợp lệ.', problems);
}

/**
 * Requests Node refuses before Fastify sees them (a URL or headers over Node's 16 KB limit, a
 * broken request line) still get a JSON problem, like every other refusal.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, problem] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', { code: 'HEADERS_TOO_LARGE', message: 'Địa chỉ (URL) hoặc phần tiêu đề của yêu cầu quá dài (tối đa 16 KB).' }]
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', { code: 'REQUEST_TIMEOUT', message: 'Yêu cầu gửi quá chậm nên bị ngắt; vui lòng thử lại.' }]
        : [400, 'Bad Request', { code: 'BAD_REQUEST', message: 'Yêu cầu không đúng giao thức HTTP.' }];
  const body = JSON.stringify(problem);
  if (!socket.writable) return void socket.destroy();
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
