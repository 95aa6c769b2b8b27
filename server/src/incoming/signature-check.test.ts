import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../test/harness/engines.js';
import { call, login, startTestApp, type Session, type TestApp } from '../../test/harness/app.js';
import { multipart } from '../../test/harness/samples.js';
import { createTestPki, P12_PASSWORD, type TestPki } from '../signing/testing/test-pki.js';
import { makeTestPdf } from '../signing/testing/test-pdf.js';
import { loadP12Signer, signPdf } from '../signing/index.js';

describeEngines('signature check of incoming electronic documents', (db) => {
  let t: TestApp;
  let pki: TestPki;
  let clerk: Session;
  let admin: Session;
  let signed: Buffer;
  const upload = async (name: string, content: Buffer) => {
    const body = multipart(name, content);
    return (await t.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf, 'content-type': body.contentType }, payload: body.payload })).json().id as string;
  };
  const register = (mainFileId: string, codeNumber: string) =>
    call(t.app, clerk, 'POST', '/api/incoming', { source: 'upload', mainFileId, issuerName: 'Sở Nội vụ tỉnh Thái Nguyên', typeName: 'Công văn', codeNumber, codeNotation: 'SNV-VP', subject: 'Về việc thử chữ ký số' });

  beforeAll(async () => {
    [t, pki] = await Promise.all([startTestApp(db()), createTestPki()]);
    [clerk, admin] = await Promise.all([login(t.app, 'vanthu.ubnd'), login(t.app, 'admin')]);
    signed = await signPdf(await makeTestPdf(), loadP12Signer(pki.p12.rsa, P12_PASSWORD), { signingTime: new Date() });
  });
  afterAll(async () => {
    await t.close();
    await pki.cleanup();
  });

  it('the admin keeps the trust list: CA certificates only, no duplicates', async () => {
    expect((await call(t.app, clerk, 'POST', '/api/signing/trust-anchors', { name: 'CA thử', certificate: pki.root.toString('base64') })).statusCode).toBe(403);
    expect((await call(t.app, admin, 'POST', '/api/signing/trust-anchors', { name: 'Không phải CA', certificate: pki.rsa.certificate.toString('base64') })).json().message).toMatch(/Chỉ thêm chứng thư của tổ chức/);
    const added = await call(t.app, admin, 'POST', '/api/signing/trust-anchors', { name: 'CA thử nghiệm', certificate: pki.root.toString('base64') });
    expect(added.statusCode).toBe(201);
    expect((await call(t.app, admin, 'POST', '/api/signing/trust-anchors', { name: 'Lần hai', certificate: pki.root.toString('base64') })).statusCode).toBe(409);
  });

  it('[Q-6.1d] without a revocation list the status is unknown: registered as INDETERMINATE (TRY_LATER), never silently valid', async () => {
    const res = await register(await upload('chua-co-crl.pdf', signed), '0');
    expect(res.json()).toMatchObject({ signatureCheck: 'indeterminate', signatureReport: { indication: 'INDETERMINATE', subIndication: 'TRY_LATER' } });
  });

  it('[Q-6.1d] [Q-4.1] with the CRLs imported, a validly signed document is registered with who signed, when, and VALID', async () => {
    for (const crl of pki.crls) expect((await call(t.app, admin, 'POST', '/api/signing/crls', { crl: crl.toString('base64') })).statusCode).toBe(201);
    expect((await call(t.app, admin, 'POST', '/api/signing/crls', { crl: pki.crls[0].toString('base64') })).statusCode).toBe(409);
    expect((await call(t.app, admin, 'POST', '/api/signing/crls', { crl: Buffer.from('khong phai CRL nao ca, chi la chu'.repeat(3)).toString('base64') })).statusCode).toBe(400);
    const res = await register(await upload('cong-van-ky-so.pdf', signed), '1');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      signatureCheck: 'valid',
      signatureReport: { indication: 'VALID', signatures: [{ indication: 'VALID', signer: 'Nguyễn Văn Ánh', organization: 'Sở Nội vụ tỉnh Thái Nguyên', signingTime: expect.any(String) }] },
    });
  });

  it('[Q-6.1d] a document changed after signing is refused with the reason, logged, and uses no number', async () => {
    const before = (await call(t.app, clerk, 'GET', '/api/incoming?limit=1')).json()[0].arrivalNumber;
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('VănThư') > 0 ? tampered.indexOf('VănThư') : 200;
    tampered[at] = tampered[at] ^ 0x01;
    const res = await register(await upload('bi-sua.pdf', tampered), '2');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'SIGNATURE_INVALID', message: expect.stringMatching(/chữ ký số không hợp lệ/), details: { indication: 'INVALID' } });
    expect((await call(t.app, clerk, 'GET', '/api/incoming?limit=1')).json()[0].arrivalNumber).toBe(before);
    expect((await call(t.app, admin, 'GET', '/api/audit?action=incoming.refused_invalid_signature')).json()).toHaveLength(1);
  });

  it('[Q-6.1d] [Q-7.1] an unsigned electronic document, or one from a CA outside the trust list, is registered but flagged', async () => {
    const unsigned = await register(await upload('chua-ky.pdf', await makeTestPdf()), '3');
    expect(unsigned.json()).toMatchObject({ signatureCheck: 'indeterminate' });
    const anchors = (await call(t.app, admin, 'GET', '/api/signing/trust-anchors')).json();
    await call(t.app, admin, 'DELETE', `/api/signing/trust-anchors/${anchors[0].id}`);
    const untrusted = await register(await upload('ca-la.pdf', signed), '4');
    expect(untrusted.json()).toMatchObject({ signatureCheck: 'indeterminate', signatureReport: { signatures: [{ indication: 'INDETERMINATE' }] } });
  });
});
