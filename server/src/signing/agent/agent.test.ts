/**
 * The signing agent end to end, as a separate process the way a person runs it: the server
 * prepares the PDF, the agent signs the request with a key the server never sees, the server
 * completes and verifies the signature.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePdf, preparePdf } from '../pades/sign.js';
import { verifyPdf } from '../pades/verify.js';
import { provesPossession } from '../devices/possession.js';
import { createSoftHsmToken, softHsmModule, TOKEN_LABEL, TOKEN_PIN, type SoftHsmToken } from '../testing/softhsm.js';
import { makeTestPdf } from '../testing/test-pdf.js';
import { createTestPki, P12_PASSWORD, type TestIdentity, type TestPki } from '../testing/test-pki.js';
import { hasTool, pdfsig } from '../testing/tools.js';
import { sha256 } from '../signer.js';
import { challengeText } from './registration.js';

const CLI = join(dirname(fileURLToPath(import.meta.url)), 'cli.ts');
const module = softHsmModule();
const hasPdfsig = hasTool('pdfsig');

let pki: TestPki;
let pdf: Buffer;
let token: SoftHsmToken | undefined;
beforeAll(async () => {
  [pki, pdf] = await Promise.all([createTestPki(), makeTestPdf()]);
  if (module) token = await createSoftHsmToken(module, pki);
});
afterAll(async () => {
  await token?.cleanup();
  await pki?.cleanup();
});

interface AgentRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `tsx cli.ts …` with only the given environment variables added, and `stdin` piped in. */
function agent(args: string[], options: { env?: Record<string, string>; stdin?: string } = {}): Promise<AgentRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { ...process.env, ...options.env }, cwd: dirname(CLI) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

const signingTime = new Date(Date.now() - 60_000);

/** The server's first phase: it knows the person's registered certificate, never their key. */
async function prepareFor(who: TestIdentity, reason = 'Ký bằng công cụ ký của cá nhân') {
  const prepared = await preparePdf(pdf, who.chain, { signingTime, reason });
  const request = JSON.stringify({ toBeSigned: prepared.toBeSigned.toString('base64'), algorithm: who === pki.rsa ? 'RSA' : 'ECDSA' });
  return { ...prepared, request };
}

/** The server's second phase, then the verdicts of VănThư and of pdfsig. */
async function completeAndVerify(prepared: Awaited<ReturnType<typeof prepareFor>>, answer: string, who: TestIdentity) {
  const { signature, certificateChain } = JSON.parse(answer) as { signature: string; certificateChain: string[] };
  const chain = certificateChain.map((der) => Buffer.from(der, 'base64'));
  expect(chain[0].equals(who.certificate)).toBe(true);
  const signed = completePdf(prepared.prepared, Buffer.from(signature, 'base64'), chain, prepared.toBeSigned);
  const result = await verifyPdf(signed, { trustAnchors: [pki.root], crls: pki.crls });
  expect(result.indication, result.message).toBe('VALID');
  if (hasPdfsig) {
    const file = join(pki.dir, `agent-${Math.random().toString(36).slice(2)}.pdf`);
    await writeFile(file, signed);
    expect((await pdfsig(file)).map((s) => s.validation)).toEqual(['Signature is Valid.']);
  }
}

