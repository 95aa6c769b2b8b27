/**
 * The revocation part of a signature's verdict (ETSI EN 319 102-1 §5.2.6): every certificate of
 * the path but the anchor is asked about, through CRLs or OCSP (signing/revocation/).
 */
import { toVietnamIso } from '../../infra/time/legal-time.js';
import type { Cert } from '../pki/chain.js';
import { describeCertificate } from '../pki/certificate-info.js';
import type { RevocationReason } from '../pki/crl.js';
import type { RevocationAnswer, RevocationLookup } from '../revocation/checker.js';
import { indeterminate, invalid, type Finding } from '../verdict.js';
import { proofText, type ProofOfExistence } from './verify-poe.js';

/** What was learnt about one certificate of the path, for people and the record. */
export interface RevocationCheck {
  commonName?: string;
  status: 'good' | 'revoked' | 'unknown';
  source?: 'crl' | 'ocsp';
  url?: string;
}

const REASON_TEXT: Partial<Record<RevocationReason, string>> = {
  keyCompromise: 'lộ khoá bí mật',
  cACompromise: 'tổ chức cấp bị lộ khoá',
  affiliationChanged: 'thay đổi thông tin, đơn vị',
  superseded: 'đã được thay thế',
  cessationOfOperation: 'ngừng sử dụng',
  certificateHold: 'tạm dừng',
  privilegeWithdrawn: 'bị thu hồi quyền',
};

export interface RevocationOutcome {
  revocation: 'good' | 'revoked' | 'unknown';
  checks: RevocationCheck[];
  findings: Finding[];
  warnings: string[];
}

/**
 * `proofs` (earliest first) say when the signature provably existed: a certificate revoked after
 * the earliest is no matter (ETSI EN 319 102-1 §5.6.2.4), said as a warning. Otherwise
 * `claimedSigningTime`, what the signature says of itself, decides only against the signer: a
 * certificate revoked before it is INVALID/REVOKED, since the signer's own statement places the
 * signature after the revocation (a backdated claim can only move it earlier, into
 * REVOKED_NO_POE). Revoked after it, or with no claim, there is no proof: INDETERMINATE.
 * A status unknown today matters not when VănThư itself found these bytes VALID earlier, while the
 * certificate was in force: that check saw it unrevoked, and a later revocation changes nothing.
 */
export async function checkRevocation(path: Cert[], claimedSigningTime: Date | undefined, proofs: ProofOfExistence[], lookup: RevocationLookup): Promise<RevocationOutcome> {
  const outcome: RevocationOutcome = { revocation: 'good', checks: [], findings: [], warnings: [] };
  for (const [i, cert] of path.slice(0, -1).entries()) {
    const answer = await safely(() => lookup(cert, path[i + 1]));
    const { revocation } = answer;
    const name = describeCertificate(cert.fields).commonName ?? '';
    outcome.checks.push({ commonName: name, status: revocation.status, source: answer.source, url: answer.url });
    outcome.warnings.push(...answer.warnings);
    if (revocation.status === 'revoked') {
      outcome.revocation = 'revoked';
      const why = revocation.reason && REASON_TEXT[revocation.reason] ? ` (lý do: ${REASON_TEXT[revocation.reason]})` : '';
      const when = toVietnamIso(revocation.revokedAt);
      // A hold may be lifted; only a final revocation makes the signature invalid.
      const final = revocation.reason !== 'certificateHold';
      const before = proofs.find((p) => p.time < revocation.revokedAt);
      if (before) outcome.warnings.push(`${i > 0 ? `Chứng thư của tổ chức cấp "${name}"` : 'Chứng thư số'} đã bị thu hồi từ ${when}${why}, sau khi chữ ký đã tồn tại (${proofText(before)}): chữ ký vẫn được công nhận.`);
      else if (i > 0) outcome.findings.push(indeterminate('REVOKED_CA_NO_POE', `Chứng thư của tổ chức cấp "${name}" đã bị thu hồi từ ${when}${why}.`));
      else if (final && claimedSigningTime && revocation.revokedAt <= claimedSigningTime) {
        outcome.findings.push(invalid('REVOKED', `Chứng thư số đã bị thu hồi từ ${when}${why}, trước thời điểm ký ghi trong chữ ký (${toVietnamIso(claimedSigningTime)}).`));
      } else outcome.findings.push(indeterminate('REVOKED_NO_POE', `Chứng thư số đã bị thu hồi từ ${when}${why}; không có dấu thời gian chứng minh văn bản được ký trước đó.`));
    } else if (revocation.status === 'unknown') {
      if (outcome.revocation === 'good') outcome.revocation = 'unknown';
      const checked = proofs.find((p) => p.source === 'earlier-check' && p.time <= cert.fields.notAfter.value);
      if (checked) {
        outcome.warnings.push(`Hiện chưa tra được tình trạng thu hồi của chứng thư "${name}"; ${proofText(checked)}, khi chứng thư chưa bị thu hồi.`);
        continue;
      }
      outcome.findings.push(indeterminate('TRY_LATER', `Chưa xác định được tình trạng thu hồi của chứng thư "${name}" (chưa có CRL hoặc OCSP còn hiệu lực); cần kiểm tra lại sau.`));
    }
  }
  return outcome;
}

/** A lookup does not throw by design; should one, the status is unknown, never good. */
async function safely(run: () => Promise<RevocationAnswer>): Promise<RevocationAnswer> {
  try {
    return await run();
  } catch {
    return { revocation: { status: 'unknown' }, warnings: ['Lỗi khi kiểm tra tình trạng thu hồi chứng thư; cần kiểm tra lại sau.'] };
  }
}
