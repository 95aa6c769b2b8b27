/**
 * Signing and verification times for a 1 MB, 10-page PDF with the PKCS#12 back end (issue 4 aims:
 * under 20 ms to sign, under 10 ms to verify). Printed, never asserted. Runs alone:
 *   npx tsx server/bench/signing.ts
 */
import { pathToFileURL } from 'node:url';
import { loadP12Signer, pdfVerifier, signPdf, type KeySigner } from '../src/signing/index.js';
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
  try {
    const pdf = await makeTestPdf({ pages: 10, imageKilobytesPerPage: 95 });
    // As a service would: the trust list and CRLs parsed once, then many files checked.
    const verifyPdf = pdfVerifier({ trustAnchors: [pki.root], crls: pki.crls });
    const signingTime = new Date();
    const lines = [`PDF: ${(pdf.length / 1024 / 1024).toFixed(2)} MB, 10 pages; ${RUNS} runs after ${WARM_UP} warm-up runs`];
    const row = (what: string, t: { median: number; p95: number }) =>
      lines.push(`${what.padEnd(52)} median ${t.median.toFixed(1).padStart(6)} ms   p95 ${t.p95.toFixed(1).padStart(6)} ms`);

    const backEnds: [string, KeySigner][] = [
      ['PKCS#12 RSA-2048', loadP12Signer(pki.p12.rsa, P12_PASSWORD)],
      ['PKCS#12 ECDSA P-256', loadP12Signer(pki.p12.ecdsa, P12_PASSWORD)],
    ];
    for (const [name, signer] of backEnds) {
      row(`${name}: sign (invisible)`, await timings(() => signPdf(pdf, signer, { signingTime })));
      const signed = await signPdf(pdf, signer, { signingTime });
      const check = await verifyPdf(signed);
      if (check.indication !== 'VALID') throw new Error(check.message);
      row(`${name}: verify 1 signature`, await timings(() => verifyPdf(signed)));
      const twice = await signPdf(signed, signer, { signingTime });
      row(`${name}: verify 2 signatures (incl. change analysis)`, await timings(() => verifyPdf(twice)));
    }
    return lines;
  } finally {
    await pki.cleanup();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`\nVănThư signing bench — Node ${process.version}, ${new Date().toISOString()}\n`);
  for (const line of await benchSigning()) console.log(line);
}
