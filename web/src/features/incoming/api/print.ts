import { ApiError } from '@/lib/api';

/** A printed form (PDF) as a blob; a refusal becomes an ApiError with the server's Vietnamese message. */
export async function fetchPrinted(path: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { code?: string; message?: string; details?: unknown };
    throw new ApiError(response.status, problem.code ?? `HTTP_${response.status}`, problem.message ?? `Máy chủ trả lời lỗi ${response.status}.`, problem.details);
  }
  return response.blob();
}

export const slipPath = (documentId: string) => `/api/incoming/${encodeURIComponent(documentId)}/slip.pdf`;
