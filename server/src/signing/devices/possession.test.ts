/**
 * Registering a certificate needs proof of possession of its key (issue 11 item 9): a one-time
 * challenge signed by the signing agent (the real CLI, a PKCS#12 file) or by the remote signing
 * service (the mock provider over HTTP), checked with the certificate's key; a registration in
 * another agency neither blocks nor shows.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/harness/app.js';
import { describeEngines } from '../../../test/harness/engines.js';
import { buildApp } from '../../app.js';
import { HttpRemoteSigner } from '../remote/http-signer.js';
import { sha256 } from '../signer.js';
import type { SigningTables } from '../tables.js';
import { startMockProvider, type MockProvider } from '../testing/mock-remote-provider.js';
import { registerCertificate } from '../testing/register-certificate.js';
import { createTestPki, keySigner, P12_PASSWORD, type TestIdentity, type TestPki } from '../testing/test-pki.js';
import { CHALLENGE_MINUTES, provesPossession } from './possession.js';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '../agent/cli.ts');

/** The agent as its holder runs it: `cli.ts register --p12 … --request challenge.json`, password in the environment. */
function agentRegister(p12: string, request: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'register', '--p12', p12, '--request', request], { env: { ...process.env, VANTHU_P12_PASSWORD: P12_PASSWORD }, cwd: dirname(CLI) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describeEngines('[Q-5.1] certificate registration with proof of possession', (db) => {
  let t: TestApp;
  let pki: TestPki;
  let dir: string;
  let mock: MockProvider;
  let remoteApp: FastifyInstance;
  let base: string;
  const s: Record<string, Session> = {};

  const challenge = async (session: Session, who: TestIdentity, deviceId?: string) => call(t.app, session, 'POST', '/api/signing/certificates/challenges', { certificate: who.certificate.toString('base64'), ...(deviceId ? { deviceId } : {}) });
  const answer = (session: Session, body: unknown) => call(t.app, session, 'POST', '/api/signing/certificates', body);
  /** The value the key of `who` makes over a challenge's exact text. */
  const sign = async (who: TestIdentity, text: string) => (await keySigner(who).sign(Buffer.from(text, 'utf8'))).toString('base64');
  /** The person's own certificates (the agency's devices' are listed to everyone of it). */
  const mine = async (session: Session) =>
    ((await call(t.app, session, 'GET', '/api/signing/certificates')).json() as Array<{ id: string; serialNumber: string; remoteAccount: string | null; deviceId: string | null }>).filter((c) => c.deviceId === null);
  const http = async (session: Session, method: 'GET' | 'POST', path: string, body?: unknown) => {
    const headers: Record<string, string> = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, json: await res.json() };
  };
  const q = () => db().db.withTables<SigningTables>();

  beforeAll(async () => {
    [t, pki, dir] = await Promise.all([startTestApp(db()), createTestPki(), mkdtemp(join(tmpdir(), 'vanthu-pop-'))]);
    for (const u of ['giamdoc.snv', 'vanthu.snv', 'chuyenvien.snv', 'chuyenvien2.snv', 'phogiamdoc.snv', 'truongphong.snv', 'vanthu.ubnd', 'chutich.ubnd']) s[u] = await login(t.app, u);
    // The remote signing service holds keys for two accounts; a second app on the same database talks to it.
    mock = await startMockProvider({ accounts: { 'rsa@ca-thu': { keyPem: pki.rsa.keyPem, chain: pki.rsa.chain }, 'ecdsa@ca-thu': { keyPem: pki.ecdsa.keyPem, chain: pki.ecdsa.chain } }, confirmAfterPolls: 1 });
    const signer = new HttpRemoteSigner({ url: mock.url, clientId: mock.clientId, clientSecret: mock.clientSecret });
    remoteApp = await buildApp({ db: db().db, engine: db().engine, clock: t.clock, files: t.files, remoteSigning: { signer, name: 'Ký số từ xa thử nghiệm', pollIntervalMs: 20, timeoutMs: 2000 } });
    base = await remoteApp.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await remoteApp?.close();
    await mock?.close();
    await t?.close();
    await pki?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('[Q-5.1] the signing agent with a PKCS#12 file proves the key: a person (RSA), the agency on its device (ECDSA); the proof is kept', async () => {
    const personal = await challenge(s['giamdoc.snv'], pki.rsa);
    expect(personal.statusCode).toBe(201);
    expect(personal.json()).toMatchObject({ algorithm: 'RSA', certificate: { fingerprint: sha256(pki.rsa.certificate).toString('hex') } });
    expect(personal.json().challenge).toMatch(/^VANTHU-POP-1\n/);
    const [p12, request] = [join(dir, 'rsa.p12'), join(dir, 'challenge.json')];
    await writeFile(p12, pki.p12.rsa);
    await writeFile(request, personal.body);
    const run = await agentRegister(p12, request);
    expect(run.code, run.stderr).toBe(0);
    const registered = await answer(s['giamdoc.snv'], JSON.parse(run.stdout));
    expect(registered.statusCode, registered.body).toBe(201);
    expect((await mine(s['giamdoc.snv'])).map((c) => c.id)).toContain(registered.json().id);

    const device = (await call(t.app, s['vanthu.snv'], 'POST', '/api/signing/devices', { kind: 'token', label: 'Token cơ quan', serialNumber: 'POP-0001' })).json().id;
    const onDevice = await challenge(s['vanthu.snv'], pki.ecdsa, device);
    expect(onDevice.json()).toMatchObject({ algorithm: 'ECDSA' });
    const [ecdsaP12, ecdsaRequest] = [join(dir, 'ecdsa.p12'), join(dir, 'challenge-device.json')];
    await writeFile(ecdsaP12, pki.p12.ecdsa);
    await writeFile(ecdsaRequest, onDevice.body);
    const deviceRun = await agentRegister(ecdsaP12, ecdsaRequest);
    expect(deviceRun.code, deviceRun.stderr).toBe(0);
    const deviceCert = await answer(s['vanthu.snv'], JSON.parse(deviceRun.stdout));
    expect(deviceCert.statusCode, deviceCert.body).toBe(201);
    const devices = (await call(t.app, s['vanthu.snv'], 'GET', '/api/signing/devices')).json();
    expect(devices.find((d: { id: string }) => d.id === device).certificates.map((c: { id: string }) => c.id)).toEqual([deviceCert.json().id]);

    // The proof stays with the certificate: the exact bytes and a value that anyone can check again.
    const row = await q().selectFrom('signing_certificate').innerJoin('signing_registration_challenge as c', 'c.id', 'signing_certificate.proof_id').select(['c.challenge', 'c.signature', 'c.used_at', 'c.certificate']).where('signing_certificate.id', '=', registered.json().id).executeTakeFirstOrThrow();
    expect(row.used_at).not.toBeNull();
    expect(provesPossession(row.certificate, row.challenge, row.signature!)).toBe(true);
  });

  it('[Q-5.1] the remote signing service (mock provider over HTTP) proves the key: RSA and ECDSA; the account is kept with the certificate', async () => {
    for (const [user, who, account] of [['chuyenvien.snv', pki.rsa, 'rsa@ca-thu'], ['phogiamdoc.snv', pki.ecdsa, 'ecdsa@ca-thu']] as const) {
      const session = s[user];
      const issued = (await http(session, 'POST', '/api/signing/certificates/challenges', { certificate: who.certificate.toString('base64') })).json;
      const sent = await http(session, 'POST', `/api/signing/certificates/challenges/${issued.challengeId}/remote`, { account });
      expect(sent.status, JSON.stringify(sent.json)).toBe(202);
      // The provider was given the challenge's SHA-256 as the hash to sign.
      expect(mock.received.at(-1)).toMatchObject({ account, hashes: [Buffer.from(issued.digest, 'hex').toString('base64')] });
      let status = await http(session, 'GET', `/api/signing/certificates/challenges/${issued.challengeId}/remote`);
      for (let i = 0; status.json.state === 'pending' && i < 50; i++) status = await http(session, 'GET', `/api/signing/certificates/challenges/${issued.challengeId}/remote`);
      expect(status.json).toMatchObject({ state: 'signed', challengeId: issued.challengeId, signature: expect.any(String) });
      const registered = await http(session, 'POST', '/api/signing/certificates', { challengeId: status.json.challengeId, signature: status.json.signature });
      expect(registered.status, JSON.stringify(registered.json)).toBe(201);
      expect((await mine(session)).find((c) => c.id === registered.json.id)).toMatchObject({ remoteAccount: account });
    }
  });

  it('[Q-5.1] a value the provider made with another key is refused and never handed out', async () => {
    const session = s['chuyenvien2.snv'];
    const issued = (await http(session, 'POST', '/api/signing/certificates/challenges', { certificate: pki.ecdsa.certificate.toString('base64') })).json;
    mock.setOutcome('ecdsa@ca-thu', 'wrong-key');
    try {
      expect((await http(session, 'POST', `/api/signing/certificates/challenges/${issued.challengeId}/remote`, { account: 'ecdsa@ca-thu' })).status).toBe(202);
      let status = await http(session, 'GET', `/api/signing/certificates/challenges/${issued.challengeId}/remote`);
      for (let i = 0; status.status === 200 && status.json.state === 'pending' && i < 50; i++) status = await http(session, 'GET', `/api/signing/certificates/challenges/${issued.challengeId}/remote`);
      expect(status.status).toBe(422);
      expect(status.json).toMatchObject({ code: 'SIGNATURE_INVALID', details: { reason: 'REMOTE_SIGNATURE_MISMATCH' } });
      expect(status.json.signature).toBeUndefined();
    } finally {
      mock.setOutcome('ecdsa@ca-thu', 'confirm');
    }
    // Another person's challenge is not theirs to send or read.
    expect((await http(s['truongphong.snv'], 'POST', `/api/signing/certificates/challenges/${issued.challengeId}/remote`, { account: 'ecdsa@ca-thu' })).json.details).toEqual({ reason: 'CHALLENGE_UNKNOWN' });
    expect((await http(s['truongphong.snv'], 'GET', `/api/signing/certificates/challenges/${issued.challengeId}/remote`)).status).toBe(404);
  });

  it('[Q-5.1] refused, with a stable reason and a Vietnamese message, and nothing registered: no proof, another key, replayed, expired, another person’s challenge', async () => {
    const session = s['truongphong.snv'];
    const refused = (res: { statusCode: number; json(): any }, status: number, reason: string) => {
      expect(res.statusCode).toBe(status);
      expect(res.json().details).toEqual({ reason });
      expect(res.json().message).toMatch(/chứng thư|thử thách|khóa/i);
    };
    // The old request, a certificate alone: no proof.
    refused(await answer(session, { certificate: pki.ecdsa.certificate.toString('base64') }), 400, 'PROOF_MISSING');
    refused(await answer(session, {}), 400, 'PROOF_MISSING');

    const issued = (await challenge(session, pki.ecdsa)).json();
    refused(await answer(session, { challengeId: issued.challengeId, signature: await sign(pki.rsa, issued.challenge) }), 422, 'PROOF_INVALID');
    // The right key over other bytes (another challenge of the same certificate) proves nothing for this one.
    const other = (await challenge(session, pki.ecdsa)).json();
    refused(await answer(session, { challengeId: issued.challengeId, signature: await sign(pki.ecdsa, other.challenge) }), 422, 'PROOF_INVALID');
    // Another person of the same agency, or of another, holding a valid answer to it: as if it did not exist.
    const valid = { challengeId: issued.challengeId, signature: await sign(pki.ecdsa, issued.challenge) };
    refused(await answer(s['chuyenvien2.snv'], valid), 404, 'CHALLENGE_UNKNOWN');
    refused(await answer(s['chutich.ubnd'], valid), 404, 'CHALLENGE_UNKNOWN');
    expect(await mine(session)).toEqual([]);

    expect((await answer(session, valid)).statusCode).toBe(201);
    refused(await answer(session, valid), 409, 'CHALLENGE_USED');

    const late = (await challenge(session, pki.revoked)).json();
    const lateAnswer = { challengeId: late.challengeId, signature: await sign(pki.revoked, late.challenge) };
    const now = t.clock.now();
    try {
      t.clock.set(new Date(now.getTime() + (CHALLENGE_MINUTES * 60 + 1) * 1000));
      refused(await answer(session, lateAnswer), 409, 'CHALLENGE_EXPIRED');
    } finally {
      t.clock.set(now);
    }
    expect((await mine(session)).map((c) => c.serialNumber)).toEqual([pki.ecdsa.serialNumber]);
    // Registered once per person: asking again is answered about their own registration only.
    refused(await challenge(session, pki.ecdsa), 409, 'ALREADY_REGISTERED');
  });

  it('[Q-5.1] another agency learns nothing: a certificate registered elsewhere is answered like a fresh one, and its holder there registers it too', async () => {
    // pki.rsa is registered in Sở Nội vụ (here, and by the tests above); pki.untrusted nowhere.
    await registerCertificate(t.app, s['vanthu.snv'], pki.rsa);
    const known = await challenge(s['vanthu.ubnd'], pki.rsa);
    const fresh = await challenge(s['vanthu.ubnd'], pki.untrusted);
    expect([known.statusCode, fresh.statusCode]).toEqual([201, 201]);
    expect(Object.keys(known.json()).sort()).toEqual(Object.keys(fresh.json()).sort());
    expect(known.body).not.toMatch(/cơ quan khác|đã được đăng ký/);
    // Without the key the claim fails as any wrong key does; the holder with posts in both agencies succeeds.
    const refused = await answer(s['vanthu.ubnd'], { challengeId: known.json().challengeId, signature: await sign(pki.ecdsa, known.json().challenge) });
    expect(refused.json().details).toEqual({ reason: 'PROOF_INVALID' });
    const again = (await challenge(s['chutich.ubnd'], pki.rsa)).json();
    const holder = await answer(s['chutich.ubnd'], { challengeId: again.challengeId, signature: await sign(pki.rsa, again.challenge) });
    expect(holder.statusCode, holder.body).toBe(201);
    // Each agency sees only its own registrations.
    expect((await mine(s['chutich.ubnd'])).map((c) => c.id)).toEqual([holder.json().id]);
    expect((await mine(s['giamdoc.snv'])).map((c) => c.id)).not.toContain(holder.json().id);

    // A claim made before proofs were required (in UBND, without proof) blocks no one in Sở Nội vụ either.
    const claimed = await q().selectFrom('signing_certificate').selectAll().where('id', '=', holder.json().id).executeTakeFirstOrThrow();
    await q()
      .insertInto('signing_certificate')
      .values({ ...claimed, id: undefined, certificate: pki.noSigningUsage.certificate, fingerprint: sha256(pki.noSigningUsage.certificate).toString('hex'), proof_id: null, remote_account: null })
      .execute();
    expect((await registerCertificate(t.app, s['giamdoc.snv'], pki.noSigningUsage)).length).toBeGreaterThan(0);
  });

  it('[Q-5.1] a person cannot pile up challenges: at most 10 open at once', async () => {
    const session = s['phogiamdoc.snv'];
    const codes: number[] = [];
    for (let i = 0; i < 10; i++) codes.push((await challenge(session, pki.expired)).statusCode);
    expect(codes).toEqual(Array(10).fill(201));
    const last = await challenge(session, pki.expired);
    expect([last.statusCode, last.json().details]).toEqual([429, { reason: 'TOO_MANY_CHALLENGES' }]);
  });
});
