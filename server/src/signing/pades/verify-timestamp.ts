/**
 * RFC 3161 timestamp tokens as proof of existence (ETSI EN 319 102-1 §5.4): a token from a
 * trusted time-stamping authority says that certain bytes existed at its genTime. A token is
 * accepted only when its CMS verifies, its TSA certificate chains to the trust list, was valid
 * at genTime and is meant for timestamping, and its message imprint is the hash of exactly the
 * bytes it is meant to cover. The time a signer writes into a signature proves nothing.
 */
import { createHash } from 'node:crypto';
import * as pkijs from 'pkijs';
import { hashOf, type HashName } from '../pki/algorithms.js';
import { describeCertificate } from '../pki/certificate-info.js';
import { buildPath, validAt, type Cert } from '../pki/chain.js';
import { asn1Input, OID } from '../pki/oids.js';
import { indeterminate, invalid, type Finding } from '../verdict.js';
import { readCms } from './cms-reader.js';

export interface TimestampTrust {
  anchors: Cert[];
  extraCertificates: Cert[];
  loadCert: (der: Buffer) => Cert | undefined;
}

export type TimestampCheck = { ok: true; time: Date; tsa: string; tsaCert: Cert } | { ok: false; finding: Finding };

/** SHA-1 imprints can be forged by collision; what a token covers must be bound by a strong hash. */
const IMPRINT_HASHES = new Set<HashName>(['sha256', 'sha384', 'sha512']);

/** Checks `token` (DER ContentInfo) as covering the bytes `covered` (parts hashed in order). */
export function checkTimestamp(token: Buffer, covered: Buffer[], trust: TimestampTrust): TimestampCheck {
  const read = readCms(token, { encapsulated: OID.tstInfo }, trust.loadCert);
  if (!read.ok) return fail(invalid('FORMAT_FAILURE', `Dấu thời gian không đọc được: ${read.problem}`));
  const cms = read.facts;
  if (!cms.signer) return fail(indeterminate('NO_SIGNING_CERTIFICATE_FOUND', 'Dấu thời gian không kèm chứng thư của đơn vị cấp dấu thời gian (TSA).'));
  if (cms.digestMatches !== true || cms.signature.valid !== true || cms.signingCertificate === 'mismatch') {
    return fail(invalid('SIG_CRYPTO_FAILURE', 'Chữ ký của đơn vị cấp dấu thời gian (TSA) trên dấu thời gian không hợp lệ.'));
  }
  let info: pkijs.TSTInfo;
  try {
    info = pkijs.TSTInfo.fromBER(asn1Input(cms.content!));
  } catch {
    return fail(invalid('FORMAT_FAILURE', 'Nội dung dấu thời gian (TSTInfo) không đúng cấu trúc.'));
  }
  const hash = hashOf(info.messageImprint.hashAlgorithm.algorithmId);
  if (!hash || !IMPRINT_HASHES.has(hash)) return fail(indeterminate('CRYPTO_CONSTRAINTS_FAILURE_NO_POE', 'Dấu thời gian dùng thuật toán băm không còn được chấp nhận.'));
  const digest = createHash(hash);
  for (const part of covered) digest.update(part);
  if (!digest.digest().equals(Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView))) {
    return fail(invalid('HASH_FAILURE', 'Dấu thời gian không khớp với dữ liệu nó xác nhận (message imprint khác): dữ liệu đã bị thay đổi.'));
  }

  const tsa = cms.signer;
  const time = info.genTime;
  const name = describeCertificate(tsa.fields).commonName ?? describeCertificate(tsa.fields).subject;
  const path = buildPath(tsa, [...cms.certificates, ...trust.extraCertificates], trust.anchors);
  if (!path) return fail(indeterminate('NO_CERTIFICATE_CHAIN_FOUND', `Đơn vị cấp dấu thời gian "${name}" không thuộc danh sách tin cậy.`));
  if (!(tsa.x509.keyUsage ?? []).includes(OID.timeStamping)) return fail(indeterminate('CHAIN_CONSTRAINTS_FAILURE', `Chứng thư "${name}" không được cấp cho việc cấp dấu thời gian.`));
  if (path.some((cert) => validAt(cert, time) !== 'valid')) return fail(indeterminate('OUT_OF_BOUNDS_NO_POE', `Chứng thư của đơn vị cấp dấu thời gian "${name}" không có hiệu lực vào thời điểm cấp dấu.`));
  return { ok: true, time, tsa: name, tsaCert: tsa };
}

function fail(finding: Finding): TimestampCheck {
  return { ok: false, finding };
}
