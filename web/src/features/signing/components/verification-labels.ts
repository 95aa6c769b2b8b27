/** Vietnamese words for the verifier's answers (ETSI EN 319 102-1 indications, revocation, changes). */
import type { Indication, SignatureReport } from '../api/verification';

export const INDICATION_LABELS: Record<Indication, string> = { VALID: 'Hợp lệ', INVALID: 'Không hợp lệ', INDETERMINATE: 'Chưa xác định được' };
export const INDICATION_COLORS: Record<Indication, string> = { VALID: 'green', INVALID: 'red', INDETERMINATE: 'orange' };
export const ALERT_TYPES: Record<Indication, 'success' | 'error' | 'warning'> = { VALID: 'success', INVALID: 'error', INDETERMINATE: 'warning' };

const REVOCATION: Record<SignatureReport['revocation'], string> = {
  good: 'Chứng thư chưa bị thu hồi',
  revoked: 'Chứng thư đã bị thu hồi',
  unknown: 'Chưa kiểm tra được tình trạng thu hồi',
  'not-checked': 'Không kiểm tra tình trạng thu hồi',
};

const CHANGES: Record<string, string> = {
  signature: 'thêm chữ ký số',
  'form-fill': 'điền số, ngày ban hành vào ô dành sẵn',
  annotation: 'thêm chú thích',
  'page-content': 'sửa nội dung trang',
  other: 'thay đổi khác',
};

const CERTIFICATION: Record<number, string> = {
  1: 'Chữ ký chứng nhận: không cho phép sửa đổi sau khi ký',
  2: 'Chữ ký chứng nhận: chỉ cho phép điền biểu mẫu và ký tiếp',
  3: 'Chữ ký chứng nhận: cho phép điền biểu mẫu, ký tiếp và thêm chú thích',
};

export const revocationText = (r: SignatureReport['revocation']) => REVOCATION[r];
export const certificationText = (level: number | undefined) => (level ? CERTIFICATION[level] : undefined);

/** What was added after this signature, or that nothing was. */
export function changesText(s: SignatureReport): string {
  if (s.coversWholeFile || s.changesAfter.length === 0) return 'Không có thay đổi nào sau khi ký';
  return `Sau khi ký có: ${s.changesAfter.map((k) => CHANGES[k] ?? k).join(', ')}`;
}
