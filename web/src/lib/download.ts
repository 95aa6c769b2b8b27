/** Downloads a generated file (PDF, XLSX) through fetch, so a refusal shows as a message, not a JSON page. */
import { ApiError, withQuery } from './api';

type Query = Parameters<typeof withQuery>[1];

/** The name the server proposes in Content-Disposition, else the fallback. */
function fileNameFrom(header: string | null, fallback: string): string {
  const star = header?.match(/filename\*=UTF-8''([^;]+)/i);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = header?.match(/filename="?([^";]+)"?/i);
  return plain?.[1] ?? fallback;
}

export async function downloadFile(path: string, query: Query, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { code?: string; message?: string; details?: unknown };
    throw new ApiError(response.status, problem.code ?? `HTTP_${response.status}`, problem.message ?? `Máy chủ trả lời lỗi ${response.status}.`, problem.details);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameFrom(response.headers.get('content-disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the browser's download manager; keeping it would leak memory.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
