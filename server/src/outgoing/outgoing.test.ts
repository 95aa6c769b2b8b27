import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../test/harness/engines.js';
import { call, login, type Session } from '../../test/harness/app.js';
import { ROLES, type Role } from '../infra/auth/actor.js';
import { nssTrusting, pdfsig, qpdfCheck } from '../signing/testing/tools.js';
import { makeDecisionPdf } from '../signing/testing/decision-pdf.js';
import { keySigner } from '../signing/testing/test-pki.js';
import { agentSign, draftBody, draftPdf, issue, setupOutgoing, throughSigning, upload, type OutgoingFixture } from './testkit.js';

describeEngines('outgoing documents', (db) => {
  let fx: OutgoingFixture;
  let dir: string;
  const get = (s: Session, id: string) => call(fx.t.app, s, 'GET', `/api/outgoing/${id}`).then((r) => r.json());
  const fileBytes = async (s: Session, fileId: string) => (await call(fx.t.app, s, 'GET', `/api/files/${fileId}/content`)).rawPayload;

  beforeAll(async () => {
    [fx, dir] = await Promise.all([setupOutgoing(db()), mkdtemp(join(tmpdir(), 'vanthu-out-'))]);
  });
  afterAll(async () => {
    await fx.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('[Q-1.1] [Q-12.2a] [Q-10.1] [Q-12.1b] [Q-8.1] draft, approve, sign, number and seal: the number in the PDF is the registered one, under both signatures', async () => {
    const { t, s } = fx;
    const id = await throughSigning(fx);
    const signed = await get(s.clerk, id);
    expect(signed).toMatchObject({ state: 'signed', approvedVersion: 1, stateLabel: 'Đã ký, chờ phát hành' });
    const preview = (await call(t.app, s.clerk, 'GET', `/api/outgoing/${id}/number-preview`)).json();
    const numbered = await issue(fx, id);
    expect(numbered).toEqual({ year: preview.year, number: preview.number, notation: 'QĐ-SNV', numberAndNotation: preview.numberAndNotation });
    const doc = await get(s.clerk, id);
    expect(doc).toMatchObject({ state: 'issued', numberAndNotation: numbered.numberAndNotation, issuedDate: expect.any(String) });
    expect(doc.events.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['created', 'submitted', 'approved', 'signed', 'numbered', 'issued', 'delivered']));

    const pdf = await fileBytes(s.clerk, doc.issuedFileId);
    const form = (await PDFDocument.load(pdf)).getForm();
    expect(form.getTextField('vanthu.so').getText()).toBe(numbered.numberAndNotation);
    expect(form.getTextField('vanthu.ngay').getText()).toMatch(/^Thái Nguyên, ngày \d\d tháng \d+ năm \d{4}$/);
    const file = join(dir, 'issued.pdf');
    await writeFile(file, pdf);
    const sigs = await pdfsig(file, await nssTrusting(join(dir, 'nss'), fx.pki.rootFile));
    expect(sigs).toHaveLength(2);
    expect(sigs.map((sig) => sig.valid)).toEqual([true, true]);
    expect((await qpdfCheck(file)).ok).toBe(true);
  });

  it('[Q-12.1b] concurrent issues get consecutive numbers, and the series starts again from 01 on 1 January (Vietnam time)', async () => {
    const { t, s } = fx;
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await throughSigning(fx, { summary: `Về việc cấp số đồng thời, văn bản ${i + 1}` }));
    const numbers = (await Promise.all(ids.map((id) => call(t.app, s.clerk, 'POST', `/api/outgoing/${id}/number`)))).map((r) => r.json().number).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0] + i));
    const now = t.clock.now();
    const year = Number(now.toISOString().slice(0, 4));
    try {
      t.clock.set(`${year}-12-31T23:59:00+07:00`);
      await fx.relogin();
      const last = await throughSigning(fx, { summary: 'Về việc văn bản cuối năm' });
      expect((await call(t.app, fx.s.clerk, 'POST', `/api/outgoing/${last}/number`)).json()).toMatchObject({ year, number: numbers.at(-1)! + 1 });
      t.clock.set(`${year}-12-31T17:00:30Z`);
      await fx.relogin();
      const first = await throughSigning(fx, { summary: 'Về việc văn bản đầu năm' });
      expect((await call(t.app, fx.s.clerk, 'POST', `/api/outgoing/${first}/number`)).json()).toMatchObject({ year: year + 1, number: 1, numberAndNotation: '01/QĐ-SNV' });
    } finally {
      t.clock.set(now);
      await fx.relogin();
    }
  });

  it('[Q-6.1b] [Q-6.1e] [Q-11.1a] [Q-12.3a] [Q-12.3c] [Q-6.2c] the recipient agency receives it in its inbox with valid signatures; registering it reports the số đến back', async () => {
    const { t, s } = fx;
    const id = await throughSigning(fx, { summary: 'Về việc báo cáo công tác văn thư năm 2026' });
    await issue(fx, id);
    const inbox = (await call(t.app, s.ubnd, 'GET', '/api/incoming/inbox')).json();
    const item = inbox.find((i: { envelope: { subject: string } }) => i.envelope.subject === 'Về việc báo cáo công tác văn thư năm 2026');
    expect(item).toMatchObject({ state: 'pending', envelope: { issuerName: expect.stringContaining('Sở Nội vụ'), typeName: 'Quyết định', codeNotation: 'QĐ-SNV' } });
    const before = (await get(s.clerk, id)).recipients;
    expect(before.map((r: { status: string }) => r.status).sort()).toEqual(['delivered', 'waiting_exchange']);
    const registered = await call(t.app, s.ubnd, 'POST', `/api/incoming/inbox/${item.id}/register`, {});
    expect(registered.statusCode).toBe(201);
    expect(registered.json()).toMatchObject({ source: 'internal', signatureCheck: 'valid', codeNotation: 'QĐ-SNV' });
    const ubnd = (await get(s.clerk, id)).recipients.find((r: { agencyId: string | null }) => r.agencyId === t.agencies.ubnd);
    expect(ubnd).toMatchObject({ status: 'received', arrivalNumber: registered.json().arrivalNumber, statusLabel: 'Đã vào sổ đến' });
    expect((await call(t.app, s.ubnd, 'POST', `/api/incoming/inbox/${item.id}/register`, {})).statusCode).toBe(409);
  });

  it('[Q-6.1d] a recipient returns a misaddressed document with its reason; the sender sees it returned', async () => {
    const { t, s } = fx;
    const id = await throughSigning(fx, { summary: 'Về việc gửi nhầm nơi nhận để kiểm tra trả lại' });
    await issue(fx, id);
    const item = (await call(t.app, s.ubnd, 'GET', '/api/incoming/inbox')).json().find((i: { envelope: { subject: string } }) => i.envelope.subject.includes('gửi nhầm'));
    expect((await call(t.app, s.ubnd, 'POST', `/api/incoming/inbox/${item.id}/return`, { reason: 'Gửi nhầm cơ quan' })).statusCode).toBe(200);
    const ubnd = (await get(s.clerk, id)).recipients.find((r: { agencyId: string | null }) => r.agencyId === t.agencies.ubnd);
    expect(ubnd).toMatchObject({ status: 'returned', reason: 'Gửi nhầm cơ quan' });
  });

  it('[Q-12.3c] a recall freezes the registered copy and marks it recalled; the recipient clerk confirms and the sender sees it', async () => {
    const { t, s } = fx;
    const id = await throughSigning(fx, { summary: 'Về việc văn bản sẽ bị thu hồi' });
    await issue(fx, id);
    const item = (await call(t.app, s.ubnd, 'GET', '/api/incoming/inbox')).json().find((i: { envelope: { subject: string } }) => i.envelope.subject.includes('thu hồi'));
    const incoming = (await call(t.app, s.ubnd, 'POST', `/api/incoming/inbox/${item.id}/register`, {})).json();
    expect((await call(t.app, s.drafter, 'POST', `/api/outgoing/${id}/recall`, { reason: 'Ban hành sai thẩm quyền' })).statusCode).toBe(403);
    expect((await call(t.app, s.clerk, 'POST', `/api/outgoing/${id}/recall`, { reason: 'Ban hành sai thẩm quyền' })).statusCode).toBe(200);
    const frozen = (await call(t.app, s.ubnd, 'GET', `/api/incoming/${incoming.id}`)).json();
    expect(frozen.recall).toMatchObject({ reason: 'Ban hành sai thẩm quyền', confirmedAt: null });
    const head = await import('../../test/harness/app.js').then((m) => m.login(t.app, 'chutich.ubnd'));
    const present = await call(t.app, s.ubnd, 'POST', `/api/incoming/${incoming.id}/present`, { toUserId: (await call(t.app, head, 'GET', '/api/auth/me')).json().user.id });
    expect(present.statusCode).toBe(409);
    expect((await get(s.clerk, id)).recipients.find((r: { agencyId: string | null }) => r.agencyId === t.agencies.ubnd).status).toBe('recalled');
    expect((await call(t.app, s.ubnd, 'POST', `/api/incoming/${incoming.id}/confirm-recall`)).statusCode).toBe(200);
    expect((await call(t.app, s.ubnd, 'GET', `/api/incoming/${incoming.id}`)).json()).toMatchObject({ status: 'cancelled', recall: { confirmedAt: expect.any(String) } });
    expect((await get(s.clerk, id))).toMatchObject({ state: 'recalled', recallReason: 'Ban hành sai thẩm quyền' });
    expect((await get(s.clerk, id)).recipients.find((r: { agencyId: string | null }) => r.agencyId === t.agencies.ubnd).status).toBe('recall_confirmed');
  });

  it('[Q-10.2] the signer is on the document record: who, in which position, and the signing step is theirs', async () => {
    const id = await throughSigning(fx, { summary: 'Về việc ghi nhận người ký văn bản' });
    const doc = await get(fx.s.clerk, id);
    expect(doc).toMatchObject({ signerId: fx.users['giamdoc.snv'], signerPosition: 'Giám đốc', state: 'signed' });
    expect(doc.events.filter((e: { kind: string }) => e.kind === 'signed')).toEqual([expect.objectContaining({ actorId: fx.users['giamdoc.snv'] })]);
  });

  it('[Q-12.2a] a change after approval sends the draft back for approval before it can be signed', async () => {
    const { t, s } = fx;
    const fileId = await upload(fx, s.drafter, 'du-thao.pdf', await draftPdf());
    const { id } = (await call(t.app, s.drafter, 'POST', '/api/outgoing', draftBody(fx, fileId))).json();
    await call(t.app, s.drafter, 'POST', `/api/outgoing/${id}/submit`);
    expect((await call(t.app, s.drafter, 'POST', `/api/outgoing/${id}/approve`)).statusCode).toBe(403);
    expect((await call(t.app, s.head, 'POST', `/api/outgoing/${id}/approve`)).statusCode).toBe(200);
    expect((await call(t.app, s.drafter, 'PATCH', `/api/outgoing/${id}`, { summary: 'Về việc ủy quyền ký văn bản (sửa sau khi duyệt)' })).statusCode).toBe(200);
    expect(await get(s.drafter, id)).toMatchObject({ state: 'draft', approvedVersion: null });
    const prepare = await call(t.app, s.signer, 'POST', `/api/outgoing/${id}/sign/prepare`, { certificateId: fx.personalCert });
    expect(prepare.statusCode).toBe(409);
    const second = await upload(fx, s.drafter, 'du-thao-2.pdf', await draftPdf());
    expect((await call(t.app, s.drafter, 'POST', `/api/outgoing/${id}/versions`, { fileId: second, note: 'Sửa Điều 2' })).json()).toEqual({ version: 2, conversion: 'not_needed' });
    expect((await get(s.drafter, id)).versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  it('[Q-10.1] the checks before signing: a PDF without the place for the number is refused and nothing changes', async () => {
    const { t, s } = fx;
    const fileId = await upload(fx, s.drafter, 'khong-so.pdf', (await makeDecisionPdf({ numberLine: null })).pdf);
    const { id } = (await call(t.app, s.drafter, 'POST', '/api/outgoing', draftBody(fx, fileId))).json();
    await call(t.app, s.drafter, 'POST', `/api/outgoing/${id}/submit`);
    await call(t.app, s.head, 'POST', `/api/outgoing/${id}/approve`);
    const res = await call(t.app, s.signer, 'POST', `/api/outgoing/${id}/sign/prepare`, { certificateId: fx.personalCert });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/Số:/);
    expect((await get(s.signer, id)).state).toBe('approved');
    expect((await call(t.app, s.drafter, 'POST', `/api/outgoing/${id}/sign/prepare`, { certificateId: fx.personalCert })).statusCode).toBe(403);
  });

  it('[Q-5.3b] [Q-6.2a] only the clerk holding the device applies the organisation signature (every other role is refused), and only on a validly signed document', async () => {
    const { t, s } = fx;
    const id = await throughSigning(fx, { summary: 'Về việc kiểm tra quyền ký số của cơ quan' });
    expect((await call(t.app, s.drafter, 'POST', `/api/outgoing/${id}/number`)).statusCode).toBe(403);
    expect((await call(t.app, s.clerk, 'POST', `/api/outgoing/${id}/seal/prepare`, { certificateId: fx.orgCert })).statusCode).toBe(409);
    await call(t.app, s.clerk, 'POST', `/api/outgoing/${id}/number`);
    // Every other role of the agency is refused, whatever certificate it names; another agency's clerk finds nothing.
    const others: Record<Exclude<Role, 'clerk'>, Session> = {
      agency_head: s.signer,
      deputy_head: s.deputy,
      unit_head: s.head,
      staff: s.drafter,
      archivist: await login(t.app, 'luutru.snv'),
      admin: s.admin,
      inspector: await login(t.app, 'thanhtra.snv'),
    };
    expect(Object.keys(others).sort()).toEqual(ROLES.filter((r) => r !== 'clerk').sort());
    // Refused for the role itself, not for some later check (the certificate's holder, the session's owner); the inspector changes nothing at all.
    const refusedAsNotClerk = (role: string, res: { statusCode: number; json(): { code: string; message: string } }) => {
      expect(res.statusCode, role).toBe(403);
      if (role === 'inspector') expect(['FORBIDDEN', 'READ_ONLY_ROLE']).toContain(res.json().code);
      else expect(res.json(), role).toEqual({ code: 'FORBIDDEN', message: 'Chỉ văn thư cơ quan cấp số và phát hành văn bản (Q-6.2a).' });
    };
    for (const [role, session] of Object.entries(others)) {
      for (const certificateId of [fx.orgCert, fx.personalCert]) {
        refusedAsNotClerk(role, await call(t.app, session, 'POST', `/api/outgoing/${id}/seal/prepare`, { certificateId }));
      }
    }
    expect((await call(t.app, s.ubnd, 'POST', `/api/outgoing/${id}/seal/prepare`, { certificateId: fx.orgCert })).statusCode).toBe(404);
    const wrongKey = (await call(t.app, s.clerk, 'POST', `/api/outgoing/${id}/seal/prepare`, { certificateId: fx.personalCert })).json();
    expect(wrongKey.code).toBe('FORBIDDEN');
    const prepared = (await call(t.app, s.clerk, 'POST', `/api/outgoing/${id}/seal/prepare`, { certificateId: fx.orgCert })).json();
    // Nor may they complete the clerk's preparation, even with a value of the agency's own key.
    const sealed = await agentSign(fx.pki.rsa, prepared);
    for (const [role, session] of Object.entries(others)) {
      refusedAsNotClerk(role, await call(t.app, session, 'POST', `/api/outgoing/${id}/seal/complete`, sealed));
    }
    expect((await get(s.clerk, id)).state).toBe('numbered');
    // A value made by another key is refused and the document stays numbered.
    const value = await keySigner(fx.pki.untrusted).sign(Buffer.from(prepared.request.toBeSigned, 'base64'));
    const forged = await call(t.app, s.clerk, 'POST', `/api/outgoing/${id}/seal/complete`, { sessionId: prepared.sessionId, signature: value.toString('base64') });
    expect(forged.statusCode).toBe(400);
    expect((await get(s.clerk, id)).state).toBe('numbered');
  });

  it('bad input gets a clear error and creates nothing', async () => {
    const { t, s } = fx;
    const fileId = await upload(fx, s.drafter, 'du-thao.pdf', await draftPdf());
    const before = (await call(t.app, s.drafter, 'GET', '/api/outgoing?queue=mine&limit=500')).json().length;
    for (const [over, field] of [
      [{ typeCode: 'XX' }, 'typeCode'],
      [{ paperReason: 'x' }, 'paperReason'],
      [{ recipientAgencyIds: [t.agencies.snv] }, 'recipientAgencyIds/0'],
      [{ signerId: fx.users['chuyenvien2.snv'] }, 'signerId'],
    ] as const) {
      const res = await call(t.app, s.drafter, 'POST', '/api/outgoing', draftBody(fx, fileId, over));
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json())).toContain(field.split('/')[0]);
    }
    const png = await upload(fx, s.drafter, 'anh.png', (await import('../../test/harness/samples.js')).pngBytes());
    expect((await call(t.app, s.drafter, 'POST', '/api/outgoing', draftBody(fx, png))).json().message).toMatch(/\.docx/);
    expect((await call(t.app, s.drafter, 'GET', '/api/outgoing?queue=mine&limit=500')).json().length).toBe(before);
  });
});
