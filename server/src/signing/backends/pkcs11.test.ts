/**
 * The PKCS#11 back end against a real PKCS#11 library: SoftHSM2, with the test PKI's keys
 * imported. Skipped with a warning when softhsm2/opensc are missing, failed under CI=true.
 */
import { verify, X509Certificate } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from '../pades/sign.js';
import { verifyPdf } from '../pades/verify.js';
import { createSoftHsmToken, softHsmModule, TOKEN_PIN, type SoftHsmToken } from '../testing/softhsm.js';
import { makeTestPdf } from '../testing/test-pdf.js';
import { createTestPki, type TestPki } from '../testing/test-pki.js';
import { hasTool, pdfsig } from '../testing/tools.js';
import { openPkcs11Signer, type Pkcs11Config } from './pkcs11.js';

const module = softHsmModule();
const hasPdfsig = hasTool('pdfsig');

let pki: TestPki;
let token: SoftHsmToken;
let pdf: Buffer;
beforeAll(async () => {
  if (!module) return;
  [pki, pdf] = await Promise.all([createTestPki(), makeTestPdf()]);
  token = await createSoftHsmToken(module, pki);
});
afterAll(async () => {
  await token?.cleanup();
  await pki?.cleanup();
});

const config = (changes: Partial<Pkcs11Config> = {}): Pkcs11Config => ({ ...token.address, keyId: token.rsaId, extraChain: [pki.rsa.chain[1]], ...changes });

describe.runIf(module)('PKCS#11 back end on SoftHSM2', () => {
  it.each(['RSA', 'ECDSA'] as const)('[Q-5.1] signs a PDF with the %s key on the token: VALID here and in pdfsig', async (algorithm) => {
    const who = algorithm === 'RSA' ? pki.rsa : pki.ecdsa;
    const signer = await openPkcs11Signer(config({ keyId: algorithm === 'RSA' ? token.rsaId : token.ecdsaId, extraChain: [who.chain[1]] }));
    expect(signer.algorithm).toBe(algorithm);
    const signed = await signPdf(pdf, signer, { signingTime: new Date(), reason: 'Ký bằng thiết bị' });
    const result = await verifyPdf(signed, { trustAnchors: [pki.root], crls: pki.crls });
    expect(result.indication, result.message).toBe('VALID');
    if (hasPdfsig) {
      const file = join(pki.dir, `pkcs11-${algorithm}.pdf`);
      await writeFile(file, signed);
      expect((await pdfsig(file)).map((s) => s.validation)).toEqual(['Signature is Valid.']);
    }
  });

  it.each([
    ['RSA-PKCS', '01'],
    ['SHA256-RSA-PKCS', '01'],
    ['ECDSA', '02'],
  ] as const)('with mechanism %s the certificate verifies the signature', async (mechanism, keyId) => {
    const signer = await openPkcs11Signer(config({ keyId, mechanism }));
    const data = Buffer.from('thuộc tính đã ký');
    const [certificate] = await signer.certificateChain();
    expect(verify('sha256', data, { key: new X509Certificate(certificate).publicKey, dsaEncoding: 'der' }, await signer.sign(data))).toBe(true);
  });

  it('says clearly when the PIN is wrong or missing', async () => {
    await expect(openPkcs11Signer(config({ pin: '000000' }))).rejects.toThrow('Sai mã PIN của thiết bị ký số.');
    await expect(openPkcs11Signer(config({ pin: '' }))).rejects.toThrow('Chưa nhập mã PIN');
  });

  it('says clearly when the key, the token, the module or the tool is missing', async () => {
    await expect(openPkcs11Signer(config({ keyId: '7f' }))).rejects.toThrow('Không tìm thấy khoá bí mật hoặc chứng thư số');
    await expect(openPkcs11Signer(config({ tokenLabel: 'Khong co' }))).rejects.toThrow('Không tìm thấy thiết bị ký số "Khong co"');
    await expect(openPkcs11Signer(config({ module: '/khong/co/libpkcs11.so' }))).rejects.toThrow('Không nạp được thư viện PKCS#11');
    await expect(openPkcs11Signer(config({ tool: '/khong/co/pkcs11-tool' }))).rejects.toThrow('Chưa cài công cụ pkcs11-tool');
    await expect(openPkcs11Signer(config({ keyId: 'xyz' }))).rejects.toThrow('không hợp lệ');
    await expect(openPkcs11Signer(config({ keyId: token.ecdsaId, mechanism: 'SHA256-RSA-PKCS' }))).rejects.toThrow('không dùng được');
  });

  it('never puts the PIN on the command line, where `ps` shows it to every user', async () => {
    // A stand-in for pkcs11-tool that records its arguments, then runs the real one.
    const log = join(pki.dir, 'argv.log');
    const wrapper = join(pki.dir, 'pkcs11-tool-wrapper.sh');
    await writeFile(wrapper, `#!/bin/sh\nprintf '%s\\n' "$@" >> '${log}'\nexec pkcs11-tool "$@"\n`);
    await chmod(wrapper, 0o755);
    const signer = await openPkcs11Signer(config({ tool: wrapper }));
    await signer.sign(Buffer.from('x'));
    const argv = await readFile(log, 'utf8');
    expect(argv).toContain('--sign');
    expect(argv).not.toContain(TOKEN_PIN);
  });
});
