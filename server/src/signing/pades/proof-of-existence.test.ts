/**
 * Issue 11, item 2 (Q-4.1, Q-6.1d): a claimed time (PDF /M, CMS signing-time) is never proof of
 * existence (ETSI EN 319 102-1 §5.6.2.4). A signature checked after its certificate expired, or
 * was revoked, is VALID only with a proof that it existed before: a trusted RFC 3161 timestamp in
 * or over it (made here by `openssl ts`), or VănThư's own earlier VALID check of the same bytes.
 * A CRL issued after the certificate expired says nothing by leaving it out (RFC 5280), unless it
 * carries ExpiredCertsOnCRL.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signClaimingTime } from '../testing/claimed-time-cms.js';
import { addDocumentTimestamp } from '../testing/doc-timestamp.js';
import { opensslTimestamp } from '../testing/openssl-tsa.js';
import { makeTestPdf } from '../testing/test-pdf.js';
import { createTestPki, keySigner, type TestIdentity, type TestPki } from '../testing/test-pki.js';
import { hasTool, nssTrusting, pdfsig } from '../testing/tools.js';
import { signPdf } from './sign.js';
import { verifyPdf, type VerifyOptions } from './verify.js';

const tools = { pdfsig: hasTool('pdfsig'), nss: hasTool('certutil') };
const DAY = 86_400_000;
const in2020 = new Date('2020-06-01T03:00:00Z');

let pki: TestPki;
let pdf: Buffer;
/** Valid 2019–2021, as in the review: signed "in 2020", checked in 2026. */
let lapsed: TestIdentity;
/** Valid from yesterday for two days: signs now with a timestamp, checked three weeks on. */
let shortLived: TestIdentity;
let backdated: Buffer;
const now = new Date();
const threeWeeksOn = new Date(now.getTime() + 21 * DAY);
/** The intermediate's CRLs three weeks on, issued after `shortLived` expired. */
const laterCrl: { plain?: Buffer; keepsExpired?: Buffer } = {};

beforeAll(async () => {
  [pki, pdf] = await Promise.all([createTestPki(), makeTestPdf()]);
  lapsed = await pki.issueSigner('lapsed', 'Trần Văn Cũ', new Date('2019-01-01T00:00:00Z'), new Date('2021-01-01T00:00:00Z'));
  shortLived = await pki.issueSigner('short', 'Lê Thị Ngắn Hạn', new Date(now.getTime() - DAY), new Date(now.getTime() + 2 * DAY));
  const dates = { thisUpdate: new Date(now.getTime() + 10 * DAY), nextUpdate: new Date(now.getTime() + 60 * DAY) };
  laterCrl.plain = await pki.intermediateCrl(dates);
  laterCrl.keepsExpired = await pki.intermediateCrl({ ...dates, expiredCertsOnCrl: new Date('2019-01-01T00:00:00Z') });
  backdated = await signClaimingTime(pdf, lapsed, { claimed: in2020 });
});
afterAll(() => pki?.cleanup());

const today = (extra: Partial<VerifyOptions> = {}): VerifyOptions => ({ trustAnchors: [pki.root], crls: pki.crls, ...extra });
/** Three weeks on: the root's CRL still current, the intermediate's one of those issued then. */
const later = (crl: Buffer, extra: Partial<VerifyOptions> = {}): VerifyOptions => ({ trustAnchors: [pki.root], crls: [pki.crls[0], crl], now: threeWeeksOn, ...extra });

describe('[Q-4.1] [Q-6.1d] an expired certificate and a back-dated signing time', () => {
  it('[Q-6.1d] /M and CMS signing-time in 2020, certificate expired 2021, checked now: INDETERMINATE / OUT_OF_BOUNDS_NO_POE, said in words', async () => {
    const result = await verifyPdf(backdated, today());
    expect([result.indication, result.subIndication], result.message).toEqual(['INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE']);
    const [signature] = result.signatures;
    expect(signature.signingTimeSource).toBe('signing-time-attribute');
    expect(signature.proofOfExistence).toBeUndefined();
    expect(signature.message).toContain('Chứng thư số đã hết hạn từ 2021-01-01T07:00:00+07:00. Thời điểm ký ghi trong tệp (2020-06-01T10:00:00+07:00) do người ký tự ghi');
    expect(signature.message).toContain('Hãy đề nghị nơi gửi cung cấp bản có dấu thời gian');
  });

  it('[Q-6.1d] the same with the claim in /M only (no signing-time attribute)', async () => {
    const result = await verifyPdf(await signPdf(pdf, keySigner(lapsed), { signingTime: in2020 }), today());
    expect([result.indication, result.subIndication, result.signatures[0].signingTimeSource]).toEqual(['INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE', 'pdf-m']);
  });

  it.runIf(tools.pdfsig && tools.nss)('[Q-6.1d] pdfsig, an independent verifier, agrees that the certificate has expired', async () => {
    const file = join(pki.dir, 'backdated.pdf');
    await writeFile(file, backdated);
    const [signature] = await pdfsig(file, await nssTrusting(join(pki.dir, 'nss-expiry'), pki.rootFile));
    expect(signature.validation).toBe('Signature is Valid.');
    expect(signature.certificate).toMatch(/Expired/i);
  });

  it('[Q-4.1] VănThư checked these same bytes VALID in 2020, while the certificate was valid: VALID, and the proof is named', async () => {
    const result = await verifyPdf(backdated, today({ earlierValidChecks: [new Date('2020-07-01T00:00:00Z')] }));
    expect(result.indication, result.message).toBe('VALID');
    const [signature] = result.signatures;
    expect(signature.proofOfExistence).toEqual({ time: new Date('2020-07-01T00:00:00Z'), source: 'earlier-check' });
    expect(signature.warnings.join(' ')).toContain('VănThư đã kiểm tra đúng bản tệp này lúc 2020-07-01T07:00:00+07:00 với kết quả hợp lệ');
  });

  it('[Q-4.1] a check made only after the certificate expired proves nothing', async () => {
    const result = await verifyPdf(backdated, today({ earlierValidChecks: [new Date('2021-06-01T00:00:00Z')] }));
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE']);
  });
});

