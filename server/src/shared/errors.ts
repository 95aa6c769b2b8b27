/**
 * One error type for everything a client may see: a stable code for programs and a
 * Vietnamese message for people. Anything else that escapes becomes INTERNAL_ERROR.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNSUPPORTED_FORMAT: 415,
  FORMAT_MISMATCH: 415,
  EMPTY_FILE: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  /** A read-only role (the inspector) asked to change something. */
  READ_ONLY_ROLE: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE_SUSPECTED: 409,
  SECRET_DOCUMENT_REFUSED: 422,
  SIGNATURE_INVALID: 422,
  CONVERSION_UNSUPPORTED: 415,
  CONVERSION_FAILED: 422,
  CONVERSION_TIMEOUT: 422,
  PAYLOAD_TOO_LARGE: 413,
  ACCOUNT_LOCKED: 429,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_ERROR: 500,
  /** The server lacks LibreOffice: a fault of the installation, not of the request. */
  CONVERTER_MISSING: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Another agency's object answers exactly like a missing one. */
export function notFound(what = 'Đối tượng'): AppError {
  return new AppError('NOT_FOUND', `${what} không tồn tại hoặc bạn không có quyền truy cập.`);
}

export function forbidden(message = 'Bạn không có quyền thực hiện thao tác này.'): AppError {
  return new AppError('FORBIDDEN', message);
}

export function conflict(message: string, details?: unknown): AppError {
  return new AppError('CONFLICT', message, details);
}
