import { PDFDocument } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEngines } from '../../test/harness/engines.js';
import { call, login } from '../../test/harness/app.js';
import { findWords, pdftotext, pdftotextWords } from '../signing/testing/poppler.js';
import { makeDecisionPdf } from '../signing/testing/decision-pdf.js';
import { placeLines } from './printed.js';
import { formatNumber, placeDateLine } from '../shared/legal-format.js';
import { legalYear } from '../infra/time/legal-time.js';
import { registerState } from '../registers/index.js';
import { fileBytes, ok, registerElectronic, registerPaper, setupCopies, type CopiesFixture } from './testkit.js';

describe('copy block text', () => {
  it('[Q-11.2c] places are one per line, "- …;" and the last "- …."; the date has leading zeros for days below 10 and months 1–2', () => {
    expect(placeLines('UBND tỉnh (để b/c); Phòng Nội vụ;\nLưu: VT.')).toEqual(['- UBND tỉnh (để b/c); Phòng Nội vụ;', '- Lưu: VT.']);
    expect(placeLines('Như trên; Lưu: VT')).toEqual(['- Như trên;', '- Lưu: VT.']);
    expect(placeDateLine('Thái Nguyên', '2026-01-05')).toBe('Thái Nguyên, ngày 05 tháng 01 năm 2026');
    expect(placeDateLine('Thái Nguyên', '2026-11-25')).toBe('Thái Nguyên, ngày 25 tháng 11 năm 2026');
  });
});

