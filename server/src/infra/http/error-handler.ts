import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../../shared/errors.js';

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
        details: fe.validation.map((v) => ({ field: `${fe.validationContext ?? ''}${v.instancePath}`, rule: v.keyword, params: v.params, message: v.message })),
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
