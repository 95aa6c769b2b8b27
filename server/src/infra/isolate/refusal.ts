import { AppError } from '../../shared/errors.js';
import { IsolateRefusal } from './isolate.js';

/**
 * What a person is told when a file was too heavy to read within the limits: a refusal about
 * the file (413), not a server fault. `what` names the file: "Tệp PDF", "Ảnh chữ ký"…
 */
export function refusalAsAppError(err: unknown, what: string): unknown {
  if (!(err instanceof IsolateRefusal)) return err;
  const why = err.kind === 'TIMEOUT' ? 'xử lý quá thời gian cho phép' : err.kind === 'MEMORY' ? 'cần quá nhiều bộ nhớ để đọc' : 'không đọc được';
  return new AppError('PAYLOAD_TOO_LARGE', `${what} quá lớn hoặc quá phức tạp (${why}); hãy giảm số trang hoặc kích thước rồi gửi lại.`, { reason: `DECODE_${err.kind}` });
}
