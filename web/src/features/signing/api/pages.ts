import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';

export interface PageSize {
  page: number;
  width: number;
  height: number;
}

/** The sizes of a PDF's pages in PDF points, to draw a signature's box on their images. */
export function usePageSizes(fileId: string) {
  return useQuery({ queryKey: ['files', fileId, 'pages'], queryFn: () => api.get<PageSize[]>(`/api/files/${encodeURIComponent(fileId)}/pages`) });
}

/** The server renders one page as PNG (GET /api/files/:id/pages/:n); twice the shown width for sharp text. */
export const pageImageHref = (fileId: string, page: number, shownWidth: number) => `/api/files/${encodeURIComponent(fileId)}/pages/${page}?width=${Math.min(2000, shownWidth * 2)}`;
