/**
 * Checking a stored file's signatures from the document page: an issued outgoing
 * document reports both signatures with who signed, when, and what changed after each; a file
 * the person may not read answers 404; a file with no signature says so.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../test/harness/engines.js';
import { call } from '../../test/harness/app.js';
import { issue, setupOutgoing, throughSigning, upload, type OutgoingFixture } from '../outgoing/testkit.js';
import { pdfBytes } from '../../test/harness/samples.js';

describeEngines('verifying a stored file', (db) => {
  let fx: OutgoingFixture;
  let issuedFileId: string;

  beforeAll(async () => {
    fx = await setupOutgoing(db());
    const id = await throughSigning(fx);
    await issue(fx, id);
    issuedFileId = (await call(fx.t.app, fx.s.clerk, 'GET', `/api/outgoing/${id}`)).json().issuedFileId;
  });
  afterAll(() => fx?.close());

  it('[Q-4.1] an issued document: the signer’s certification and the agency’s signature, both VALID, in Vietnamese', async () => {
    const res = await call(fx.t.app, fx.s.clerk, 'GET', `/api/signing/files/${issuedFileId}/verification`);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.indication).toBe('VALID');
    expect(report.signatures).toHaveLength(2);
    const [signer, agency] = report.signatures;
    expect(signer).toMatchObject({ index: 1, indication: 'VALID', certification: 2, revocation: 'good', coversWholeFile: false });
    // After the signer: the number and date filled in, then the agency's signature; nothing else.
    expect([...signer.changesAfter].sort()).toEqual(['form-fill', 'signature']);
    expect(agency).toMatchObject({ index: 2, indication: 'VALID', coversWholeFile: true, changesAfter: [] });
    expect(signer.signer.commonName).toBeTruthy();
    expect(signer.message).toMatch(/hợp lệ/i);

    const audit = (await call(fx.t.app, fx.s.admin, 'GET', '/api/audit?action=signing.verify')).json();
    expect(JSON.stringify(audit)).toContain(issuedFileId);
  });

  it('[Q-4.1] each check is kept with the file: who checked, when, and the verdict, newest first', async () => {
    const before = (await call(fx.t.app, fx.s.clerk, 'GET', `/api/signing/files/${issuedFileId}/verifications`)).json();
    fx.t.clock.advance(60_000);
    await call(fx.t.app, fx.s.signer, 'GET', `/api/signing/files/${issuedFileId}/verification`);
    const after = (await call(fx.t.app, fx.s.clerk, 'GET', `/api/signing/files/${issuedFileId}/verifications`)).json();
    expect(after).toHaveLength(before.length + 1);
    const me = (await call(fx.t.app, fx.s.signer, 'GET', '/api/auth/me')).json();
    expect(after[0]).toMatchObject({ checkedBy: me.user.id, indication: 'VALID', message: expect.stringMatching(/hợp lệ/i) });
    expect(after.map((c: { checkedAt: string }) => c.checkedAt)).toEqual([...after.map((c: { checkedAt: string }) => c.checkedAt)].sort().reverse());
    expect((await call(fx.t.app, fx.s.ubnd, 'GET', `/api/signing/files/${issuedFileId}/verifications`)).statusCode).toBe(404);
  });

  it('another agency cannot check a file it was not given: 404, as for a missing one', async () => {
    expect((await call(fx.t.app, fx.s.ubnd, 'GET', `/api/signing/files/${issuedFileId}/verification`)).statusCode).toBe(404);
  });

  it('an unsigned PDF: INDETERMINATE with no signatures, said in words', async () => {
    const fileId = await upload(fx, fx.s.clerk, 'khong-ky.pdf', pdfBytes('Khong ky'));
    const report = (await call(fx.t.app, fx.s.clerk, 'GET', `/api/signing/files/${fileId}/verification`)).json();
    expect(report.signatures).toEqual([]);
    expect(report.indication).not.toBe('VALID');
    expect(report.message.length).toBeGreaterThan(10);
  });
});
