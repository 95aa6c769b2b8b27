/**
 * Every key back end honours the KeySigner contract (style.md §6.11): its chain starts with the
 * certificate of its key, and what it signs verifies under that certificate and makes a PDF
 * signature VănThư accepts. PKCS#12 files and PKCS#11 tokens (SoftHSM2) run it; the remote signer joins later.
 */
import { verify, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadP12Signer } from './backends/p12.js';
import { openPkcs11Signer } from './backends/pkcs11.js';
import { signPdf } from './pades/sign.js';
import { verifyPdf } from './pades/verify.js';
import type { KeySigner } from './signer.js';
import { makeTestPdf } from './testing/test-pdf.js';
import { createTestPki, P12_PASSWORD, type TestPki } from './testing/test-pki.js';
import { createSoftHsmToken, softHsmModule, type SoftHsmToken } from './testing/softhsm.js';

let pki: TestPki;
let pdf: Buffer;
beforeAll(async () => {
  [pki, pdf] = await Promise.all([createTestPki(), makeTestPdf()]);
});
afterAll(() => pki?.cleanup());

// PKCS#11 signers are opened once here: opening reads the certificate from the token, which is async.
const softHsm = softHsmModule();
let token: SoftHsmToken | undefined;
const tokenSigners: Partial<Record<'RSA' | 'ECDSA', KeySigner>> = {};
beforeAll(async () => {
  if (!softHsm) return;
  token = await createSoftHsmToken(softHsm, pki);
  tokenSigners.RSA = await openPkcs11Signer({ ...token.address, keyId: token.rsaId, extraChain: [pki.rsa.chain[1]] });
  tokenSigners.ECDSA = await openPkcs11Signer({ ...token.address, keyId: token.ecdsaId, extraChain: [pki.ecdsa.chain[1]] });
});
afterAll(() => token?.cleanup());

const backEnds: [string, () => KeySigner, 'RSA' | 'ECDSA'][] = [
  ['PKCS#12, RSA, OpenSSL 3 default (AES-256/PBKDF2)', () => loadP12Signer(pki.p12.rsa, P12_PASSWORD), 'RSA'],
  ['PKCS#12, RSA, -legacy (3DES)', () => loadP12Signer(pki.p12.rsaLegacy, P12_PASSWORD), 'RSA'],
  ['PKCS#12, ECDSA P-256, OpenSSL 3 default', () => loadP12Signer(pki.p12.ecdsa, P12_PASSWORD), 'ECDSA'],
  ['PKCS#12, ECDSA P-256, -legacy', () => loadP12Signer(pki.p12.ecdsaLegacy, P12_PASSWORD), 'ECDSA'],
  ...(softHsm
    ? [
        ['PKCS#11 (SoftHSM2 via pkcs11-tool), RSA', () => tokenSigners.RSA!, 'RSA'] as [string, () => KeySigner, 'RSA'],
        ['PKCS#11 (SoftHSM2 via pkcs11-tool), ECDSA P-256', () => tokenSigners.ECDSA!, 'ECDSA'] as [string, () => KeySigner, 'ECDSA'],
      ]
    : []),
];

describe.each(backEnds)('KeySigner contract: %s', (_, open, algorithm) => {
  it('gives its certificate first, then the issuer, and names its algorithm', async () => {
    const signer = open();
    const chain = await signer.certificateChain();
    const own = algorithm === 'RSA' ? pki.rsa : pki.ecdsa;
    expect(signer.algorithm).toBe(algorithm);
    expect(chain[0].equals(own.certificate)).toBe(true);
    expect(chain[1].equals(own.chain[1])).toBe(true);
  });

  it('signs data so that the certificate verifies it, the same way twice', async () => {
    const signer = open();
    const [certificate] = await signer.certificateChain();
    const data = Buffer.from('thuộc tính đã ký', 'utf8');
    for (let i = 0; i < 2; i++) {
      const signature = await signer.sign(data);
      expect(verify('sha256', data, { key: new X509Certificate(certificate).publicKey, dsaEncoding: 'der' }, signature)).toBe(true);
    }
  });

  it('[Q-8.1] makes a PDF signature that verifies as VALID', async () => {
    const signed = await signPdf(pdf, open(), { signingTime: new Date(), reason: 'Kiểm thử hợp đồng' });
    const result = await verifyPdf(signed, { trustAnchors: [pki.root], crls: pki.crls });
    expect(result.indication, result.message).toBe('VALID');
  });
});
