import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../test/harness/engines.js';
import { call, login, type Session } from '../../test/harness/app.js';
import { printedDate } from '../infra/print/register-cover.js';
import { squash } from '../infra/print/testing.js';
import { REGISTER_WIDTHS } from './print/books-print.js';
import { bookTables } from './print/testkit.js';
import { agentSign, draftBody, draftPdf, issue, setupOutgoing, throughSigning, upload, type OutgoingFixture } from './testkit.js';

type Notice = { kind: string; title: string; link: string | null; urgent: boolean };

const without = (body: Record<string, unknown>, ...keys: string[]) => Object.fromEntries(Object.entries(body).filter(([k]) => !keys.includes(k)));

describeEngines('corrections of issued documents', (db) => {
  let fx: OutgoingFixture;
  const get = (s: Session, id: string) => call(fx.t.app, s, 'GET', `/api/outgoing/${id}`).then((r) => r.json());
  const notices = async (username: string): Promise<Notice[]> => (await call(fx.t.app, await login(fx.t.app, username), 'GET', '/api/notifications?limit=200')).json().items;
  /** What the file store says and what the bytes hash to, for each file of the original. */
  const fingerprint = async (doc: Record<string, string>) =>
    Promise.all(
      ['signedFileId', 'numberedFileId', 'issuedFileId'].map(async (key) => {
        const meta = (await call(fx.t.app, fx.s.clerk, 'GET', `/api/files/${doc[key]}`)).json();
        const bytes = (await call(fx.t.app, fx.s.clerk, 'GET', `/api/files/${doc[key]}/content`)).rawPayload;
        return { id: doc[key], sha256: meta.sha256, size: meta.size, hashed: createHash('sha256').update(bytes).digest('hex') };
      }),
    );

  beforeAll(async () => {
    fx = await setupOutgoing(db());
  });
  afterAll(() => fx.close());

  it('[Q-12.3d] a replacement is a new document: once issued, the original shows "Đã bị thay thế bởi …" and the event, its recipients are told, its files and row are unchanged', async () => {
    const { t, s } = fx;
    const original = await throughSigning(fx, { summary: 'Về việc quy chế công tác văn thư (bản sẽ bị thay thế)', recipientAgencyIds: [t.agencies.ubnd, t.agencies.skhcn] });
    const was = await issue(fx, original);
    const before = await get(s.clerk, original);
    const files = await fingerprint(before);
    expect(files.every((f) => f.sha256 === f.hashed)).toBe(true);

    const replacement = await throughSigning(fx, { summary: 'Về việc quy chế công tác văn thư (thay thế)', recipientAgencyIds: [t.agencies.ubnd], correctsId: original, correctionKind: 'replace' });
    expect((await get(s.clerk, replacement)).corrects).toEqual({ id: original, numberAndNotation: was.numberAndNotation, kind: 'replace', label: `Thay thế văn bản ${was.numberAndNotation}` });
    expect((await get(s.clerk, original)).correctedBy).toEqual([]);
    const now = await issue(fx, replacement);

    const after = await get(s.clerk, original);
    expect(after.correctedBy).toEqual([{ id: replacement, numberAndNotation: now.numberAndNotation, kind: 'replace', issuedAt: expect.any(String), recalledAt: null, label: `Đã bị thay thế bởi ${now.numberAndNotation}` }]);
    const replaced = after.events.find((e: { kind: string }) => e.kind === 'replaced');
    expect(replaced).toMatchObject({ details: { byId: replacement, numberAndNotation: now.numberAndNotation, kind: 'replace' } });
    expect(replaced.details.toldAgencyIds.sort()).toEqual([t.agencies.ubnd, t.agencies.skhcn].sort());
    // The original is immutable: same state, same row time, same files with the same bytes.
    expect(after).toMatchObject({ state: 'issued', updatedAt: before.updatedAt, issuedAt: before.issuedAt, correctsId: null });
    expect(await fingerprint(after)).toEqual(files);
    expect((await call(t.app, s.drafter, 'PATCH', `/api/outgoing/${original}`, { summary: 'Về việc sửa trực tiếp bản gốc đã ký' })).statusCode).toBe(409);

    // UBND got the replacement in its inbox as usual, and the notice links to it; SKHCN only hears of it.
    const inbox = (await call(t.app, s.ubnd, 'GET', '/api/incoming/inbox')).json().find((i: { envelope: { subject: string } }) => i.envelope.subject.endsWith('(thay thế)'));
    const ubnd = (await notices('vanthu.ubnd')).find((n) => n.kind === 'incoming.corrected' && n.title.includes(now.numberAndNotation));
    expect(ubnd).toMatchObject({ link: `/incoming/inbox/${inbox.id}`, urgent: true, title: `Văn bản ${was.numberAndNotation} của Sở Nội vụ tỉnh Thái Nguyên đã bị thay thế bởi văn bản ${now.numberAndNotation}` });
    const skhcn = (await notices('vanthu.skhcn')).find((n) => n.kind === 'incoming.corrected' && n.title.includes(now.numberAndNotation));
    expect(skhcn).toMatchObject({ link: null, title: expect.stringContaining('không gửi đến cơ quan') });

    const audit = (await call(t.app, s.admin, 'GET', `/api/audit?action=outgoing.correct&objectId=${original}`)).json();
    expect(audit[0]).toMatchObject({ objectType: 'outgoing_document', details: { byId: replacement, kind: 'replace', original: was.numberAndNotation } });
    // What is replaced is no longer in force: a new correction names the replacement instead.
    const fileId = await upload(fx, s.drafter, 'du-thao.pdf', await draftPdf());
    const again = await call(t.app, s.drafter, 'POST', '/api/outgoing', draftBody(fx, fileId, { correctsId: original, correctionKind: 'amend' }));
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toContain(`đã bị thay thế bởi văn bản ${now.numberAndNotation}`);
  });

  it('[Q-12.3d] an amendment shows "Được sửa đổi, bổ sung bởi …"; several may amend one document; recalling one marks it on the original', async () => {
    const { t, s } = fx;
    const original = await throughSigning(fx, { summary: 'Về việc danh mục hồ sơ năm 2026 (sẽ được sửa đổi)' });
    const was = await issue(fx, original);
    const amendment = await throughSigning(fx, { summary: 'Về việc sửa đổi, bổ sung danh mục hồ sơ năm 2026', correctsId: original, correctionKind: 'amend' });
    const now = await issue(fx, amendment);
    const ubnd = (await notices('vanthu.ubnd')).find((n) => n.title.startsWith(`Văn bản ${was.numberAndNotation} của`) && n.kind === 'incoming.corrected');
    expect(ubnd).toMatchObject({ urgent: false, title: expect.stringContaining(`được sửa đổi, bổ sung bởi văn bản ${now.numberAndNotation}`), link: expect.stringMatching(/^\/incoming\/inbox\//) });
    expect((await get(s.clerk, original)).correctedBy).toMatchObject([{ id: amendment, kind: 'amend', label: `Được sửa đổi, bổ sung bởi ${now.numberAndNotation}` }]);

    const fileId = await upload(fx, s.drafter, 'du-thao.pdf', await draftPdf());
    expect((await call(t.app, s.drafter, 'POST', '/api/outgoing', draftBody(fx, fileId, { correctsId: original, correctionKind: 'amend' }))).statusCode).toBe(201);
    expect((await call(t.app, s.clerk, 'POST', `/api/outgoing/${amendment}/recall`, { reason: 'Sửa đổi sai thẩm quyền' })).statusCode).toBe(200);
    const after = await get(s.clerk, original);
    expect(after.correctedBy[0]).toMatchObject({ id: amendment, recalledAt: expect.any(String), label: expect.stringContaining('đã bị thu hồi') });
    expect(after.events.find((e: { kind: string }) => e.kind === 'correction_recalled')).toMatchObject({ details: { byId: amendment, reason: 'Sửa đổi sai thẩm quyền' } });
  });

  it('[Q-12.3d] the target is checked: issued, of the same agency, not itself, with a kind; bad input changes nothing', async () => {
    const { t, s } = fx;
    const fileId = await upload(fx, s.drafter, 'du-thao.pdf', await draftPdf());
    const draft = (await call(t.app, s.drafter, 'POST', '/api/outgoing', draftBody(fx, fileId))).json().id;
    // Another agency's document answers exactly like one that does not exist.
    const other = await login(t.app, 'chuyenvien.skhcn');
    const otherFile = await upload(fx, other, 'du-thao.pdf', await draftPdf());
    const otherSigner = (await call(t.app, await login(t.app, 'giamdoc.skhcn'), 'GET', '/api/auth/me')).json().user.id;
    const foreign = (await call(t.app, other, 'POST', '/api/outgoing', draftBody(fx, otherFile, { signerId: otherSigner, recipientAgencyIds: [] }))).json().id;
    const before = (await call(t.app, s.drafter, 'GET', '/api/outgoing?queue=mine&limit=500')).json().length;
    const refused = async (over: Record<string, unknown>, field: string) => {
      const res = await call(t.app, s.drafter, 'POST', '/api/outgoing', draftBody(fx, fileId, over));
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([{ field }]);
      return res.json().message as string;
    };
    const missing = await refused({ correctsId: '00000000-0000-4000-8000-000000000000', correctionKind: 'replace' }, 'correctsId');
    expect(await refused({ correctsId: foreign, correctionKind: 'replace' }, 'correctsId')).toBe(missing);
    expect(await refused({ correctsId: draft, correctionKind: 'amend' }, 'correctsId')).toMatch(/đã phát hành/);
    expect(await refused({ correctsId: draft }, 'correctionKind')).toMatch(/thay thế/);
    expect(await refused({ correctionKind: 'amend' }, 'correctsId')).toMatch(/Chọn văn bản/);
    expect((await call(t.app, s.drafter, 'POST', '/api/outgoing', draftBody(fx, fileId, { correctionKind: 'annul', correctsId: draft }))).statusCode).toBe(400);
    const self = await call(t.app, s.drafter, 'PATCH', `/api/outgoing/${draft}`, { correctsId: draft, correctionKind: 'replace' });
    expect(self.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('chính nó') });
    expect((await call(t.app, s.drafter, 'GET', '/api/outgoing?queue=mine&limit=500')).json().length).toBe(before);
    expect(await get(s.drafter, draft)).toMatchObject({ correctsId: null, correctionKind: null, corrects: null });

    // A draft names one document; an update can change the kind alone, or remove the correction.
    const issued = await throughSigning(fx, { summary: 'Về việc văn bản để thử sửa đổi trong dự thảo' });
    const numbered = await issue(fx, issued);
    expect((await call(t.app, s.drafter, 'PATCH', `/api/outgoing/${draft}`, { correctsId: issued, correctionKind: 'replace' })).statusCode).toBe(200);
    expect((await call(t.app, s.drafter, 'PATCH', `/api/outgoing/${draft}`, { correctionKind: 'amend' })).statusCode).toBe(200);
    expect((await get(s.drafter, draft)).corrects).toEqual({ id: issued, numberAndNotation: numbered.numberAndNotation, kind: 'amend', label: `Sửa đổi, bổ sung văn bản ${numbered.numberAndNotation}` });
    expect((await call(t.app, s.drafter, 'PATCH', `/api/outgoing/${draft}`, { correctsId: null })).statusCode).toBe(200);
    expect(await get(s.drafter, draft)).toMatchObject({ correctsId: null, correctionKind: null, corrects: null });
  });

  it('[Q-12.3d] a correction sent without recipients or "Nơi nhận" goes where the original went; lists it names are kept; any other draft must name "Nơi nhận"', async () => {
    const { t, s } = fx;
    const toPlaces = '- Ủy ban nhân dân tỉnh Thái Nguyên;\n- Sở Khoa học và Công nghệ;\n- Bộ Nội vụ;\n- Lưu: VT, VTLT.';
    const original = await throughSigning(fx, { summary: 'Về việc chế độ báo cáo thống kê (nơi nhận mặc định)', recipientAgencyIds: [t.agencies.ubnd, t.agencies.skhcn], externalRecipients: ['Bộ Nội vụ'], toPlaces });
    await issue(fx, original);
    const where = (d: { recipients: { agencyId: string | null; name: string }[] }) => d.recipients.map((r) => `${r.agencyId ?? '-'} ${r.name}`).sort();
    const fileId = await upload(fx, s.drafter, 'du-thao.pdf', await draftPdf());
    const create = async (body: Record<string, unknown>, status = 201) => {
      const res = await call(t.app, s.drafter, 'POST', '/api/outgoing', body);
      expect(res.statusCode, res.body).toBe(status);
      return res.json();
    };

    const bare = without(draftBody(fx, fileId, { correctsId: original, correctionKind: 'replace' }), 'recipientAgencyIds', 'externalRecipients', 'toPlaces');
    const { id } = await create(bare);
    const draft = await get(s.drafter, id);
    expect(where(draft)).toEqual(where(await get(s.clerk, original)));
    expect(where(draft)).toHaveLength(3);
    expect(draft.recipients.map((r: { status: string }) => r.status).sort()).toEqual(['sent', 'sent', 'waiting_exchange']);
    expect(draft.toPlaces).toBe(toPlaces);
    const audit = (await call(t.app, s.admin, 'GET', `/api/audit?action=outgoing.create&objectId=${id}`)).json();
    expect(audit[0].details).toMatchObject({ corrects_id: original, fromOriginal: ['recipients', 'toPlaces'] });

    // Lists the caller sends are its own, even empty; "Nơi nhận" alone is still taken from the original.
    const own = await create({ ...without(bare, 'toPlaces'), correctionKind: 'amend', recipientAgencyIds: [], externalRecipients: ['Văn phòng Tỉnh ủy Thái Nguyên'] });
    expect(where(await get(s.drafter, own.id))).toEqual(['- Văn phòng Tỉnh ủy Thái Nguyên']);
    expect((await get(s.drafter, own.id)).toPlaces).toBe(toPlaces);

    const refused = await create(without(draftBody(fx, fileId), 'toPlaces'), 400);
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'toPlaces' }] });
  });

  it('[Q-12.3b] [Q-12.3d] the register\'s Ghi chú names what a document replaces or amends, and on the original what did, once issued', async () => {
    const { t, s } = fx;
    const ok = async (method: 'GET' | 'POST', url: string, body?: unknown) => {
      const res = await call(t.app, s.clerk, method, url, body);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      return res;
    };
    /** Số, ký hiệu and Ghi chú of each row between two numbers, read back from the PDF. */
    const notes = async (from: number, to: number) =>
      (await bookTables((await ok('GET', `/api/outgoing/print/register.pdf?fromNumber=${from}&toNumber=${to}`)).rawPayload, REGISTER_WIDTHS.pdf)).flatMap((p) => p.rows).map((r) => [r[0], squash(r[9])]);
    const cite = async (id: string) => {
      const d = await get(s.clerk, id);
      return `văn bản số ${d.numberAndNotation} ngày ${printedDate(d.issuedDate)}`;
    };

    const original = await throughSigning(fx, { summary: 'Về việc quy chế làm việc (sẽ được thay thế, sổ đăng ký)' });
    const was = await issue(fx, original);
    const replacement = await throughSigning(fx, { summary: 'Về việc quy chế làm việc (thay thế, sổ đăng ký)', correctsId: original, correctionKind: 'replace' });
    const now = (await ok('POST', `/api/outgoing/${replacement}/number`)).json();
    // Numbered only, the replacement says what it replaces; the original does not yet say it is replaced.
    expect(await notes(was.number, now.number)).toEqual([
      [was.numberAndNotation, ''],
      [now.numberAndNotation, squash(`Thay thế ${await cite(original)}\nĐã cấp số, chưa phát hành`)],
    ]);

    const prepared = (await ok('POST', `/api/outgoing/${replacement}/seal/prepare`, { certificateId: fx.orgCert })).json();
    await ok('POST', `/api/outgoing/${replacement}/seal/complete`, await agentSign(fx.pki.rsa, prepared));
    const amendment = await throughSigning(fx, { summary: 'Về việc sửa đổi, bổ sung quy chế làm việc (sổ đăng ký)', correctsId: replacement, correctionKind: 'amend' });
    const later = await issue(fx, amendment);
    expect(await notes(was.number, later.number)).toEqual([
      [was.numberAndNotation, squash(`Đã được thay thế bởi ${await cite(replacement)}`)],
      [now.numberAndNotation, squash(`Thay thế ${await cite(original)}\nĐã được sửa đổi, bổ sung bởi ${await cite(amendment)}`)],
      [later.numberAndNotation, squash(`Sửa đổi, bổ sung ${await cite(replacement)}`)],
    ]);
  });
});
