import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRevocationConfig } from '../../config/env.js';
import { signPdf } from '../pades/sign.js';
import { verifyPdf } from '../pades/verify.js';
import { freePort, startCrlServer, startOcspResponder, type CrlServer } from '../testing/openssl-ocsp.js';
import { makeTestPdf } from '../testing/test-pdf.js';
import { createTestPki, keySigner, type TestIdentity, type TestPki } from '../testing/test-pki.js';
import { createRevocationChecker, type RevocationOptions } from './checker.js';
import { httpFetch, type RevocationFetch } from './http-fetch.js';

let pki: TestPki;
let crlServer: CrlServer;
let ocspPort: number;
let ocspUrl: string;
let crlUrl: string;
let good: Buffer;
let revokedLater: Buffer;
let revokedEarlier: Buffer;
/** Before the test PKI exists, hence before `revoked` was revoked. */
const beforeRevocation = new Date(Date.now() - 60_000);

beforeAll(async () => {
  crlServer = await startCrlServer();
  ocspPort = await freePort();
  ocspUrl = `http://127.0.0.1:${ocspPort}`;
  crlUrl = `http://127.0.0.1:${crlServer.port}/sub-ca.crl`;
  const pdf = await makeTestPdf();
  pki = await createTestPki({ revocationUrls: { ocsp: ocspUrl, crl: crlUrl } });
  good = await signPdf(pdf, keySigner(pki.rsa), { signingTime: new Date() });
  revokedLater = await signPdf(pdf, keySigner(pki.revoked), { signingTime: beforeRevocation });
  revokedEarlier = await signPdf(pdf, keySigner(pki.revoked), { signingTime: new Date(Date.now() + 1000) });
});
afterAll(async () => {
  await crlServer?.stop();
  await pki?.cleanup();
});

/** Real HTTP, with every request written down. */
function counted(): { fetch: RevocationFetch; requests: string[] } {
  const requests: string[] = [];
  return { requests, fetch: (req) => (requests.push(`${req.body ? 'POST' : 'GET'} ${req.url}`), httpFetch(req)) };
}

/** The root's CRL is imported (it covers the intermediate); the signer's status must come online. */
function verify(pdf: Buffer, options: RevocationOptions) {
  return verifyPdf(pdf, { trustAnchors: [pki.root], crls: [pki.crls[0]], revocation: createRevocationChecker(options) });
}

async function withResponder<T>(signer: Pick<TestIdentity, 'certFile' | 'keyFile'>, run: () => Promise<T>, nextUpdateMinutes = 10): Promise<T> {
  const responder = await startOcspResponder({ port: ocspPort, indexFile: pki.intermediate.indexFile, caFile: pki.intermediate.certFile, signerCertFile: signer.certFile, signerKeyFile: signer.keyFile, nextUpdateMinutes });
  try {
    return await run();
  } finally {
    await responder.stop();
  }
}

