import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../test/harness/engines.js';
import { call, login, startTestApp, type Session, type TestApp } from '../../test/harness/app.js';
import { multipart, pdfBytes, pngBytes, scanPdf } from '../../test/harness/samples.js';

const paper = (over: Record<string, unknown> = {}) => ({
  source: 'paper',
  issuerName: 'Ủy ban nhân dân tỉnh Thái Nguyên',
  issuerCode: '000.00.00.H55',
  typeName: 'Quyết định',
  codeNumber: '125',
  codeNotation: 'QĐ-UBND',
  issuedDate: '2026-02-27',
  subject: 'Về việc phê duyệt kế hoạch cải cách hành chính năm 2026',
  signerPosition: 'Chủ tịch',
  signerName: 'Trịnh Việt Hùng',
  ...over,
});

describeEngines('incoming registration', (db) => {
  let t: TestApp;
  let clerk: Session;
  let counter = 0;
  /** A unique document each time, so the duplicate check stays out of the way. */
  const unique = (over: Record<string, unknown> = {}) => paper({ codeNumber: String(1000 + ++counter), ...over });
  const register = (body: unknown, s: Session = clerk) => call(t.app, s, 'POST', '/api/incoming', body);
  const upload = async (name: string, content: Buffer, s: Session = clerk) => {
    const body = multipart(name, content);
    const res = await t.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': body.contentType }, payload: body.payload });
    return res.json().id as string;
  };

  beforeAll(async () => {
    t = await startTestApp(db());
    t.clock.set('2026-03-02T17:30:00Z'); // 00:30 on 3 March in Vietnam
    clerk = await login(t.app, 'vanthu.snv');
  });
  afterAll(async () => t.close());

  it('[Q-11.1b] [Q-11.2a] registers a paper document with the next số đến and the arrival date in Vietnam time', async () => {
    const res = await register(unique());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ arrivalNumber: 1, year: 2026, arrivalDate: '2026-03-03', signatureCheck: 'not_applicable', urgencyLabel: 'Thường', status: 'registered' });
    expect((await register(unique())).json().arrivalNumber).toBe(2);
  });

  it('[Q-11.1b] fifty clerks at once get consecutive numbers with no gap or duplicate', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => register(unique())));
    const numbers = results.map((r) => r.json().arrivalNumber).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 3));
  });

  it('[Q-1.2] [Q-6.1d2] refuses a Mật, Tối mật or Tuyệt mật document, records the refusal and uses no number', async () => {
    for (const secrecy of ['mat', 'toi_mat', 'tuyet_mat']) {
      const res = await register(unique({ secrecy }));
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('SECRET_DOCUMENT_REFUSED');
      expect(res.json().message).toMatch(/không được đưa vào hệ thống/);
    }
    const admin = await login(t.app, 'admin');
    expect((await call(t.app, admin, 'GET', '/api/audit?action=incoming.refused_secret')).json()).toHaveLength(3);
    expect((await register(unique())).json().arrivalNumber).toBe(53);
  });

  it('warns of a duplicate (same number, symbol and issuer, with or without diacritics) and registers it when confirmed', async () => {
    await register(paper({ codeNumber: '77', codeNotation: 'KH-UBND' }));
    const dup = await register(paper({ codeNumber: '77', codeNotation: 'kh-ubnd', issuerName: 'UY BAN NHAN DAN TINH THAI NGUYEN' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('DUPLICATE_SUSPECTED');
    expect(dup.json().details.matches[0]).toMatchObject({ codeNumber: '77', codeNotation: 'KH-UBND' });
    const byId = await register(unique({ documentIdentifier: '000.00.00.H55.2026.77' }));
    expect(byId.statusCode).toBe(201);
    expect((await register(unique({ documentIdentifier: '000.00.00.H55.2026.77' }))).json().code).toBe('DUPLICATE_SUSPECTED');
    const confirmed = await register(paper({ codeNumber: '77', codeNotation: 'KH-UBND', acknowledgeDuplicate: true }));
    expect(confirmed.statusCode).toBe(201);
  });

  it('a cancelled entry keeps its number and the next registration continues after it', async () => {
    const doc = (await register(unique())).json();
    const cancel = await call(t.app, clerk, 'POST', `/api/incoming/${doc.id}/cancel`, { reason: 'Đăng ký nhầm văn bản' });
    expect(cancel.json()).toMatchObject({ status: 'cancelled', arrivalNumber: doc.arrivalNumber, cancelReason: 'Đăng ký nhầm văn bản' });
    expect((await call(t.app, clerk, 'POST', `/api/incoming/${doc.id}/cancel`, { reason: 'Hủy lần hai' })).statusCode).toBe(409);
    expect((await register(unique())).json().arrivalNumber).toBe(doc.arrivalNumber + 1);
  });

  it('an electronic document needs a PDF main file of this agency; attachments are kept in order', async () => {
    const pdf = await upload('Quyết định 125.pdf', pdfBytes('qd125'));
    const png = await upload('phu-luc.png', pngBytes());
    const res = await register(unique({ source: 'upload', mainFileId: pdf, attachmentFileIds: [png] }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ signatureCheck: 'indeterminate', signatureReport: { message: expect.stringMatching(/chữ ký/i) }, files: [{ fileId: pdf, role: 'main' }, { fileId: png, role: 'attachment' }] });
    expect((await register(unique({ source: 'upload' }))).json().message).toMatch(/tệp văn bản chính/);
    expect((await register(unique({ source: 'upload', mainFileId: png }))).json().message).toMatch(/phải là PDF/);
    const otherAgencyFile = await upload('khac.pdf', pdfBytes('khac'), await login(t.app, 'vanthu.ubnd'));
    const foreign = await register(unique({ source: 'upload', mainFileId: otherAgencyFile }));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toMatch(/không thuộc cơ quan/);
  });

  it('bad input changes nothing: over-long fields, wrong types, unknown source, future arrival', async () => {
    const before = (await call(t.app, clerk, 'GET', '/api/incoming?limit=1')).json()[0].arrivalNumber;
    const bad = [
      unique({ subject: 'x'.repeat(501) }),
      unique({ codeNumber: '123456789012' }),
      unique({ codeNotation: 'x'.repeat(31) }),
      unique({ signerName: 'x'.repeat(51) }),
      unique({ toPlaces: 'x'.repeat(1001) }),
      unique({ urgency: 'khẩn' }),
      unique({ urgency: 9 }),
      unique({ source: 'fax' }),
      unique({ issuedDate: '2026-02-30' }),
      unique({ arrivedAt: '2030-01-01T00:00:00+07:00' }),
      unique({ urgency: 4 }),
    ];
    for (const body of bad) {
      const res = await register(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    expect((await call(t.app, clerk, 'GET', '/api/incoming?limit=1')).json()[0].arrivalNumber).toBe(before);
  });

  it('[Q-6.2a] [Q-11.1a] only the clerk registers; another agency cannot read the document (404)', async () => {
    expect((await register(unique(), await login(t.app, 'chuyenvien.snv'))).statusCode).toBe(403);
    const doc = (await register(unique())).json();
    expect((await call(t.app, await login(t.app, 'vanthu.ubnd'), 'GET', `/api/incoming/${doc.id}`)).statusCode).toBe(404);
    const head = await login(t.app, 'giamdoc.snv');
    expect((await call(t.app, head, 'GET', `/api/incoming/${doc.id}`)).statusCode).toBe(200);
    const reads = (await call(t.app, await login(t.app, 'admin'), 'GET', `/api/audit?action=incoming.read&objectId=${doc.id}`)).json();
    expect(reads[0].actorName).toBe('giamdoc.snv');
  });

  it('[Q-3.7] searches by number, symbol, issuer and summary, with or without diacritics', async () => {
    await register(unique({ subject: 'Về việc đôn đốc nộp hồ sơ lưu trữ', codeNotation: 'CV-SKHCN', issuerName: 'Sở Khoa học và Công nghệ tỉnh Thái Nguyên' }));
    for (const q of ['don doc', 'đôn đốc', 'KHOA HOC CONG NGHE', 'cv-skhcn']) {
      const found = (await call(t.app, clerk, 'GET', `/api/incoming?q=${encodeURIComponent(q)}`)).json();
      expect(found.map((d: { subject: string }) => d.subject), q).toContain('Về việc đôn đốc nộp hồ sơ lưu trữ');
    }
    expect((await call(t.app, clerk, 'GET', `/api/incoming?q=${encodeURIComponent('không có gì như vậy')}`)).json()).toEqual([]);
  });

  it("[Q-11.2b] a paper document's scan must meet the digitisation standard; the failure names the page and resolution", async () => {
    const low = await upload('ban-quet.pdf', await scanPdf({ dpi: 150, colour: true }));
    const check = (await call(t.app, clerk, 'POST', '/api/incoming/scan-check', { fileId: low })).json();
    expect(check).toMatchObject({ ok: false, problems: [{ page: 1, code: 'LOW_RESOLUTION' }] });
    const refused = await register(unique({ mainFileId: low }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toBe('Bản số hóa chưa đạt chuẩn: Trang 1 có độ phân giải 150 dpi; bản số hóa cần tối thiểu 200 dpi.');
    const good = await upload('ban-quet-dat.pdf', await scanPdf({ dpi: 200, colour: true }));
    const ok = await register(unique({ mainFileId: good }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ source: 'paper', files: [{ fileId: good, role: 'main' }] });
  });

  it('[Q-11.1b] registrations arriving together share a commit: numbers with no gap, in the order of the audit chain, refusals use none, a duplicate within one batch is still caught', async () => {
    const first = (await register(unique())).json().arrivalNumber as number;
    const twin = paper({ codeNumber: '4242', codeNotation: 'TB-UBND' });
    const bodies = Array.from({ length: 120 }, (_, i) => (i === 40 || i === 41 ? twin : i % 20 === 7 ? paper({ codeNumber: '125', codeNotation: 'CT-UBND' }) : unique()));
    const results = await Promise.all(bodies.map((body) => register(body)));
    const ok = results.filter((r) => r.statusCode === 201).map((r) => r.json());
    const refused = results.filter((r) => r.statusCode !== 201).map((r) => r.json());
    expect(refused).toHaveLength(6); // five more of '125' and one twin
    expect(refused.every((r) => r.code === 'DUPLICATE_SUSPECTED')).toBe(true);
    expect(refused.some((r) => r.details.matches.some((m: { codeNumber: string }) => m.codeNumber === '4242'))).toBe(true);
    expect(ok.filter((d) => d.codeNumber === '4242')).toHaveLength(1);
    const numbers = ok.map((d) => d.arrivalNumber).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: ok.length }, (_, i) => first + 1 + i));
    // The audit chain records the registrations in the order of their numbers, and still holds.
    const admin = await login(t.app, 'admin');
    const logged = (await call(t.app, admin, 'GET', '/api/audit?action=incoming.register&limit=500')).json() as { details: { arrivalNumber: number } }[];
    const loggedNumbers = logged.map((e) => e.details.arrivalNumber).filter((n) => n > first).reverse();
    expect(loggedNumbers).toEqual(numbers);
    expect((await call(t.app, admin, 'GET', '/api/audit/verify')).json()).toMatchObject({ problemCount: 0, problems: [] });
  });
});
