import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../test/harness/engines.js';
import { call } from '../../test/harness/app.js';
import { registerCertificate } from '../signing/testing/register-certificate.js';
import type { TestIdentity } from '../signing/testing/test-pki.js';
import { agentSign, draftBody, draftPdf, issue, setupOutgoing, throughSigning, upload, type OutgoingFixture } from './testkit.js';

/**
 * Q-5.3b: the clerk numbers and seals only a document the authorised person signed validly. The
 * signer's own certificate passes the checks before signing (registered, theirs, in its dates), so
 * a certificate of a CA outside the trust list, or one its CA revoked, reaches the clerk signed.
 */
describeEngines('[Q-5.3b] no number and no organisation signature over a signer signature that is not valid', (db) => {
  let fx: OutgoingFixture;

  beforeAll(async () => {
    fx = await setupOutgoing(db());
  });
  afterAll(async () => fx.close());

  /** Draft → approve → the director signs with `identity`, registered as their own certificate. */
  async function signedWith(identity: TestIdentity, summary: string): Promise<string> {
    const { t, s } = fx;
    const certificateId = await registerCertificate(t.app, s.signer, identity);
    const fileId = await upload(fx, s.drafter, 'du-thao.pdf', await draftPdf());
    const { id } = (await call(t.app, s.drafter, 'POST', '/api/outgoing', draftBody(fx, fileId, { summary }))).json();
    await call(t.app, s.drafter, 'POST', `/api/outgoing/${id}/submit`);
    await call(t.app, s.head, 'POST', `/api/outgoing/${id}/approve`);
    const prepared = (await call(t.app, s.signer, 'POST', `/api/outgoing/${id}/sign/prepare`, { certificateId })).json();
    const done = await call(t.app, s.signer, 'POST', `/api/outgoing/${id}/sign/complete`, await agentSign(identity, prepared));
    expect(done.statusCode).toBe(200);
    return id;
  }

  async function expectRefused(id: string, reason: RegExp) {
    const { t, s } = fx;
    const res = await call(t.app, s.clerk, 'POST', `/api/outgoing/${id}/number`);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'SIGNATURE_INVALID', message: expect.stringMatching(/^Chữ ký số của người ký chưa hợp lệ nên chưa thể phát hành: /) });
    expect(res.json().message).toMatch(reason);
    const doc = (await call(t.app, s.clerk, 'GET', `/api/outgoing/${id}`)).json();
    expect(doc).toMatchObject({ state: 'signed', number: null, numberAndNotation: null, numberedFileId: null });
    expect(doc.events.map((e: { kind: string }) => e.kind)).not.toContain('numbered');
    // Nor can the organisation signature go on without a number.
    expect((await call(t.app, s.clerk, 'POST', `/api/outgoing/${id}/seal/prepare`, { certificateId: fx.orgCert })).statusCode).toBe(409);
  }

  it('[Q-5.3b] [Q-8.1] [Q-7.1] a signer certificate from a CA outside the trust list: numbering is refused with a clear error, no number taken', async () => {
    const id = await signedWith(fx.pki.untrusted, 'Về việc thử chứng thư của CA không tin cậy');
    await expectRefused(id, /không chuỗi được tới tổ chức chứng thực nào trong danh sách tin cậy/);
  });

  it('[Q-5.3b] [Q-6.1d] a revoked signer certificate: numbering is refused with a clear error, no number taken', async () => {
    const id = await signedWith(fx.pki.revoked, 'Về việc thử chứng thư đã bị thu hồi');
    await expectRefused(id, /Chứng thư số đã bị thu hồi/);
  });

  it('[Q-5.3b] [Q-12.1b] the refusals took no number: the next validly signed document is issued as 01', async () => {
    const id = await throughSigning(fx, { summary: 'Về việc phát hành sau hai lần từ chối' });
    const numbered = await issue(fx, id);
    expect(numbered).toMatchObject({ number: 1, numberAndNotation: '01/QĐ-SNV' });
  });
});