describeEngines('printed paper copies of electronic documents', (db) => {
  let fx: CopiesFixture;
  const print = (body: Record<string, unknown>, s = fx.s.clerk) => call(fx.t.app, s, 'POST', '/api/copies/printed', body);
  const body = (incomingId: string, over: Record<string, unknown> = {}) => ({
    incomingId,
    form: 'SAO Y',
    signerId: fx.users['phogiamdoc.snv'],
    signerAuthority: 'KT. GIÁM ĐỐC',
    toPlaces: 'Phòng Văn thư - Lưu trữ;\nLưu: VT.',
    ...over,
  });

  /** The copy series runs on across tests (one per agency and year): each reads where it stands, so each runs alone too. */
  const nextNumber = async () => (await registerState(db().db, fx.t.agencies.snv, 'copy', legalYear(fx.t.clock.now())))?.next_number ?? 1;
  const numbered = (n: number, symbol: string) => `${formatNumber(n)}/${symbol}-SNV`;

  beforeAll(async () => {
    fx = await setupCopies(db());
  });
  afterAll(async () => fx?.close());

  it('[Q-11.2c] a SAO Y: the original page, then below its last line the copy block of Phụ lục I Phần II', async () => {
    const { pdf: original } = await makeDecisionPdf({ blockBaseline: 520 });
    const incomingId = await registerElectronic(fx, original);
    const n = await nextNumber();
    const made = ok(await print(body(incomingId)), 201);
    expect(made.copy).toMatchObject({ form: 'SAO Y', direction: 'printed', state: 'printed', numberAndNotation: numbered(n, 'SY'), pages: null, fileId: made.fileId });
    expect(made.copy.signer).toEqual({ userId: fx.users['phogiamdoc.snv'], position: 'Phó Giám đốc', name: 'Vũ Thị Hồng' });
    const pdf = await fileBytes(fx, made.fileId);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
    const words = await pdftotextWords(pdf, 1);
    const lines = ['SAO Y', 'SỞ NỘI VỤ TỈNH THÁI NGUYÊN', `Số: ${numbered(n, 'SY')}`, 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Vũ Thị Hồng', '- Phòng Văn thư - Lưu trữ;', '- Lưu: VT.'];
    for (const line of lines) expect(findWords(words, line), line).toBeDefined();
    expect(await pdftotext(pdf, 1)).toMatch(/Thái Nguyên, ngày \d\d tháng \d+ năm 2026/);
    // The original's lowest line (its signer's name) is above the rule, and "Nơi nhận:" appears twice: the original's, then the copy's.
    const form = findWords(words, 'SAO Y')![0];
    const originalName = words.filter((w) => w.text === 'Ánh').at(-1)!;
    expect(originalName.yMax).toBeLessThan(form.yMin);
    const places = words.filter((w) => w.text === 'nhận:');
    expect(places).toHaveLength(2);
    expect(places[1].yMin).toBeGreaterThan(form.yMax);
    const audit = ok(await call(fx.t.app, fx.s.admin, 'GET', `/api/audit?action=copy.printed&objectId=${made.copy.id}`));
    expect(audit).toHaveLength(1);
  });

  it('[Q-11.2c] with no room under the last line the block goes on a new A4 page', async () => {
    const incomingId = await registerElectronic(fx, (await makeDecisionPdf()).pdf);
    const n = await nextNumber();
    const made = ok(await print(body(incomingId, { signerAuthority: undefined, signerPosition: 'Chánh Văn phòng', signerId: fx.users['truongphong.snv'] })), 201);
    expect(made.copy.numberAndNotation).toBe(numbered(n, 'SY'));
    const pdf = await fileBytes(fx, made.fileId);
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(2);
    expect(doc.getPage(1).getSize()).toEqual({ width: 595.28, height: 841.89 });
    expect(findWords(await pdftotextWords(pdf, 1), 'SAO Y')).toBeUndefined();
    const words = await pdftotextWords(pdf, 2);
    for (const line of ['SAO Y', `Số: ${numbered(n, 'SY')}`, 'CHÁNH VĂN PHÒNG', 'Lê Văn Hải', 'Nơi nhận:']) expect(findWords(words, line), line).toBeDefined();
    expect(findWords(words, 'SAO Y')![0].yMin).toBeLessThan(100);
  });

  it('[Q-11.2c] a TRÍCH SAO keeps only the chosen pages, numbered in the same series as TrS', async () => {
    const incomingId = await registerElectronic(fx, (await makeDecisionPdf({ pages: 3, blockBaseline: 560 })).pdf);
    const n = await nextNumber();
    expect(ok(await print(body(incomingId)), 201).copy.numberAndNotation).toBe(numbered(n, 'SY'));
    const made = ok(await print(body(incomingId, { form: 'TRÍCH SAO', pages: { from: 2, to: 3 } })), 201);
    expect(made.copy).toMatchObject({ numberAndNotation: numbered(n + 1, 'TrS'), pages: { from: 2, to: 3 } });
    const pdf = await fileBytes(fx, made.fileId);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(2);
    expect(findWords(await pdftotextWords(pdf, 1), 'QUYẾT ĐỊNH')).toBeUndefined();
    expect((await pdftotext(pdf, 1)).trim().split('\n')[0].trim()).toBe('2');
    const words = await pdftotextWords(pdf, 2);
    for (const line of ['TRÍCH SAO', `Số: ${numbered(n + 1, 'TrS')}`]) expect(findWords(words, line), line).toBeDefined();
  });

  it('[Q-11.2c] bad requests are refused with the field named, and use no number', async () => {
    const { t, s } = fx;
    const incomingId = await registerElectronic(fx, (await makeDecisionPdf({ pages: 2 })).pdf);
    const n = await nextNumber();
    const refused = async (over: Record<string, unknown>, status: number, session = s.clerk) => {
      const res = await print(body(incomingId, over), session);
      expect(res.statusCode, JSON.stringify(over)).toBe(status);
      return res.json();
    };
    expect((await refused({ form: 'TRÍCH SAO' }, 400)).details).toEqual([{ field: 'pages' }]);
    expect((await refused({ pages: { from: 1, to: 1 } }, 400)).details).toEqual([{ field: 'pages' }]);
    expect((await refused({ form: 'TRÍCH SAO', pages: { from: 2, to: 5 } }, 400)).message).toBe('Văn bản chỉ có 2 trang.');
    const outsider = ok(await call(t.app, await login(t.app, 'vanthu.ubnd'), 'GET', '/api/auth/me')).user.id;
    expect((await refused({ signerId: outsider }, 400)).details).toEqual([{ field: 'signerId' }]);
    // Điều 27: a leader signs copies, not any member of staff.
    expect((await refused({ signerId: fx.users['chuyenvien.snv'] }, 400)).details).toEqual([{ field: 'signerId' }]);
    expect((await refused({ toPlaces: ' ; ; ' }, 400)).details).toEqual([{ field: 'toPlaces' }]);
    expect((await refused({}, 403, s.drafter)).code).toBe('FORBIDDEN');
    expect((await refused({}, 404, await login(t.app, 'vanthu.skhcn'))).code).toBe('NOT_FOUND');
    const paths = Object.keys(ok(await call(t.app, null, 'GET', '/api/openapi.json')).paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/copies/printed', '/api/copies/digitised/prepare', '/api/copies/digitised/complete', '/api/copies/', '/api/copies/{id}']));
    const paper = await registerPaper(fx);
    expect((await print(body(paper))).statusCode).toBe(409);
    expect(ok(await print(body(incomingId)), 201).copy.numberAndNotation).toBe(numbered(n, 'SY'));
  });
});