describe('[Q-4.1] [Q-6.1d] an RFC 3161 timestamp made by openssl ts as proof of existence', () => {
  let stamped: Buffer;
  let unstamped: Buffer;
  beforeAll(async () => {
    stamped = await signClaimingTime(pdf, shortLived, { claimed: now, timestamp: (value) => opensslTimestamp(pki, value) });
    unstamped = await signClaimingTime(pdf, shortLived, { claimed: now });
  });

  it('[Q-6.1d] timestamped while the certificate was valid, checked after it expired: VALID', async () => {
    const result = await verifyPdf(stamped, later(laterCrl.keepsExpired!));
    expect(result.indication, result.message).toBe('VALID');
    const [signature] = result.signatures;
    expect(signature.proofOfExistence).toMatchObject({ source: 'signature-timestamp', by: 'VănThư Test TSA' });
    expect(Math.abs(signature.proofOfExistence!.time.getTime() - now.getTime())).toBeLessThan(5 * 60_000);
    expect(signature.revocation).toBe('good');
    expect(signature.warnings.join(' ')).toContain('dấu thời gian trong chữ ký do VănThư Test TSA cấp lúc');
  });

  it('[Q-6.1d] without the timestamp, the same signature then: INDETERMINATE / OUT_OF_BOUNDS_NO_POE', async () => {
    const result = await verifyPdf(unstamped, later(laterCrl.keepsExpired!));
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE']);
  });

  it('[Q-6.1d] a CRL issued after the certificate expired, without ExpiredCertsOnCRL, proves nothing by leaving it out: TRY_LATER', async () => {
    const result = await verifyPdf(stamped, later(laterCrl.plain!));
    expect([result.indication, result.subIndication, result.signatures[0].revocation]).toEqual(['INDETERMINATE', 'TRY_LATER', 'unknown']);
  });

  it('[Q-6.1d] a timestamp over other bytes is no proof, and is said to be refused', async () => {
    const wrong = await signClaimingTime(pdf, shortLived, { claimed: now, timestamp: () => opensslTimestamp(pki, Buffer.from('something else')) });
    const result = await verifyPdf(wrong, later(laterCrl.keepsExpired!));
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE']);
    expect(result.signatures[0].warnings.join(' ')).toContain('message imprint khác');
  });

  it('[Q-6.1d] a timestamp from a TSA outside the trust list is no proof', async () => {
    const result = await verifyPdf(stamped, later(laterCrl.keepsExpired!, { trustAnchors: [pki.root, pki.untrustedRoot] }));
    expect(result.indication).toBe('VALID');
    // Trusting only the untrusted root leaves both the signer and the TSA unchained.
    const alone = await verifyPdf(stamped, later(laterCrl.keepsExpired!, { trustAnchors: [pki.untrustedRoot] }));
    expect(alone.signatures[0].proofOfExistence).toBeUndefined();
  });

  it('[Q-6.1d] a document timestamp (/ETSI.RFC3161) over the signed file proves the signature existed: both VALID', async () => {
    const withDocTimestamp = await addDocumentTimestamp(unstamped, pki);
    const result = await verifyPdf(withDocTimestamp, later(laterCrl.keepsExpired!));
    expect(result.indication, result.message).toBe('VALID');
    const [signature, stamp] = result.signatures;
    expect(signature.proofOfExistence).toMatchObject({ source: 'document-timestamp', by: 'VănThư Test TSA' });
    expect(signature.changesAfter).toEqual(['signature']);
    expect(stamp).toMatchObject({ subFilter: 'ETSI.RFC3161', indication: 'VALID', documentTimestamp: { tsa: 'VănThư Test TSA' } });
    expect(stamp.message).toMatch(/^Dấu thời gian tài liệu hợp lệ, do VănThư Test TSA cấp lúc /);
  });
});

describe('[Q-6.1d] revocation after the proof of existence', () => {
  it('revoked after VănThư had found the signature valid: VALID, with the revocation said; revoked before: REVOKED_NO_POE', async () => {
    const signed = await signClaimingTime(pdf, pki.revoked, { claimed: new Date(now.getTime() - 3 * 3_600_000) });
    const before = await verifyPdf(signed, today({ earlierValidChecks: [new Date(now.getTime() - 2 * 3_600_000)] }));
    expect([before.indication, before.signatures[0].revocation], before.message).toEqual(['VALID', 'revoked']);
    expect(before.signatures[0].warnings.join(' ')).toMatch(/Chứng thư số đã bị thu hồi từ .* sau khi chữ ký đã tồn tại \(VănThư đã kiểm tra/);
    const after = await verifyPdf(signed, today({ earlierValidChecks: [new Date(now.getTime() + 60_000)] }));
    expect([after.indication, after.subIndication]).toEqual(['INDETERMINATE', 'REVOKED_NO_POE']);
  });
});
