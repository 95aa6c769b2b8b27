import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../harness/engines.js';
import { call, login, startTestApp, type Session, type TestApp } from '../harness/app.js';
import { multipart, pdfBytes } from '../harness/samples.js';
import { draftPdf } from '../../src/outgoing/testkit.js';

/**
 * A stored file is readable exactly when an object holding it is readable (infra/storage/holders.ts):
 * no role reads another agency's files, the system admin and the inspector included, and an
 * upload nothing holds yet is its uploader's alone. Checked on every route that reads a file.
 */
describeEngines('who may read a stored file', (db) => {
  let t: TestApp;
  let heldId: string;
  let looseId: string;
  const as: Record<string, Session> = {};

  const upload = async (session: Session, name: string, content = pdfBytes(name)) => {
    const body = multipart(name, content);
    const res = await t.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': body.contentType }, payload: body.payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  /** Every route that opens a stored file (reading or checking its signatures), with what a reader gets. */
  const routes = (id: string) => [
    `/api/files/${id}`,
    `/api/files/${id}/content`,
    `/api/files/${id}/pages`,
    `/api/files/${id}/pages/1?width=200`,
    `/api/signing/files/${id}/verification`,
    `/api/signing/files/${id}/verifications`,
  ];
  /** Keeping a check of the file's signatures with it. */
  const keep = (who: string, id: string) => call(t.app, as[who], 'POST', `/api/signing/files/${id}/verifications`);

  const expectReadable = async (who: string, id: string) => {
    for (const url of routes(id)) {
      const res = await call(t.app, as[who], 'GET', url);
      expect(res.statusCode, `${who} ${url}: ${res.body.slice(0, 200)}`).toBe(200);
    }
    const kept = await keep(who, id);
    expect(kept.statusCode, `${who} keeps a verification: ${kept.body.slice(0, 200)}`).toBeLessThan(300);
  };

  const expectHidden = async (who: string, id: string) => {
    for (const url of routes(id)) {
      const res = await call(t.app, as[who], 'GET', url);
      expect([res.statusCode, res.json().code], `${who} ${url}`).toEqual([404, 'NOT_FOUND']);
    }
    const kept = await keep(who, id);
    // The read-only inspector is refused any change before the file is even looked up.
    expect([kept.statusCode, kept.json().code], `${who} keeps a verification`).toEqual(who === 'thanhtra.snv' ? [403, 'READ_ONLY_ROLE'] : [404, 'NOT_FOUND']);
  };

  beforeAll(async () => {
    t = await startTestApp(db());
    for (const who of ['vanthu.ubnd', 'chutich.ubnd', 'vanthu.snv', 'admin', 'thanhtra.snv']) as[who] = await login(t.app, who);
    heldId = await upload(as['vanthu.ubnd'], 'cong-van-den.pdf');
    const registered = await call(t.app, as['vanthu.ubnd'], 'POST', '/api/incoming', {
      source: 'paper',
      issuerName: 'Bộ Nội vụ',
      typeName: 'Công văn',
      subject: 'Về việc kiểm tra quyền đọc tệp',
      codeNumber: '77',
      attachmentFileIds: [heldId],
    });
    expect(registered.statusCode, registered.body).toBe(201);
    looseId = await upload(as['vanthu.ubnd'], 'chua-dinh-kem.pdf');
  });
  afterAll(async () => t.close());

  it('[Q-18.4] a file held by an agency document: its people read it on every route', async () => {
    await expectReadable('vanthu.ubnd', heldId);
    await expectReadable('chutich.ubnd', heldId);
  });

  it('[Q-18.4] a file held by an agency document: the system admin, the inspector and another agency get 404 on every route', async () => {
    for (const who of ['admin', 'thanhtra.snv', 'vanthu.snv']) await expectHidden(who, heldId);
  });

  it('[Q-18.4] an upload becomes readable by the readers of the draft that holds it, and by them only', async () => {
    const drafter = await login(t.app, 'chuyenvien.snv');
    const head = await login(t.app, 'giamdoc.snv');
    as['giamdoc.snv'] = head;
    const fileId = await upload(drafter, 'du-thao.pdf', await draftPdf());
    expect((await call(t.app, head, 'GET', `/api/files/${fileId}`)).statusCode).toBe(404);
    const signerId = (await call(t.app, head, 'GET', '/api/auth/me')).json().user.id;
    const draft = await call(t.app, drafter, 'POST', '/api/outgoing', {
      typeCode: 'QĐ', summary: 'Về việc kiểm tra quyền đọc tệp dự thảo', signerId, signerAuthority: '', signerPosition: 'Giám đốc',
      recipientAgencyIds: [], externalRecipients: ['Bộ Nội vụ'], toPlaces: 'Như trên; Lưu: VT.', fileId,
    });
    expect(draft.statusCode, draft.body).toBe(201);
    await expectReadable('giamdoc.snv', fileId);
    for (const who of ['vanthu.ubnd', 'chutich.ubnd']) await expectHidden(who, fileId);
  });

  it('[Q-18.4] an upload nothing holds yet is readable by its uploader only, not by others of the same agency nor the admin', async () => {
    await expectReadable('vanthu.ubnd', looseId);
    for (const who of ['chutich.ubnd', 'admin', 'thanhtra.snv', 'vanthu.snv']) await expectHidden(who, looseId);
  });
});
