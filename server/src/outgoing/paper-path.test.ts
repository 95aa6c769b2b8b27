/**
 * The paper path (Q-12.2b, Q-7.2, Q-11.2b, Q-8.2b): an approved draft signed by hand, numbered in
 * the same series, its scan checked against the digitisation standard and signed by the agency
 * with the SAO Y stamp, then issued and delivered; and printing the paper original of an
 * electronic document (Q-12.2a), audited.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../test/harness/engines.js';
import { call, type Session } from '../../test/harness/app.js';
import { A4, scanPdf } from '../../test/harness/samples.js';
import { findWords, pdftotextWords } from '../signing/testing/poppler.js';
import { nssTrusting, pdfsig } from '../signing/testing/tools.js';
import { agentSign, draftBody, draftPdf, issue, setupOutgoing, throughSigning, upload, type OutgoingFixture } from './testkit.js';

const vietnamIso = (at: Date) => new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 19) + '+07:00';

describeEngines('outgoing documents issued on paper', (db) => {
  let fx: OutgoingFixture;
  let dir: string;
  const get = (s: Session, id: string) => call(fx.t.app, s, 'GET', `/api/outgoing/${id}`).then((r) => r.json());
  const post = (s: Session, url: string, body?: unknown) => call(fx.t.app, s, 'POST', url, body);
  const bytes = async (s: Session, fileId: string) => (await call(fx.t.app, s, 'GET', `/api/files/${fileId}/content`)).rawPayload;
  /** Draft → submitted → approved by the unit head; not signed electronically. */
  const approved = async (over: Record<string, unknown>, approve = true) => {
    const { s } = fx;
    const { id } = (await post(s.drafter, '/api/outgoing', draftBody(fx, await upload(fx, s.drafter, 'du-thao.pdf', await draftPdf()), over))).json();
    await post(s.drafter, `/api/outgoing/${id}/submit`);
    if (approve) expect((await post(s.head, `/api/outgoing/${id}/approve`)).statusCode).toBe(200);
    return id as string;
  };
  const scan = async (options: Parameters<typeof scanPdf>[0]) => upload(fx, fx.s.clerk, 'ban-quet.pdf', await scanPdf(options));

  beforeAll(async () => {
    [fx, dir] = await Promise.all([setupOutgoing(db()), mkdtemp(join(tmpdir(), 'vanthu-paper-'))]);
  });
  afterAll(async () => {
    await fx?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('[Q-12.2b] [Q-11.2b] [Q-8.2b] approved, signed on paper, numbered, scanned, sealed with SAO Y, issued and received', async () => {
    const { s, t } = fx;
    const summary = 'Về việc phê duyệt quy hoạch mạng lưới lưu trữ (bản giấy)';
    const id = await approved({ summary });
    const numbered = await post(s.clerk, `/api/outgoing/${id}/paper/number`, { paperReason: 'b' });
    expect(numbered.statusCode).toBe(200);
    expect(numbered.json()).toMatchObject({ notation: 'QĐ-SNV', placeDate: expect.stringMatching(/^Thái Nguyên, ngày \d\d tháng \d+ năm \d{4}$/) });
    expect((await post(s.clerk, `/api/outgoing/${id}/seal/prepare`, { certificateId: fx.orgCert })).statusCode).toBe(409);
    expect((await post(s.clerk, `/api/outgoing/${id}/paper/scan`, { fileId: await scan({ dpi: 200, colour: true, pages: 2 }) })).json()).toEqual({ pages: 2, pdfVersion: '1.7' });

    const sealedAt = vietnamIso(t.clock.now());
    const prepared = (await post(s.clerk, `/api/outgoing/${id}/seal/prepare`, { certificateId: fx.orgCert })).json();
    expect(prepared.request).toEqual({ toBeSigned: expect.any(String), algorithm: 'RSA' });
    expect(prepared.items).toEqual([{ kind: 'main', appendixId: null, title: summary, digest: prepared.digest }]);
    expect((await post(s.clerk, `/api/outgoing/${id}/seal/complete`, await agentSign(fx.pki.rsa, prepared))).statusCode).toBe(200);

    const doc = await get(s.clerk, id);
    expect(doc).toMatchObject({
      state: 'issued',
      issuePath: 'paper',
      paperReason: 'b',
      number: numbered.json().number,
      placeDate: numbered.json().placeDate,
      paperSignedOn: expect.any(String),
      paperSignedBy: fx.users['giamdoc.snv'],
      paperScannedAt: expect.any(String),
      signedFileId: null,
    });
    expect(doc.events.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['approved', 'numbered', 'paper_signed', 'paper_scanned', 'issued', 'delivered']));
    expect(doc.events.map((e: { kind: string }) => e.kind)).not.toContain('signed');

    const item = (await call(t.app, s.ubnd, 'GET', '/api/incoming/inbox')).json().find((i: { envelope: { subject: string } }) => i.envelope.subject === summary);
    expect(item).toMatchObject({ envelope: { codeNotation: 'QĐ-SNV', codeNumber: numbered.json().numberAndNotation.split('/')[0] }, attachmentFileIds: [] });
    const pdf = await bytes(s.ubnd, item.mainFileId);
    expect(pdf.equals(await bytes(s.clerk, doc.issuedFileId))).toBe(true);
    const words = await pdftotextWords(pdf);
    const stamp = ['SAO Y', item.envelope.issuerName, sealedAt].map((line) => findWords(words, line));
    expect(stamp.every(Boolean)).toBe(true);
    for (const word of stamp.flat()) {
      expect(word!.xMin).toBeGreaterThan(A4[0] / 2);
      expect(word!.yMax).toBeLessThan(100);
    }
    const file = join(dir, 'paper.pdf');
    await writeFile(file, pdf);
    expect((await pdfsig(file, await nssTrusting(join(dir, 'nss'), fx.pki.rootFile))).map((sig) => sig.valid)).toEqual([true]);
    const registered = await post(s.ubnd, `/api/incoming/inbox/${item.id}/register`, {});
    expect([registered.statusCode, registered.json().signatureCheck]).toEqual([201, 'valid']);
    expect((await call(t.app, s.clerk, 'POST', `/api/outgoing/${id}/print-original`)).statusCode).toBe(409);
  });

  it('[Q-11.2b] a scan below the standard is refused with the exact reason, and nothing changes', async () => {
    const { s } = fx;
    const id = await approved({ summary: 'Về việc kiểm tra bản quét chưa đạt chuẩn' });
    expect((await post(s.clerk, `/api/outgoing/${id}/paper/scan`, { fileId: await scan({ dpi: 200, colour: true }) })).statusCode).toBe(409);
    await post(s.clerk, `/api/outgoing/${id}/paper/number`, { paperReason: 'đ' });
    const low = await post(s.clerk, `/api/outgoing/${id}/paper/scan`, { fileId: await scan({ dpi: 150, colour: true }) });
    expect(low.statusCode).toBe(400);
    expect(low.json()).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Bản quét chưa đạt chuẩn số hóa (Q-11.2b): Trang 1 có độ phân giải 150 dpi; bản số hóa cần tối thiểu 200 dpi.',
      details: [{ field: 'fileId', page: 1, code: 'LOW_RESOLUTION', message: 'Trang 1 có độ phân giải 150 dpi; bản số hóa cần tối thiểu 200 dpi.' }],
    });
    const grey = await post(s.clerk, `/api/outgoing/${id}/paper/scan`, { fileId: await scan({ dpi: 300, colour: false }) });
    expect(grey.json().details.map((d: { code: string }) => d.code)).toEqual(['NOT_COLOUR']);
    expect(await get(s.clerk, id)).toMatchObject({ state: 'numbered', issuePath: 'paper', paperScanFileId: null });
  });

  it('[Q-12.1b] [Q-12.2b] one gap-free series for electronic and paper documents', async () => {
    const { s } = fx;
    const first = await throughSigning(fx, { summary: 'Về việc văn bản điện tử trước văn bản giấy' });
    const a = (await post(s.clerk, `/api/outgoing/${first}/number`)).json().number;
    const paper = await approved({ summary: 'Về việc văn bản giấy giữa hai văn bản điện tử', paperReason: 'a' });
    const b = (await post(s.clerk, `/api/outgoing/${paper}/paper/number`, { paperReason: 'a' })).json().number;
    const last = await throughSigning(fx, { summary: 'Về việc văn bản điện tử sau văn bản giấy' });
    const c = (await post(s.clerk, `/api/outgoing/${last}/number`)).json().number;
    expect([b - a, c - b]).toEqual([1, 1]);
  });

  it('[Q-12.2b] [Q-7.2] the paper path keeps the approval, the approved reason and the clerk’s role', async () => {
    const { s } = fx;
    const submitted = await approved({ summary: 'Về việc dự thảo chưa duyệt không in bản giấy' }, false);
    expect((await post(s.clerk, `/api/outgoing/${submitted}/paper/number`, { paperReason: 'b' })).statusCode).toBe(409);
    const id = await approved({ summary: 'Về việc lý do bản giấy đã duyệt', paperReason: 'a' });
    expect((await post(s.drafter, `/api/outgoing/${id}/paper/number`, { paperReason: 'a' })).statusCode).toBe(403);
    const otherReason = await post(s.clerk, `/api/outgoing/${id}/paper/number`, { paperReason: 'b' });
    expect([otherReason.statusCode, otherReason.json().details]).toEqual([400, [{ field: 'paperReason' }]]);
    expect((await post(s.clerk, `/api/outgoing/${id}/paper/number`, { paperReason: 'x' })).statusCode).toBe(400);
    const future = await post(s.clerk, `/api/outgoing/${id}/paper/number`, { paperReason: 'a', signedOn: '2199-01-01' });
    expect([future.statusCode, future.json().details]).toEqual([400, [{ field: 'signedOn' }]]);
    expect(await get(s.clerk, id)).toMatchObject({ state: 'approved', number: null, issuePath: 'electronic' });
  });

  it('[Q-12.2a] [Q-7.2] the clerk prints the paper original of an issued electronic document; the print is audited', async () => {
    const { s, t } = fx;
    const id = await throughSigning(fx, { summary: 'Về việc in bản gốc giấy', paperReason: 'đ' });
    expect((await call(t.app, s.clerk, 'POST', `/api/outgoing/${id}/print-original`)).statusCode).toBe(409);
    await issue(fx, id);
    expect((await call(t.app, s.drafter, 'POST', `/api/outgoing/${id}/print-original`)).statusCode).toBe(403);
    const printed = await call(t.app, s.clerk, 'POST', `/api/outgoing/${id}/print-original`);
    expect([printed.statusCode, printed.json().fileId]).toEqual([200, (await get(s.clerk, id)).issuedFileId]);
    // A GET, as a link on another site would make, records nothing.
    expect((await call(t.app, s.clerk, 'GET', `/api/outgoing/${id}/print-original`)).statusCode).toBe(404);
    const audit = (await call(t.app, s.admin, 'GET', `/api/audit?action=outgoing.original_printed&objectId=${id}`)).json();
    expect(audit).toEqual([expect.objectContaining({ actorId: fx.users['vanthu.snv'], details: expect.objectContaining({ paperReason: 'đ' }) })]);
    expect((await get(s.clerk, id)).events.map((e: { kind: string }) => e.kind)).toContain('original_printed');
  });
});
