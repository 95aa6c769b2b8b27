import { AppError, type ErrorCode } from '../../shared/errors.js';

/**
 * Why a remote signing request failed. As with SigningError, `reason` (in details) is the stable
 * code for programs; the HTTP code reuses the shared table, which has no 502 for a provider that
 * is down, so REMOTE_UNREACHABLE answers 500 with its own message.
 */
export type RemoteFailure =
  | 'REMOTE_NOT_CONFIGURED'
  | 'REMOTE_UNREACHABLE'
  | 'REMOTE_CREDENTIALS'
  | 'REMOTE_REFUSED'
  | 'REMOTE_PROTOCOL'
  | 'REMOTE_PENDING'
  | 'REMOTE_REQUEST_MISMATCH'
  | 'REMOTE_SIGNATURE_MISMATCH';

const STATUS: Record<RemoteFailure, ErrorCode> = {
  REMOTE_NOT_CONFIGURED: 'CONFLICT',
  REMOTE_UNREACHABLE: 'INTERNAL_ERROR',
  REMOTE_CREDENTIALS: 'INTERNAL_ERROR',
  REMOTE_REFUSED: 'BAD_REQUEST',
  REMOTE_PROTOCOL: 'INTERNAL_ERROR',
  REMOTE_PENDING: 'CONFLICT',
  REMOTE_REQUEST_MISMATCH: 'BAD_REQUEST',
  REMOTE_SIGNATURE_MISMATCH: 'SIGNATURE_INVALID',
};

export class RemoteSigningError extends AppError {
  constructor(
    readonly reason: RemoteFailure,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(STATUS[reason], message, { reason, ...extra });
  }
}

export const remoteMessages = {
  notConfigured: 'Máy chủ chưa được cấu hình dịch vụ ký số từ xa; hãy ký bằng công cụ ký số.',
  unreachable: 'Không kết nối được dịch vụ ký số từ xa; hãy thử lại sau hoặc ký bằng công cụ ký số.',
  credentials: 'VănThư không xác thực được với dịch vụ ký số từ xa; hãy báo quản trị hệ thống kiểm tra mã và khoá bí mật của máy chủ.',
  protocol: 'Dịch vụ ký số từ xa trả lời không đúng giao thức.',
  rejected: 'Người ký đã từ chối yêu cầu ký trên ứng dụng của dịch vụ ký số từ xa.',
  expired: 'Yêu cầu ký số từ xa đã hết hạn mà chưa được xác nhận; hãy gửi lại yêu cầu.',
  mismatch: 'Dịch vụ ký số từ xa trả về chữ ký không khớp với tài liệu đã chuẩn bị hoặc với chứng thư số đã chọn; chữ ký bị từ chối.',
};
