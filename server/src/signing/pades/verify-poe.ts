/**
 * Proof of existence (PoE, ETSI EN 319 102-1 §5.6.2.4): what shows that a signature existed at
 * a given time. The time written by the signer (PDF /M, CMS signing-time) is never one.
 */
import { toVietnamIso } from '../../infra/time/legal-time.js';

/**
 * A proof that the signature existed at `time`: an RFC 3161 timestamp over its value, a document
 * timestamp over the revision that holds it, or VănThư's own earlier VALID check of these very
 * bytes (kept in signing_verification).
 */
export interface ProofOfExistence {
  time: Date;
  source: 'signature-timestamp' | 'document-timestamp' | 'earlier-check';
  /** The TSA, for a timestamp. */
  by?: string;
}

export function proofText(proof: ProofOfExistence): string {
  const when = toVietnamIso(proof.time);
  if (proof.source === 'earlier-check') return `VănThư đã kiểm tra đúng bản tệp này lúc ${when} với kết quả hợp lệ`;
  const what = proof.source === 'signature-timestamp' ? 'dấu thời gian trong chữ ký' : 'dấu thời gian tài liệu';
  return `${what} do ${proof.by ?? 'đơn vị cấp dấu thời gian'} cấp lúc ${when}`;
}
