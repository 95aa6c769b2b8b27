import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

export function useChangePassword() {
  return useMutation({ mutationFn: (input: ChangePasswordInput) => api.post<{ ok: true }>('/api/auth/password', input) });
}
