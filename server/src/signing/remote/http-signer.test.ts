/**
 * The HTTP adapter against the mock provider, without a database: the protocol, its failures,
 * and a remote account used as a KeySigner behind signPdf like the other back ends.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from '../pades/sign.js';
import { verifyPdf } from '../pades/verify.js';
import { sha256 } from '../signer.js';
import { startMockProvider, type MockProvider } from '../testing/mock-remote-provider.js';
import { makeTestPdf } from '../testing/test-pdf.js';
import { createTestPki, type TestPki } from '../testing/test-pki.js';
import { RemoteSigningError } from './errors.js';
import { HttpRemoteSigner } from './http-signer.js';
import { remoteKeySigner } from './key-signer.js';

let pki: TestPki;
let mock: MockProvider;
let pdf: Buffer;
beforeAll(async () => {
  [pki, pdf] = await Promise.all([createTestPki(), makeTestPdf()]);
  mock = await startMockProvider({ accounts: { rsa: { keyPem: pki.rsa.keyPem, chain: pki.rsa.chain }, ecdsa: { keyPem: pki.ecdsa.keyPem, chain: pki.ecdsa.chain } }, confirmAfterPolls: 1 });
});
afterAll(async () => {
  await mock?.close();
  await pki?.cleanup();
});

const client = (over: { url?: string; clientSecret?: string } = {}) => new HttpRemoteSigner({ url: mock.url, clientId: mock.clientId, clientSecret: mock.clientSecret, ...over });
const reasonOf = (promise: Promise<unknown>) => promise.then(() => 'resolved', (err) => (err instanceof RemoteSigningError ? err.reason : String(err)));
const item = (data: Buffer) => ({ toBeSigned: data, digest: sha256(data), algorithm: 'ECDSA' as const });

describe('remote signing over HTTP (mock provider)', () => {
  it.each(['rsa', 'ecdsa'] as const)('[Q-5.4] a %s account signs a PDF through signPdf: VALID', async (account) => {
    const who = pki[account];
    const signer = remoteKeySigner({ signer: client(), account, chain: who.chain, algorithm: account === 'rsa' ? 'RSA' : 'ECDSA', description: 'Kiểm thử', pollIntervalMs: 5, timeoutMs: 5000 });
    const signed = await signPdf(pdf, signer, { signingTime: new Date(), reason: 'Ký qua dịch vụ ký số từ xa' });
    const result = await verifyPdf(signed, { trustAnchors: [pki.root], crls: pki.crls });
    expect(result.indication, result.message).toBe('VALID');
  });

  it('[Q-5.4] status: pending until the person confirms, then one value per item in order', async () => {
    const remote = client();
    const data = [Buffer.from('một'), Buffer.from('hai')];
    const tx = await remote.submit({ account: 'ecdsa', certificate: pki.ecdsa.certificate, description: 'Hai tệp', items: data.map(item) });
    expect(tx.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(await remote.status(tx.transactionId)).toEqual({ state: 'pending' });
    const done = await remote.status(tx.transactionId);
    expect(done.state === 'signed' && done.signatures.length).toBe(2);
  });

  it('[Q-5.4] a provider that is down, wrong client credentials, a certificate not of the account: stable reasons', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const submission = { account: 'ecdsa', certificate: pki.ecdsa.certificate, description: 'x', items: [item(Buffer.from('a'))] };
    expect(await reasonOf(client({ url: `http://127.0.0.1:${port}` }).submit(submission))).toBe('REMOTE_UNREACHABLE');
    expect(await reasonOf(client({ clientSecret: 'sai' }).submit(submission))).toBe('REMOTE_CREDENTIALS');
    expect(await reasonOf(client().submit({ ...submission, certificate: pki.rsa.certificate }))).toBe('REMOTE_REFUSED');
    expect(await reasonOf(client().status('khong-co'))).toBe('REMOTE_REFUSED');
  });
});
