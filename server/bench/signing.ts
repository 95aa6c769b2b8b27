/**
 * Signing and verification times for a 1 MB, 10-page PDF per key back end (issue 4 aims: under
 * 20 ms to sign with PKCS#12, under 10 ms to verify). Printed, never asserted. Back ends: PKCS#12;
 * PKCS#11 on a SoftHSM2 token (skipped when SoftHSM2/OpenSC are missing); the remote signing
 * service against the mock provider over local HTTP, confirming at the first poll, so the figure
 * is the round trip without the person's delay. Runs alone:
 *   npx tsx server/bench/signing.ts
 */
import { pathToFileURL } from 'node:url';
import { loadP12Signer, pdfVerifier, signPdf, type KeySigner } from '../src/signing/index.js';
import { openPkcs11Signer } from '../src/signing/backends/pkcs11.js';
import { HttpRemoteSigner } from '../src/signing/remote/http-signer.js';
import { remoteKeySigner } from '../src/signing/remote/key-signer.js';
import { startMockProvider } from '../src/signing/testing/mock-remote-provider.js';
import { createSoftHsmToken, softHsmModule, type SoftHsmToken } from '../src/signing/testing/softhsm.js';
import { makeTestPdf } from '../src/signing/testing/test-pdf.js';
import { createTestPki, P12_PASSWORD } from '../src/signing/testing/test-pki.js';

const RUNS = 30;
const WARM_UP = 5;

async function timings(fn: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < WARM_UP; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(RUNS / 2)], p95: ms[Math.ceil(RUNS * 0.95) - 1] };
}

export async function benchSigning(): Promise<string[]> {
  const pki = await createTestPki();
  const module = softHsmModule();
  let token: SoftHsmToken | undefined;
  const mock = await startMockProvider({ accounts: { rsa: { keyPem: pki.rsa.keyPem, chain: pki.rsa.chain }, ecdsa: { keyPem: pki.ecdsa.keyPem, chain: pki.ecdsa.chain } }, confirmAfterPolls: 0 });
  try {
    const pdf = await makeTestPdf({ pages: 10, imageKilobytesPerPage: 95 });
    // As a service would: the trust list and CRLs parsed once, then many files checked.
    const verifyPdf = pdfVerifier({ trustAnchors: [pki.root], crls: pki.crls });
    const signingTime = new Date();
    const lines = [`PDF: ${(pdf.length / 1024 / 1024).toFixed(2)} MB, 10 pages; ${RUNS} runs after ${WARM_UP} warm-up runs`];
    const row = (what: string, t: { median: number; p95: number }) =>
      lines.push(`${what.padEnd(52)} median ${t.median.toFixed(1).padStart(6)} ms   p95 ${t.p95.toFixed(1).padStart(6)} ms`);
    const signAndVerify = async (name: string, signer: KeySigner, twice: boolean) => {
      row(`${name}: sign (invisible)`, await timings(() => signPdf(pdf, signer, { signingTime })));
      const signed = await signPdf(pdf, signer, { signingTime });
      const check = await verifyPdf(signed);
      if (check.indication !== 'VALID') throw new Error(`${name}: ${check.message}`);
      row(`${name}: verify 1 signature`, await timings(() => verifyPdf(signed)));
      if (!twice) return;
      const second = await signPdf(signed, signer, { signingTime });
      row(`${name}: verify 2 signatures (incl. change analysis)`, await timings(() => verifyPdf(second)));
    };

    await signAndVerify('PKCS#12 RSA-2048', loadP12Signer(pki.p12.rsa, P12_PASSWORD), true);
    await signAndVerify('PKCS#12 ECDSA P-256', loadP12Signer(pki.p12.ecdsa, P12_PASSWORD), true);
    if (module) {
      token = await createSoftHsmToken(module, pki);
      const onToken = (keyId: string, issuer: Buffer) => openPkcs11Signer({ ...token!.address, keyId, extraChain: [issuer] });
      await signAndVerify('PKCS#11 SoftHSM2 RSA-2048', await onToken(token.rsaId, pki.rsa.chain[1]), false);
      await signAndVerify('PKCS#11 SoftHSM2 ECDSA P-256', await onToken(token.ecdsaId, pki.ecdsa.chain[1]), false);
    } else {
      lines.push('PKCS#11 (SoftHSM2): skipped, softhsm2-util / pkcs11-tool / libsofthsm2.so not installed');
    }
    const remote = new HttpRemoteSigner({ url: mock.url, clientId: mock.clientId, clientSecret: mock.clientSecret });
    for (const [account, algorithm] of [['rsa', 'RSA'], ['ecdsa', 'ECDSA']] as const) {
      const signer = remoteKeySigner({ signer: remote, account, chain: pki[account].chain, algorithm, description: 'bench', pollIntervalMs: 0, timeoutMs: 10_000 });
      await signAndVerify(`remote (mock over HTTP) ${algorithm === 'RSA' ? 'RSA-2048' : 'ECDSA P-256'}`, signer, false);
    }
    return lines;
  } finally {
    await mock.close();
    await token?.cleanup();
    await pki.cleanup();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`\nVănThư signing bench — Node ${process.version}, ${new Date().toISOString()}\n`);
  for (const line of await benchSigning()) console.log(line);
}
