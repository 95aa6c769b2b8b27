/** Stored files (tệp): upload, metadata and content links, shared by every document feature. */
import { useQueries } from '@tanstack/react-query';
import { api } from './api';

export interface StoredFile {
  id: string;
  agencyId: string;
  sha256: string;
  size: number;
  format: string;
  mediaType: string;
  originalName: string;
  createdAt: string;
}

/** The server checks the format by content and answers 415 with a Vietnamese message when refused. */
export function uploadFile(file: File): Promise<StoredFile> {
  const body = new FormData();
  body.append('file', file, file.name);
  return api.post<StoredFile>('/api/files', body);
}

/** A same-origin link: the session cookie authorises it, and the server logs the read. */
export const fileContentHref = (id: string) => `/api/files/${encodeURIComponent(id)}/content`;

/**
 * For an embedded viewer. The server sends files as attachments today, so a frame gets a download
 * instead of a view until it honours `inline=1` for PDFs (requested from the server side).
 */
export const fileInlineHref = (id: string) => `${fileContentHref(id)}?inline=1`;

export function useStoredFiles(ids: string[]) {
  return useQueries({
    queries: ids.map((id) => ({ queryKey: ['files', id], queryFn: () => api.get<StoredFile>(`/api/files/${encodeURIComponent(id)}`), staleTime: Infinity })),
    combine: (results) => new Map(results.flatMap((r) => (r.data ? [[r.data.id, r.data] as const] : []))),
  });
}

/** Sizes as people read them: "245 KB", "1,2 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}
