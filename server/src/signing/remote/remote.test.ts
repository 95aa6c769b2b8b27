/**
 * The remote signing service back end end to end: the director's signature on an outgoing
 * draft made by the mock provider over real HTTP, then completed through the usual route.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness/engines.js';
import { call } from '../../../test/harness/app.js';
import type { Db } from '../../infra/db/database.js';
import type { AuditTables } from '../../infra/audit/tables.js';
import { sha256 } from '../signer.js';
import { DIRECTOR_ACCOUNT, setupRemote, type RemoteFixture } from '../testing/remote-fixture.js';
import { throughSigning } from '../../outgoing/testkit.js';

const actions = async (db: Db, objectId: string) =>
  (await db.withTables<AuditTables>().selectFrom('audit_log').select('action').where('object_id', '=', objectId).orderBy('seq').execute()).map((r) => r.action);

describeEngines('remote signing service', (db) => {
  let r: RemoteFixture;
  beforeAll(async () => {
    r = await setupRemote(db());
  });
  afterAll(async () => {
    await r?.close();
  });

  it('[Q-5.4] the director signs an outgoing draft through the remote service; the usual complete route embeds it; VALID', async () => {
    const { s } = r.fx;
    const id = await r.approvedDraft();
    expect((await r.http(s.signer, 'GET', '/api/signing/remote')).json).toEqual({ enabled: true, name: 'Dịch vụ ký số từ xa thử nghiệm' });
    const prepared = await r.http(s.signer, 'POST', `/api/outgoing/${id}/sign/prepare`, { certificateId: r.fx.personalCert });
    expect(prepared.status).toBe(200);
    const { sessionId, request, digest } = prepared.json;

    const submitted = await r.http(s.signer, 'POST', `/api/signing/sessions/${sessionId}/remote`, { account: DIRECTOR_ACCOUNT, description: 'QĐ ủy quyền ký văn bản điện tử' });
    expect(submitted.status, JSON.stringify(submitted.json)).toBe(202);
    expect(submitted.json).toEqual({ transactionId: expect.any(String), expiresAt: expect.any(String) });
    // Only the hash of the signed attributes reached the provider, with the digest the person sees.
    const sent = r.mock.received.at(-1)!;
    expect(sent.hashes).toEqual([sha256(Buffer.from(request.toBeSigned, 'base64')).toString('base64')]);
    expect(sent.description).toContain(digest.slice(0, 8));
    expect(sent.description).toContain('QĐ ủy quyền');

    const outcome = await r.settle(s.signer, sessionId);
    expect(outcome.status).toBe(200);
    expect(outcome.json).toMatchObject({ state: 'signed', transactionId: submitted.json.transactionId, signature: expect.any(String) });
    expect(outcome.json.signatures).toBeUndefined();
    expect(outcome.json.certificateChain[0]).toBe(r.fx.pki.ecdsa.certificate.toString('base64'));

    const { signature, certificateChain } = outcome.json;
    const completed = await r.http(s.signer, 'POST', `/api/outgoing/${id}/sign/complete`, { sessionId, signature, certificateChain });
    expect(completed.status, JSON.stringify(completed.json)).toBe(200);
    const doc = (await r.http(s.signer, 'GET', `/api/outgoing/${id}`)).json;
    expect(doc.state).toBe('signed');
    const verdict = await r.http(s.signer, 'GET', `/api/signing/files/${doc.signedFileId}/verification`);
    expect(verdict.json.indication, verdict.json.message).toBe('VALID');
    expect(await actions(db().db, id)).toEqual(expect.arrayContaining(['signing.remote_submit', 'signing.remote_signed', 'signing.personal_sign']));
  });

  it('[Q-5.4] refused on the phone, expired at the provider, and no answer before the timeout: reported, audited', async () => {
    const { s } = r.fx;
    const id = await r.approvedDraft();
    const { sessionId } = (await r.http(s.signer, 'POST', `/api/outgoing/${id}/sign/prepare`, { certificateId: r.fx.personalCert })).json;
    const ask = () => r.http(s.signer, 'POST', `/api/signing/sessions/${sessionId}/remote`, { account: DIRECTOR_ACCOUNT });

    r.mock.setOutcome(DIRECTOR_ACCOUNT, 'reject');
    expect((await ask()).status).toBe(202);
    const rejected = (await r.settle(s.signer, sessionId)).json;
    expect(rejected).toMatchObject({ state: 'rejected', message: expect.stringContaining('từ chối') });
    expect(rejected.signature).toBeUndefined();

    r.mock.setOutcome(DIRECTOR_ACCOUNT, 'expire');
    expect((await ask()).status).toBe(202);
    expect((await r.settle(s.signer, sessionId)).json).toMatchObject({ state: 'expired', message: expect.stringContaining('hết hạn') });

    // The person never answers: the server stops waiting after its own timeout (1.5 s here).
    r.mock.setOutcome(DIRECTOR_ACCOUNT, 'hold');
    expect((await ask()).status).toBe(202);
    const twice = await ask();
    expect(twice.status).toBe(409);
    expect(twice.json.details.reason).toBe('REMOTE_PENDING');
    expect((await r.settle(s.signer, sessionId)).json.state).toBe('expired');

    expect(await actions(db().db, id)).toEqual(expect.arrayContaining(['signing.remote_rejected', 'signing.remote_expired']));
    expect((await r.http(s.signer, 'GET', `/api/outgoing/${id}`)).json.state).toBe('approved');
    r.mock.setOutcome(DIRECTOR_ACCOUNT, 'confirm');
  });

  it('[Q-5.4] a value made with another key is refused and never handed out; the document stays unsigned', async () => {
    const { s } = r.fx;
    const id = await r.approvedDraft();
    const { sessionId } = (await r.http(s.signer, 'POST', `/api/outgoing/${id}/sign/prepare`, { certificateId: r.fx.personalCert })).json;
    r.mock.setOutcome(DIRECTOR_ACCOUNT, 'wrong-key');
    expect((await r.http(s.signer, 'POST', `/api/signing/sessions/${sessionId}/remote`, { account: DIRECTOR_ACCOUNT })).status).toBe(202);
    const outcome = await r.settle(s.signer, sessionId);
    r.mock.setOutcome(DIRECTOR_ACCOUNT, 'confirm');
    expect(outcome.status).toBe(422);
    expect(outcome.json).toMatchObject({ code: 'SIGNATURE_INVALID', details: { reason: 'REMOTE_SIGNATURE_MISMATCH' } });
    expect(outcome.json.message).toContain('không khớp');
    expect(await actions(db().db, id)).toContain('signing.remote_mismatch');
    expect((await r.http(s.signer, 'GET', `/api/outgoing/${id}`)).json.state).toBe('approved');
  });

  it("[Q-5.4] another user's session answers 404; an unknown account, a foreign request item and an unconfigured server are refused", async () => {
    const { s } = r.fx;
    const id = await r.approvedDraft();
    const first = (await r.http(s.signer, 'POST', `/api/outgoing/${id}/sign/prepare`, { certificateId: r.fx.personalCert })).json;
    for (const other of [s.deputy, s.clerk]) {
      expect((await r.http(other, 'POST', `/api/signing/sessions/${first.sessionId}/remote`, { account: DIRECTOR_ACCOUNT })).status).toBe(404);
      expect((await r.http(other, 'GET', `/api/signing/sessions/${first.sessionId}/remote`)).status).toBe(404);
    }
    const unknown = await r.http(s.signer, 'POST', `/api/signing/sessions/${first.sessionId}/remote`, { account: 'khong-co@smartca-thu' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.details.reason).toBe('REMOTE_REFUSED');
    const foreign = await r.http(s.signer, 'POST', `/api/signing/sessions/${first.sessionId}/remote`, { account: DIRECTOR_ACCOUNT, request: { items: [first.request, { ...first.request, toBeSigned: Buffer.from('khác').toString('base64') }] } });
    expect(foreign.json.details?.reason).toBe('REMOTE_REQUEST_MISMATCH');

    const plain = await call(r.fx.t.app, s.signer, 'POST', `/api/signing/sessions/${first.sessionId}/remote`, { account: DIRECTOR_ACCOUNT });
    expect(plain.statusCode).toBe(409);
    expect(plain.json().details.reason).toBe('REMOTE_NOT_CONFIGURED');
    expect((await call(r.fx.t.app, s.signer, 'GET', '/api/signing/remote')).json()).toEqual({ enabled: false, name: null });
  });

  it('[Q-5.4] several open sessions signed with one confirmation: signatures in the order of the request, each completing its own session', async () => {
    const { s } = r.fx;
    const id = await r.approvedDraft();
    const prepare = async () => (await r.http(s.signer, 'POST', `/api/outgoing/${id}/sign/prepare`, { certificateId: r.fx.personalCert })).json;
    const [older, latest] = [await prepare(), await prepare()];
    const request = { items: [latest.request, older.request] };
    expect((await r.http(s.signer, 'POST', `/api/signing/sessions/${latest.sessionId}/remote`, { account: DIRECTOR_ACCOUNT, request })).status).toBe(202);
    expect(r.mock.received.at(-1)!.hashes).toHaveLength(2);
    const outcome = (await r.settle(s.signer, latest.sessionId)).json;
    expect(outcome).toMatchObject({ state: 'signed', signatures: [expect.any(String), expect.any(String)] });
    expect(outcome.signature).toBeUndefined();
    const done = await r.http(s.signer, 'POST', `/api/outgoing/${id}/sign/complete`, { sessionId: latest.sessionId, signature: outcome.signatures[0], certificateChain: outcome.certificateChain });
    expect(done.status, JSON.stringify(done.json)).toBe(200);
  });

  it('[Q-5.4] the account is kept with the certificate after its first use, offered back, and used when none is typed', async () => {
    const { s } = r.fx;
    const mine = (await r.http(s.signer, 'GET', '/api/signing/certificates')).json.find((c: { id: string }) => c.id === r.fx.personalCert);
    expect(mine.remoteAccount).toBe(DIRECTOR_ACCOUNT);
    const id = await r.approvedDraft();
    const { sessionId } = (await r.http(s.signer, 'POST', `/api/outgoing/${id}/sign/prepare`, { certificateId: r.fx.personalCert })).json;
    const submitted = await r.http(s.signer, 'POST', `/api/signing/sessions/${sessionId}/remote`, {});
    expect(submitted.status, JSON.stringify(submitted.json)).toBe(202);
    expect(r.mock.received.at(-1)!.account).toBe(DIRECTOR_ACCOUNT);
    expect((await r.settle(s.signer, sessionId)).json.state).toBe('signed');
    // A certificate never used with the service has no account to fall back on: the request asks for one.
    const device = (await r.http(s.clerk, 'GET', '/api/signing/certificates')).json.find((c: { id: string }) => c.id === r.fx.orgCert);
    expect(device.remoteAccount).toBeNull();
    const signed = await throughSigning(r.fx);
    await r.http(s.clerk, 'POST', `/api/outgoing/${signed}/number`);
    const seal = (await r.http(s.clerk, 'POST', `/api/outgoing/${signed}/seal/prepare`, { certificateId: r.fx.orgCert })).json;
    const sent = r.mock.received.length;
    const none = await r.http(s.clerk, 'POST', `/api/signing/sessions/${seal.sessionId}/remote`, {});
    expect(none.status).toBe(400);
    expect(none.json).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/tài khoản/), details: [{ field: 'account' }] });
    expect(r.mock.received).toHaveLength(sent);
  });
});
