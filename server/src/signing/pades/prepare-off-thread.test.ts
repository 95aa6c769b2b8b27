import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { longestStall, manyPagesPdf, STALL_LIMIT_MS } from '../../../test/harness/load.js';
import { createTestPki, type TestPki } from '../testing/test-pki.js';
import { preparePdfOffThread } from './prepare-off-thread.js';
import { completePdf } from './sign.js';
import { sign } from 'node:crypto';

describe('preparing a PDF for signing off the event loop (issue 11, item 10)', () => {
  let pki: TestPki;
  let big: Buffer;
  beforeAll(async () => {
    [pki, big] = await Promise.all([createTestPki(), manyPagesPdf(2000)]);
    await preparePdfOffThread(await manyPagesPdf(1), pki.ecdsa.chain, { signingTime: new Date() }); // a warm worker
  });
  afterAll(() => pki?.cleanup());

  it('[Q-8.1] a 2,000-page PDF is prepared without stalling the event loop for 100 ms, and the result signs', async () => {
    const { value, stall } = await longestStall(preparePdfOffThread(big, pki.ecdsa.chain, { signingTime: new Date(), reason: 'Thử tải nặng' }));
    expect(stall).toBeLessThan(STALL_LIMIT_MS);
    expect(Buffer.isBuffer(value.prepared) && Buffer.isBuffer(value.toBeSigned)).toBe(true);
    expect(value.digest).toHaveLength(32);
    const signed = completePdf(value.prepared, sign('sha256', value.toBeSigned, { key: pki.ecdsa.keyPem, dsaEncoding: 'der' }), pki.ecdsa.chain, value.toBeSigned);
    expect(signed.length).toBeGreaterThan(big.length);
  });

  it('a refusal made in the worker reaches the caller with its stable code', async () => {
    const err = (await preparePdfOffThread(Buffer.from('%PDF-1.7 rác'), pki.ecdsa.chain, { signingTime: new Date() }).catch((e: unknown) => e)) as { code: string; status: number };
    expect(err.status).toBeGreaterThanOrEqual(400);
    expect(err.status).toBeLessThan(500);
  });
});