describe('revocation checked online: OCSP, then the CRL distribution point', () => {
  it('[Q-4.1] a certificate the CA\'s delegated OCSP responder reports good: VALID, decided by OCSP', async () => {
    const { fetch, requests } = counted();
    const result = await withResponder(pki.ocspResponder!, () => verify(good, { fetch }));
    expect(result.indication, result.message).toBe('VALID');
    expect(result.signatures[0].revocationChecks?.[0]).toEqual({ commonName: 'Nguyễn Văn Ánh', status: 'good', source: 'ocsp', url: ocspUrl });
    expect(requests).toEqual([`POST ${ocspUrl}`]);
  });

  it('[Q-4.1] an answer signed by the issuing CA itself is accepted too', async () => {
    const result = await withResponder(pki.intermediate, () => verify(good, {}));
    expect([result.indication, result.signatures[0].revocation]).toEqual(['VALID', 'good']);
  });

  it('[Q-6.1d] revoked, per OCSP, before the signing time the signature claims: INVALID, REVOKED', async () => {
    const [earlier, later] = await withResponder(pki.ocspResponder!, () => Promise.all([verify(revokedEarlier, {}), verify(revokedLater, {})]));
    expect([earlier.indication, earlier.subIndication, earlier.signatures[0].revocation]).toEqual(['INVALID', 'REVOKED', 'revoked']);
    expect(earlier.signatures[0].message).toMatch(/đã bị thu hồi từ .*\(lý do: lộ khoá bí mật\), trước thời điểm ký/);
    // Revoked after the claimed time: nothing proves the signature existed before, so not decidable.
    expect([later.indication, later.subIndication]).toEqual(['INDETERMINATE', 'REVOKED_NO_POE']);
  });

  it('[Q-4.1] an OCSP answer is kept until its nextUpdate: the second verification asks no one', async () => {
    const { fetch, requests } = counted();
    const checker = createRevocationChecker({ fetch });
    const again = () => verifyPdf(good, { trustAnchors: [pki.root], crls: [pki.crls[0]], revocation: checker });
    const [first, second] = await withResponder(pki.ocspResponder!, async () => [await again(), await again()]);
    expect([first.indication, second.indication]).toEqual(['VALID', 'VALID']);
    expect(second.signatures[0].revocationChecks?.[0].source).toBe('ocsp');
    expect(requests).toHaveLength(1);
  });

  it('[Q-4.1] an answer without nextUpdate counts only while fresh and is not kept', async () => {
    const { fetch, requests } = counted();
    const checker = createRevocationChecker({ fetch });
    const again = () => verifyPdf(good, { trustAnchors: [pki.root], crls: [pki.crls[0]], revocation: checker });
    const results = await withResponder(pki.ocspResponder!, async () => [await again(), await again()], 0);
    expect(results.map((r) => r.indication)).toEqual(['VALID', 'VALID']);
    expect(requests).toHaveLength(2);
  });

  it('[Q-6.1d] an OCSP answer past its nextUpdate at the validation time says nothing', async () => {
    const inAnHour = new Date(Date.now() + 3_600_000);
    const result = await withResponder(pki.ocspResponder!, () => verifyPdf(good, { trustAnchors: [pki.root], crls: [pki.crls[0]], now: inAnHour, revocation: createRevocationChecker() }));
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'TRY_LATER']);
    expect(result.signatures[0].warnings[0]).toBe(`Không dùng câu trả lời của máy chủ OCSP ${ocspUrl}: câu trả lời OCSP không còn hiệu lực tại thời điểm kiểm tra.`);
  });

  it('[Q-6.1d] a forged OCSP answer is refused: signed by an unrelated key, or by a certificate not delegated for OCSP', async () => {
    for (const forger of [pki.untrusted, pki.ecdsa]) {
      const result = await withResponder(forger, () => verify(good, {}));
      expect([result.indication, result.subIndication, result.signatures[0].revocation]).toEqual(['INDETERMINATE', 'TRY_LATER', 'unknown']);
      expect(result.signatures[0].warnings).toContain(`Không dùng câu trả lời của máy chủ OCSP ${ocspUrl}: câu trả lời OCSP không được ký bởi tổ chức cấp chứng thư hoặc máy chủ OCSP do tổ chức đó ủy quyền.`);
    }
  });

  it('[Q-6.1d] responder down, CRL distribution point reachable: the downloaded CRL decides, and is kept', async () => {
    crlServer.files.set('/sub-ca.crl', pki.crls[1]);
    const { fetch, requests } = counted();
    const checker = createRevocationChecker({ fetch });
    const check = (pdf: Buffer) => verifyPdf(pdf, { trustAnchors: [pki.root], crls: [pki.crls[0]], revocation: checker });
    const result = await check(good);
    expect(result.indication, result.message).toBe('VALID');
    expect(result.signatures[0].revocationChecks?.[0]).toMatchObject({ status: 'good', source: 'crl', url: crlUrl });
    expect(result.signatures[0].warnings).toContain(`Không truy cập được máy chủ OCSP ${ocspUrl}: không kết nối được.`);
    const revoked = await check(revokedEarlier);
    expect([revoked.indication, revoked.subIndication]).toEqual(['INVALID', 'REVOKED']);
    expect(requests).toEqual([`POST ${ocspUrl}`, `GET ${crlUrl}`]);
  });

  it('[Q-6.1d] nothing reachable: INDETERMINATE with warnings naming both addresses, never VALID', async () => {
    crlServer.files.clear();
    const result = await verify(good, {});
    expect([result.indication, result.subIndication, result.signatures[0].revocation]).toEqual(['INDETERMINATE', 'TRY_LATER', 'unknown']);
    expect(result.signatures[0].warnings).toEqual([`Không truy cập được máy chủ OCSP ${ocspUrl}: không kết nối được.`, `Không truy cập được địa chỉ CRL ${crlUrl}: máy chủ trả lời HTTP 404.`]);
  });

  it('[Q-6.1d] a responder that never answers costs at most the verification\'s time budget', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(ocspPort, '127.0.0.1', resolve));
    try {
      const started = Date.now();
      const result = await verify(good, { timeoutMs: 3000, budgetMs: 400 });
      expect(Date.now() - started).toBeLessThan(1500);
      expect(result.indication).toBe('INDETERMINATE');
      expect(result.signatures[0].warnings).toEqual([`Không truy cập được máy chủ OCSP ${ocspUrl}: quá thời gian chờ.`, `Chưa hỏi địa chỉ CRL ${crlUrl}: đã hết thời gian dành cho việc kiểm tra thu hồi.`]);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('[Q-6.1d] offline switch (VANTHU_REVOCATION_ONLINE=0): no request, status unknown, and said why', async () => {
    expect(loadRevocationConfig({ VANTHU_REVOCATION_ONLINE: '0' })).toEqual({ online: false, timeoutMs: 3000, budgetMs: 5000 });
    const { fetch, requests } = counted();
    const result = await withResponder(pki.ocspResponder!, () => verify(good, { ...loadRevocationConfig({ VANTHU_REVOCATION_ONLINE: '0' }), fetch }));
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'TRY_LATER']);
    expect(result.signatures[0].warnings.join(' ')).toContain('VANTHU_REVOCATION_ONLINE=0');
    expect(requests).toEqual([]);
  });
});

