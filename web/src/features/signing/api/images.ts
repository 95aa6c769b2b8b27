import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';

/** A stored signature or seal image; the seal also has its real diameter. */
export interface ImageInfo {
  fileId: string;
  width: number;
  height: number;
  uploadedAt: string;
  diameterMm?: number;
}

export interface MyImages {
  signature: ImageInfo | null;
  seal: ImageInfo | null;
}

export const imageKeys = { mine: ['signing', 'images'] as const };

export const signatureImageHref = (userId: string) => `/api/signing/users/${encodeURIComponent(userId)}/signature-image`;
export const sealImageHref = (agencyId: string) => `/api/signing/agencies/${encodeURIComponent(agencyId)}/seal-image`;

export function useMyImages() {
  return useQuery({ queryKey: imageKeys.mine, queryFn: () => api.get<MyImages>('/api/signing/images') });
}

function pngForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file);
  return form;
}

/** Upload or replace (PUT) and remove (DELETE) one image; `href` names which. */
export function useImageMutations(href: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: imageKeys.mine });
  return {
    upload: useMutation({ mutationFn: ({ file, query = '' }: { file: File; query?: string }) => api.put<ImageInfo>(`${href}${query}`, pngForm(file)), onSuccess }),
    remove: useMutation({ mutationFn: () => api.delete<{ ok: true }>(href), onSuccess }),
  };
}
