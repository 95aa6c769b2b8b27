/** Browser-side form rules mirroring the server's, so mistakes show before a round trip. */
import type { FormRule } from 'antd';

export const MIN_PASSWORD_LENGTH = 8;

export const required = (message: string): FormRule => ({ required: true, whitespace: true, message });

/** Same policy as the server: length, letters and digits, not containing the username. */
export function passwordRules(getUsername?: () => string | undefined): FormRule[] {
  return [
    { required: true, message: 'Vui lòng nhập mật khẩu' },
    { min: MIN_PASSWORD_LENGTH, message: `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự` },
    {
      validator: async (_rule, value: string | undefined) => {
        if (!value) return;
        if (!/\p{L}/u.test(value) || !/[0-9]/.test(value)) throw new Error('Mật khẩu phải có cả chữ và số');
        const username = getUsername?.()?.trim().toLowerCase();
        if (username && value.toLowerCase().includes(username)) throw new Error('Mật khẩu không được chứa tên đăng nhập');
      },
    },
  ];
}

export const emailRule: FormRule = { type: 'email', message: 'Địa chỉ thư điện tử không hợp lệ' };

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
export const ABBREVIATION_PATTERN = /^[0-9A-ZĐ]+$/;
export const AGENCY_CODE_PATTERN = /^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$/;
export const ADMIN_CODE_PATTERN = /^[0-9A-Z]+(\.[0-9A-Z]+)*$/;

/** Optional text fields go to the server as null, not "", so clearing a field really clears it. */
export function blankToNull(value: string | undefined | null): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** The "type it again" field next to a new password. */
export function confirmPasswordRules(passwordField: string): FormRule[] {
  return [
    { required: true, message: 'Vui lòng nhập lại mật khẩu mới' },
    ({ getFieldValue }) => ({
      validator: async (_rule, value: string | undefined) => {
        if (value && value !== getFieldValue(passwordField)) throw new Error('Mật khẩu nhập lại không khớp');
      },
    }),
  ];
}