describe('addresses only a trusted CA wrote are asked', () => {
  it('[Q-4.1] a certificate issued by one that is no CA: its OCSP address is never fetched (it could point into the server’s own network)', async () => {
    const { execFile } = await import('node:child_process');
    const { mkdtemp, readFile, rm, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const run = (args: string[], cwd: string) => new Promise<void>((ok, fail) => execFile('openssl', args, { cwd }, (e) => (e ? fail(e) : ok())));
    const dir = await mkdtemp(join(tmpdir(), 'vanthu-not-ca-'));
    try {
      // A leaf of the trusted intermediate without keyUsage (so nothing stops it issuing), then its "child".
      const ext = join(dir, 'ext.cnf');
      await writeFile(ext, `[leaf]\nbasicConstraints=CA:FALSE\n[child]\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nauthorityInfoAccess=OCSP;URI:${ocspUrl}/noi-bo\n`);
      const make = async (name: string, caCert: string, caKey: string, section: string) => {
        await run(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`], dir);
        await run(['x509', '-req', '-in', `${name}.csr`, '-CA', caCert, '-CAkey', caKey, '-CAcreateserial', '-days', '30', '-extfile', ext, '-extensions', section, '-out', `${name}.pem`], dir);
      };
      await make('leaf', pki.intermediate.certFile, pki.intermediate.keyFile, 'leaf');
      await make('child', join(dir, 'leaf.pem'), join(dir, 'leaf.key'), 'child');
      const der = async (f: string) => Buffer.from((await readFile(join(dir, f), 'utf8')).replace(/-----[^-]+-----|\s/g, ''), 'base64');
      const identity = { ...pki.rsa, keyPem: await readFile(join(dir, 'child.key'), 'utf8'), chain: [await der('child.pem'), await der('leaf.pem'), pki.rsa.chain[1]] };
      const signed = await signPdf(await makeTestPdf(), keySigner(identity), { signingTime: new Date() });

      const { fetch, requests } = counted();
      const result = await verify(signed, { fetch });
      expect(requests).toEqual([]);
      expect(result.signatures[0].revocation).toBe('not-checked');
      expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('[Q-6.1d] an OCSP "good" or a CRL given after the certificate expired proves nothing (RFC 6960 archive cutoff, RFC 5280)', async () => {
    crlServer.files.set('/sub-ca.crl', pki.crls[1]);
    const signed = await signPdf(await makeTestPdf(), keySigner(pki.expired), { signingTime: new Date('2020-06-01T00:00:00Z') });
    const checked = new Date('2020-07-01T00:00:00Z');
    const result = await withResponder(pki.ocspResponder!, () =>
      verifyPdf(signed, { trustAnchors: [pki.root], crls: [pki.crls[0]], revocation: createRevocationChecker(), earlierValidChecks: [checked] }),
    );
    const [signature] = result.signatures;
    // openssl's responder says "good" today; without an archive cutoff that says nothing of 2020.
    expect(signature.revocation).toBe('unknown');
    expect(signature.warnings.join(' ')).toContain('không có archive cutoff');
    expect(signature.warnings.join(' ')).toContain('phát hành sau khi chứng thư hết hạn');
    // VănThư's own check in 2020 saw it unrevoked: the signature stands.
    expect(result.indication, result.message).toBe('VALID');
    const unproven = await withResponder(pki.ocspResponder!, () => verifyPdf(signed, { trustAnchors: [pki.root], crls: [pki.crls[0]], revocation: createRevocationChecker() }));
    expect([unproven.indication, unproven.subIndication]).toEqual(['INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE']);
  });
});
