/**
 * An independent verifier agrees (issue 4, "Proof"): poppler's pdfsig, with an NSS database
 * that trusts only the test root, accepts every signature VănThư makes and rejects tampered
 * files; qpdf finds no damage; OpenSSL's CMS verifier, which also checks ESS
 * signing-certificate-v2, accepts the CMS; and signatures pdfsig makes are accepted here.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadP12Signer } from '../backends/p12.js';
import { makeTestPdf, noisePng } from '../testing/test-pdf.js';
import { createTestPki, P12_PASSWORD, type TestPki } from '../testing/test-pki.js';
import { hasTool, nssImportKey, nssTrusting, pdfsig, qpdfCheck } from '../testing/tools.js';
import { contentsOf, lastSlot, signedParts } from './byte-range.js';
import { signPdf } from './sign.js';
import { verifyPdf } from './verify.js';

const run = promisify(execFile);
const tools = { pdfsig: hasTool('pdfsig'), qpdf: hasTool('qpdf'), nss: hasTool('certutil') && hasTool('pk12util') };

let pki: TestPki;
let nss: string;
const files: Record<string, string> = {};
const signingTime = new Date(Date.now() - 60_000);

beforeAll(async () => {
  pki = await createTestPki();
  if (tools.nss) nss = await nssTrusting(pki.dir, pki.rootFile);
  const pdf = await makeTestPdf({ pages: 2 });
  const rsa = loadP12Signer(pki.p12.rsa, P12_PASSWORD);
  const ecdsa = loadP12Signer(pki.p12.ecdsaLegacy, P12_PASSWORD);
  const rsaOnce = await signPdf(pdf, rsa, { signingTime, reason: 'Ban hành' });
  const twice = await signPdf(rsaOnce, ecdsa, {
    signingTime,
    appearance: { page: 1, rect: { x: 330, y: 80, width: 200, height: 70 }, image: noisePng(3000), lines: ['Ký bởi: Nguyễn Văn Ánh', 'Sở Nội vụ tỉnh Thái Nguyên'] },
  });
  const tampered = Buffer.from(twice);
  tampered[tampered.indexOf('/MediaBox') + 1] = 'm'.charCodeAt(0);
  const outputs = { pdf, rsaOnce, ecdsaOnce: await signPdf(pdf, ecdsa, { signingTime }), twice, tampered };
  for (const [name, bytes] of Object.entries(outputs)) {
    files[name] = join(pki.dir, `${name}.pdf`);
    await writeFile(files[name], bytes);
  }
});
afterAll(() => pki?.cleanup());

describe.runIf(tools.pdfsig)('[Q-8.1] pdfsig, an independent verifier, agrees', () => {
  it.each(['rsaOnce', 'ecdsaOnce', 'twice'])('%s: every signature is valid and covers its revision', async (name) => {
    const signatures = await pdfsig(files[name]);
    expect(signatures.length).toBe(name === 'twice' ? 2 : 1);
    for (const s of signatures) expect([s.validation, s.type]).toEqual(['Signature is Valid.', 'ETSI.CAdES.detached']);
    expect(signatures.map((s) => s.totalDocument)).toEqual(name === 'twice' ? [false, true] : [true]);
  });

  it.runIf(tools.nss)('with the test root as its only trust anchor: "Certificate is Trusted." for RSA and ECDSA', async () => {
    const signatures = await pdfsig(files.twice, nss);
    expect(signatures.map((s) => [s.validation, s.certificate])).toEqual([
      ['Signature is Valid.', 'Certificate is Trusted.'],
      ['Signature is Valid.', 'Certificate is Trusted.'],
    ]);
  });

  it('a flipped byte: pdfsig and VănThư both say not valid', async () => {
    const signatures = await pdfsig(files.tampered);
    expect(signatures).toHaveLength(2);
    for (const s of signatures) expect(s.valid, s.validation).toBe(false);
    const ours = await verifyPdf(await readFile(files.tampered), { trustAnchors: [pki.root], crls: pki.crls });
    expect(ours.indication).toBe('INVALID');
  });
});

describe.runIf(tools.qpdf)('qpdf --check', () => {
  it.each(['rsaOnce', 'ecdsaOnce', 'twice'])('%s: no damage found', async (name) => {
    const { ok, output } = await qpdfCheck(files[name]);
    expect(ok, output).toBe(true);
    expect(output).toContain('No syntax or stream encoding errors found');
  });
});

describe('OpenSSL CMS verifier', () => {
  it('accepts the CMS of each signature, ESS signing-certificate-v2 included', async () => {
    const signed = await readFile(files.twice);
    const slot = lastSlot(signed)!;
    const cmsFile = join(pki.dir, 'signature.der');
    const contentFile = join(pki.dir, 'signed-content.bin');
    await writeFile(cmsFile, trimDer(contentsOf(signed, slot)));
    await writeFile(contentFile, Buffer.concat(signedParts(signed, slot.byteRange)));
    const { stderr } = await run('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', cmsFile, '-content', contentFile, '-CAfile', pki.rootFile, '-purpose', 'any', '-out', '/dev/null']);
    expect(stderr).toContain('Verification successful');
  });
});

describe.runIf(tools.pdfsig && tools.nss)('[Q-6.1d] a signature made by pdfsig is verified here', () => {
  // poppler 22.12 signs adbe.pkcs7.detached only: "-etsi is not supported yet with -add-signature".
  it('pdfsig signs after VănThư: both signatures valid, the first sees a later signature only', async () => {
    const nick = await nssImportKey(nss, pki.p12.rsa, P12_PASSWORD);
    const out = join(pki.dir, 'by-pdfsig.pdf');
    await run('pdfsig', ['-nssdir', nss, '-add-signature', '-nick', nick, '-reason', 'Ký bằng pdfsig', files.rsaOnce, out]);
    const result = await verifyPdf(await readFile(out), { trustAnchors: [pki.root], crls: pki.crls });
    expect(result.indication, result.message).toBe('VALID');
    expect(result.signatures.map((s) => [s.subFilter, s.reason, s.signer?.commonName, s.changesAfter])).toEqual([
      ['ETSI.CAdES.detached', 'Ban hành', 'Nguyễn Văn Ánh', ['signature']],
      ['adbe.pkcs7.detached', 'Ký bằng pdfsig', 'Nguyễn Văn Ánh', []],
    ]);
    expect((await pdfsig(out, nss)).map((s) => s.valid)).toEqual([true, true]);
  });
});

/** The hex string is zero-padded after the DER; OpenSSL wants the DER alone. */
function trimDer(padded: Buffer): Buffer {
  const lengthByte = padded[1];
  if (lengthByte < 0x80) return padded.subarray(0, 2 + lengthByte);
  const count = lengthByte & 0x7f;
  const length = padded.subarray(2, 2 + count).reduce((n, b) => n * 256 + b, 0);
  return padded.subarray(0, 2 + count + length);
}
