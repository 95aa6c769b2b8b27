/**
 * Checking a stored file's signatures from the document page: an issued outgoing
 * document reports both signatures with who signed, when, and what changed after each; a file
 * the person may not read answers 404; a file with no signature says so. GET only reads; POST
 * keeps the check with the file (issue 11 item 14), and a kept VALID check is later a proof of
 * existence (item 2).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../test/harness/engines.js';
import { call } from '../../test/harness/app.js';
import { issue, setupOutgoing, throughSigning, upload, type OutgoingFixture } from '../outgoing/testkit.js';
import { pdfBytes } from '../../test/harness/samples.js';
import { signPdf } from './pades/sign.js';
import { makeTestPdf } from './testing/test-pdf.js';
import { keySigner } from './testing/test-pki.js';

const DAY = 86_400_000;

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
    const res = await call(fx.t.app, fx.s.clerk, 'POST', `/api/signing/files/${issuedFileId}/verifications`);
    expect(res.statusCode).toBe(201);
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
    expect(report.kept).toBe(true);

    const audit = (await call(fx.t.app, fx.s.admin, 'GET', '/api/audit?action=signing.verify')).json();
    expect(JSON.stringify(audit)).toContain(issuedFileId);
  });

  it('[Q-4.1] each check is kept with the file: who checked, when, and the verdict, newest first', async () => {
    const before = (await call(fx.t.app, fx.s.clerk, 'GET', `/api/signing/files/${issuedFileId}/verifications`)).json();
    fx.t.clock.advance(60_000);
    expect((await call(fx.t.app, fx.s.signer, 'POST', `/api/signing/files/${issuedFileId}/verifications`)).statusCode).toBe(201);
    const after = (await call(fx.t.app, fx.s.clerk, 'GET', `/api/signing/files/${issuedFileId}/verifications`)).json();
    expect(after).toHaveLength(before.length + 1);
    const me = (await call(fx.t.app, fx.s.signer, 'GET', '/api/auth/me')).json();
    expect(after[0]).toMatchObject({ checkedBy: me.user.id, indication: 'VALID', message: expect.stringMatching(/hợp lệ/i) });
    expect(after.map((c: { checkedAt: string }) => c.checkedAt)).toEqual([...after.map((c: { checkedAt: string }) => c.checkedAt)].sort().reverse());
    expect((await call(fx.t.app, fx.s.ubnd, 'GET', `/api/signing/files/${issuedFileId}/verifications`)).statusCode).toBe(404);
  });

  it('another agency cannot check a file it was not given: 404, as for a missing one', async () => {
    expect((await call(fx.t.app, fx.s.ubnd, 'GET', `/api/signing/files/${issuedFileId}/verification`)).statusCode).toBe(404);
    expect((await call(fx.t.app, fx.s.ubnd, 'POST', `/api/signing/files/${issuedFileId}/verifications`)).statusCode).toBe(404);
  });

  it('reading a verification writes nothing: no check kept, no audit entry (issue 11 item 14)', async () => {
    const counts = async () => {
      const { rows } = await sql<{ checks: number; audit: number }>`
        select (select count(*) from signing_verification)::int as checks, (select count(*) from audit_log)::int as audit`.execute(db().db);
      return rows[0];
    };
    const before = await counts();
    const res = await call(fx.t.app, fx.s.clerk, 'GET', `/api/signing/files/${issuedFileId}/verification`);
    expect([res.statusCode, res.json().indication, res.json().kept]).toEqual([200, 'VALID', false]);
    await call(fx.t.app, fx.s.signer, 'GET', `/api/signing/files/${issuedFileId}/verification`);
    expect(await counts()).toEqual(before);
  });

  it('keeping a verification is a POST that needs the CSRF token, like every change', async () => {
    const res = await fx.t.app.inject({ method: 'POST', url: `/api/signing/files/${issuedFileId}/verifications`, headers: { cookie: fx.s.clerk.cookie } });
    expect(res.statusCode).toBe(403);
  });

  it('an unsigned PDF: INDETERMINATE with no signatures, said in words', async () => {
    const fileId = await upload(fx, fx.s.clerk, 'khong-ky.pdf', pdfBytes('Khong ky'));
    const report = (await call(fx.t.app, fx.s.clerk, 'GET', `/api/signing/files/${fileId}/verification`)).json();
    expect(report.signatures).toEqual([]);
    expect(report.indication).not.toBe('VALID');
    expect(report.message.length).toBeGreaterThan(10);
  });

  // Last: it moves the clock a year on, past the test certificates' end.
  it('[Q-4.1] [Q-6.1d] a kept VALID check proves the signatures existed: a year on, certificates expired, still VALID; a file never checked is not', async () => {
    const neverChecked = await upload(fx, fx.s.clerk, 'ban-chua-kiem-tra.pdf', await signPdf(await makeTestPdf(), keySigner(fx.pki.rsa), { signingTime: fx.t.clock.now() }));
    fx.t.clock.advance(370 * DAY);
    await fx.relogin();
    const kept = (await call(fx.t.app, fx.s.clerk, 'GET', `/api/signing/files/${issuedFileId}/verification`)).json();
    expect(kept.indication, kept.message).toBe('VALID');
    for (const s of kept.signatures) expect(s.proofOfExistence).toMatchObject({ source: 'earlier-check' });
    expect(kept.signatures[0].warnings.join(' ')).toContain('VănThư đã kiểm tra đúng bản tệp này lúc');
    const unchecked = (await call(fx.t.app, fx.s.clerk, 'GET', `/api/signing/files/${neverChecked}/verification`)).json();
    expect([unchecked.indication, unchecked.subIndication]).toEqual(['INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE']);
  });
});