describe('signing agent CLI', () => {
  it('[Q-5.4] signs with a local PKCS#12 file (request and answer in files, password from the environment): VALID', async () => {
    const prepared = await prepareFor(pki.rsa);
    const [p12, request, output] = ['rsa.p12', 'request.json', 'answer.json'].map((name) => join(pki.dir, name));
    await writeFile(p12, pki.p12.rsa);
    await writeFile(request, prepared.request);
    const run = await agent(['--p12', p12, '--request', request, '--output', output], { env: { VANTHU_P12_PASSWORD: P12_PASSWORD } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(prepared.digest.toString('hex'));
    await completeAndVerify(prepared, await readFile(output, 'utf8'), pki.rsa);
  });

  it('[Q-5.4] signs with ECDSA, password and request both on stdin: VALID', async () => {
    const prepared = await prepareFor(pki.ecdsa);
    const p12 = join(pki.dir, 'ecdsa.p12');
    await writeFile(p12, pki.p12.ecdsaLegacy);
    const run = await agent(['--p12', p12, '--secret-stdin'], { stdin: `${P12_PASSWORD}\n${prepared.request}` });
    expect(run.code, run.stderr).toBe(0);
    await completeAndVerify(prepared, run.stdout, pki.ecdsa);
  });

  it.runIf(module)('[Q-5.4] [Q-5.1] signs with a PKCS#11 token (SoftHSM2), the issuer from --chain: VALID', async () => {
    const prepared = await prepareFor(pki.ecdsa);
    const args = ['--pkcs11-module', module!, '--token-label', TOKEN_LABEL, '--key-id', token!.ecdsaId, '--chain', pki.ecdsa.chainFile];
    const run = await agent(args, { stdin: prepared.request, env: { ...token!.address.env, VANTHU_PKCS11_PIN: TOKEN_PIN } });
    expect(run.code, run.stderr).toBe(0);
    await completeAndVerify(prepared, run.stdout, pki.ecdsa);
  });

  it('[Q-5.4] the server refuses the signature when the prepared bytes were changed meanwhile', async () => {
    const prepared = await prepareFor(pki.rsa);
    const p12 = join(pki.dir, 'rsa.p12');
    await writeFile(p12, pki.p12.rsa);
    const run = await agent(['--p12', p12], { stdin: prepared.request, env: { VANTHU_P12_PASSWORD: P12_PASSWORD } });
    expect(run.code, run.stderr).toBe(0);
    const { signature, certificateChain } = JSON.parse(run.stdout) as { signature: string; certificateChain: string[] };
    const chain = certificateChain.map((der) => Buffer.from(der, 'base64'));
    const tampered = Buffer.from(prepared.prepared);
    tampered[tampered.indexOf('/MediaBox') + 1] = 'm'.charCodeAt(0);
    const value = Buffer.from(signature, 'base64');
    expect(() => completePdf(tampered, value, chain, prepared.toBeSigned)).toThrow(expect.objectContaining({ reason: 'PREPARED_CHANGED' }));
    expect(() => completePdf(tampered, value, chain)).toThrow(expect.objectContaining({ reason: 'SIGNATURE_MISMATCH' }));
  });

  it('[Q-8.2c] [Q-5.4] signs a batch (a document and its appendices) in one run: one answer per item, in order, all VALID', async () => {
    const items = await Promise.all(['Văn bản chính', 'Phụ lục I', 'Phụ lục II'].map((reason) => prepareFor(pki.rsa, reason)));
    const p12 = join(pki.dir, 'rsa.p12');
    await writeFile(p12, pki.p12.rsa);
    const request = JSON.stringify({ items: items.map((item) => JSON.parse(item.request)) });
    const run = await agent(['--p12', p12], { stdin: request, env: { VANTHU_P12_PASSWORD: P12_PASSWORD } });
    expect(run.code, run.stderr).toBe(0);
    for (const [i, item] of items.entries()) expect(run.stderr).toContain(`${i + 1}. ${item.digest.toString('hex')}`);
    const { signatures, certificateChain } = JSON.parse(run.stdout) as { signatures: string[]; certificateChain: string[] };
    expect(signatures).toHaveLength(3);
    for (const [i, item] of items.entries()) await completeAndVerify(item, JSON.stringify({ signature: signatures[i], certificateChain }), pki.rsa);
    // Each value belongs to its own item: swapped, the server refuses them.
    const chain = certificateChain.map((der) => Buffer.from(der, 'base64'));
    expect(() => completePdf(items[0].prepared, Buffer.from(signatures[1], 'base64'), chain, items[0].toBeSigned)).toThrow(expect.objectContaining({ reason: 'SIGNATURE_MISMATCH' }));
  });

  it('[Q-8.2c] refuses a whole batch, signing nothing, when one item is not CMS signed attributes', async () => {
    const p12 = join(pki.dir, 'rsa.p12');
    await writeFile(p12, pki.p12.rsa);
    const good = JSON.parse((await prepareFor(pki.rsa)).request);
    const bad = { toBeSigned: Buffer.from('chuyển 1 tỷ đồng').toString('base64'), algorithm: 'RSA' };
    const run = await agent(['--p12', p12], { stdin: JSON.stringify({ items: [good, bad] }), env: { VANTHU_P12_PASSWORD: P12_PASSWORD } });
    expect([run.code, run.stdout, run.stderr]).toEqual([1, '', expect.stringContaining('Mục 2: Dữ liệu cần ký không phải thuộc tính ký CMS')]);
    const empty = await agent(['--p12', p12], { stdin: JSON.stringify({ items: [] }), env: { VANTHU_P12_PASSWORD: P12_PASSWORD } });
    expect([empty.code, empty.stderr]).toEqual([1, expect.stringContaining('"items" phải là danh sách')]);
  });

  it('refuses, in Vietnamese, what it must not sign and keys it cannot open', async () => {
    const p12 = join(pki.dir, 'rsa.p12');
    await writeFile(p12, pki.p12.rsa);
    const env = { VANTHU_P12_PASSWORD: P12_PASSWORD };
    const { request } = await prepareFor(pki.rsa);

    const arbitrary = await agent(['--p12', p12], { stdin: JSON.stringify({ toBeSigned: Buffer.from('chuyển 1 tỷ đồng').toString('base64'), algorithm: 'RSA' }), env });
    expect([arbitrary.code, arbitrary.stderr]).toEqual([1, expect.stringContaining('không phải thuộc tính ký CMS')]);

    const wrongPassword = await agent(['--p12', p12], { stdin: request, env: { VANTHU_P12_PASSWORD: 'sai' } });
    expect([wrongPassword.code, wrongPassword.stderr]).toEqual([1, expect.stringContaining('sai mật khẩu')]);

    const wrongKey = await agent(['--p12', p12], { stdin: request.replace('"RSA"', '"ECDSA"'), env });
    expect([wrongKey.code, wrongKey.stderr]).toEqual([1, expect.stringContaining('khoá đã chọn là RSA')]);

    const noKey = await agent([], { stdin: request });
    expect([noKey.code, noKey.stderr]).toEqual([2, expect.stringContaining('Cần đúng một nguồn khoá')]);

    const noSecret = await agent(['--p12', p12], { stdin: request });
    expect([noSecret.code, noSecret.stderr]).toEqual([2, expect.stringContaining('VANTHU_P12_PASSWORD')]);
  });
});

describe('signing agent CLI: registration challenge (proof of possession)', () => {
  /** What POST /api/signing/certificates/challenges answers, for `who`'s certificate. */
  const challengeFor = (who: TestIdentity, deviceId: string | null = null) => {
    const challengeId = crypto.randomUUID();
    const text = challengeText({ challengeId, username: 'giamdoc.snv', userId: crypto.randomUUID(), agencyId: crypto.randomUUID(), deviceId, fingerprint: sha256(who.certificate).toString('hex'), nonce: 'bm9uY2U', expiresAt: new Date(Date.now() + 600_000) });
    return { json: JSON.stringify({ challengeId, challenge: text, algorithm: who === pki.rsa ? 'RSA' : 'ECDSA' }), challengeId, text };
  };
  const proves = (who: TestIdentity, text: string, answer: string) => {
    const { signature } = JSON.parse(answer) as { signature: string };
    return provesPossession(who.certificate, Buffer.from(text, 'utf8'), Buffer.from(signature, 'base64'));
  };

  it('[Q-5.1] `register` answers a challenge with a PKCS#12 file (RSA, files) and (ECDSA, stdin): the value proves the key', async () => {
    const rsa = challengeFor(pki.rsa);
    const [p12, request, output] = ['rsa.p12', 'challenge.json', 'proof.json'].map((name) => join(pki.dir, name));
    await writeFile(p12, pki.p12.rsa);
    await writeFile(request, rsa.json);
    const run = await agent(['register', '--p12', p12, '--request', request, '--output', output], { env: { VANTHU_P12_PASSWORD: P12_PASSWORD } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(sha256(pki.rsa.certificate).toString('hex'));
    const answer = await readFile(output, 'utf8');
    expect(JSON.parse(answer).challengeId).toBe(rsa.challengeId);
    expect(proves(pki.rsa, rsa.text, answer)).toBe(true);
    expect(proves(pki.ecdsa, rsa.text, answer)).toBe(false);

    const ecdsa = challengeFor(pki.ecdsa);
    const ecdsaP12 = join(pki.dir, 'ecdsa.p12');
    await writeFile(ecdsaP12, pki.p12.ecdsaLegacy);
    const viaStdin = await agent(['register', '--p12', ecdsaP12, '--secret-stdin'], { stdin: `${P12_PASSWORD}\n${ecdsa.json}` });
    expect(viaStdin.code, viaStdin.stderr).toBe(0);
    expect(proves(pki.ecdsa, ecdsa.text, viaStdin.stdout)).toBe(true);
  });

  it.runIf(module)('[Q-5.1] `register` answers for the agency certificate on a PKCS#11 token (SoftHSM2)', async () => {
    const challenge = challengeFor(pki.ecdsa, crypto.randomUUID());
    const args = ['register', '--pkcs11-module', module!, '--token-label', TOKEN_LABEL, '--key-id', token!.ecdsaId, '--chain', pki.ecdsa.chainFile];
    const run = await agent(args, { stdin: challenge.json, env: { ...token!.address.env, VANTHU_PKCS11_PIN: TOKEN_PIN } });
    expect(run.code, run.stderr).toBe(0);
    expect(proves(pki.ecdsa, challenge.text, run.stdout)).toBe(true);
  });

  it('[Q-5.1] refuses a challenge for another certificate, anything that is not a challenge, and a challenge in the signing mode', async () => {
    const p12 = join(pki.dir, 'rsa.p12');
    await writeFile(p12, pki.p12.rsa);
    const env = { VANTHU_P12_PASSWORD: P12_PASSWORD };
    const other = await agent(['register', '--p12', p12], { stdin: challengeFor(pki.ecdsa).json, env });
    expect([other.code, other.stdout, other.stderr]).toEqual([1, '', expect.stringContaining('chứng thư số khác với chứng thư của khoá đã chọn')]);
    // Document signed attributes offered as a "challenge": never signed as a registration proof.
    const document = await agent(['register', '--p12', p12], { stdin: (await prepareFor(pki.rsa)).request, env });
    expect([document.code, document.stderr]).toEqual([1, expect.stringContaining('Thiếu "challenge"')]);
    const text = await agent(['register', '--p12', p12], { stdin: 'chuyển 1 tỷ đồng', env });
    expect([text.code, text.stderr]).toEqual([1, expect.stringContaining('không phải thử thách đăng ký')]);
    const tampered = challengeFor(pki.rsa);
    const mismatch = await agent(['register', '--p12', p12], { stdin: JSON.stringify({ ...JSON.parse(tampered.json), challengeId: crypto.randomUUID() }), env });
    expect([mismatch.code, mismatch.stderr]).toEqual([1, expect.stringContaining('không đúng định dạng')]);
    // And the signing mode never signs a challenge: it is not CMS signed attributes.
    const signing = await agent(['--p12', p12], { stdin: JSON.stringify({ toBeSigned: Buffer.from(tampered.text).toString('base64'), algorithm: 'RSA' }), env });
    expect([signing.code, signing.stderr]).toEqual([1, expect.stringContaining('không phải thuộc tính ký CMS')]);
    const unknown = await agent(['dangky', '--p12', p12], { stdin: tampered.json, env });
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('Chỉ có lệnh "register"')]);
  });
});
