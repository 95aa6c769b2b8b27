import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../test/harness/engines.js';
import { A4 } from '../../test/harness/samples.js';
import { call, login } from '../../test/harness/app.js';
import { findWords, pdftotextWords } from '../signing/testing/poppler.js';
import { nssTrusting, pdfsig } from '../signing/testing/tools.js';
import { agentSign, digitise, fileBytes, ok, registerElectronic, registerPaper, setupCopies, type CopiesFixture } from './testkit.js';
import { makeDecisionPdf } from '../signing/testing/decision-pdf.js';
import { keySigner } from '../signing/testing/test-pki.js';

const vietnamIso = (at: Date) => new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 19) + '+07:00';

describeEngines('digitised copies of paper documents', (db) => {
  let fx: CopiesFixture;
  let dir: string;
  let nss: string;

  beforeAll(async () => {
    [fx, dir] = await Promise.all([setupCopies(db()), mkdtemp(join(tmpdir(), 'vanthu-copies-'))]);
    nss = await nssTrusting(join(dir, 'nss'), fx.pki.rootFile);
  });
  afterAll(async () => {
    await fx?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('[Q-11.2b] [Q-8.2b] a SAO Y of a paper document: the scan signed by the agency, the stamp top right of page 1, number 01/SY-SNV', async () => {
    const { t, s } = fx;
    const incomingId = await registerPaper(fx, { dpi: 200, colour: true, pages: 2 });
    const signedAt = vietnamIso(t.clock.now());
    const copy = await digitise(fx, incomingId, 'SAO Y');
    const year = Number(signedAt.slice(0, 4));
    expect(copy).toMatchObject({ sourceType: 'incoming', sourceId: incomingId, form: 'SAO Y', direction: 'digitised', state: 'signed', year, number: 1, notation: 'SY-SNV', numberAndNotation: '01/SY-SNV', pages: null, signer: null, fileId: expect.any(String) });
    expect(ok(await call(t.app, s.clerk, 'GET', `/api/copies/${copy.id}`))).toEqual(copy);
    expect(ok(await call(t.app, s.signer, 'GET', `/api/copies?sourceType=incoming&sourceId=${incomingId}`))).toEqual([copy]);

    const pdf = await fileBytes(fx, copy.fileId);
    const file = join(dir, 'sao-y.pdf');
    await writeFile(file, pdf);
    expect((await pdfsig(file, nss)).map((sig) => [sig.valid, sig.totalDocument])).toEqual([[true, true]]);
    const words = await pdftotextWords(pdf, 1);
    const stamp = ['SAO Y', 'Sở Nội vụ tỉnh Thái Nguyên', signedAt].map((line) => findWords(words, line));
    expect(stamp.every(Boolean)).toBe(true);
    for (const word of stamp.flat()) {
      expect(word!.xMin).toBeGreaterThan(A4[0] / 2);
      expect(word!.yMax).toBeLessThan(100);
    }
    const audit = ok(await call(t.app, s.admin, 'GET', `/api/audit?action=copy.digitised&objectId=${copy.id}`));
    expect(audit).toHaveLength(1);
  });

  it('[Q-11.2b] one series for every copy form: 02/SY, a TRÍCH SAO of page 2 as 03/TrS, a SAO LỤC as 04/SL', async () => {
    const incomingId = await registerPaper(fx, { dpi: 300, colour: true, pages: 3 });
    expect((await digitise(fx, incomingId, 'SAO Y')).numberAndNotation).toBe('02/SY-SNV');
    const excerpt = await digitise(fx, incomingId, 'TRÍCH SAO', { pages: { from: 2, to: 2 } });
    expect(excerpt).toMatchObject({ numberAndNotation: '03/TrS-SNV', pages: { from: 2, to: 2 } });
    const pdf = await fileBytes(fx, excerpt.fileId);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
    expect(findWords(await pdftotextWords(pdf, 1), 'TRÍCH SAO')).toBeDefined();
    expect((await digitise(fx, incomingId, 'SAO LỤC')).numberAndNotation).toBe('04/SL-SNV');
    const listed = ok(await call(fx.t.app, fx.s.clerk, 'GET', `/api/copies?sourceType=incoming&sourceId=${incomingId}`));
    expect(listed.map((c: { numberAndNotation: string }) => c.numberAndNotation)).toEqual(['02/SY-SNV', '03/TrS-SNV', '04/SL-SNV']);
  });

  it('[Q-11.2b] the copy series starts again from 01 on 1 January, Vietnam time', async () => {
    const { t } = fx;
    const now = t.clock.now();
    const year = Number(vietnamIso(now).slice(0, 4));
    const incomingId = await registerPaper(fx);
    try {
      t.clock.set(`${year}-12-31T23:59:59+07:00`);
      await fx.relogin();
      expect(await digitise(fx, incomingId, 'SAO Y')).toMatchObject({ year, number: 5, numberAndNotation: '05/SY-SNV', madeAt: new Date(`${year}-12-31T23:59:59+07:00`).toISOString() });
      t.clock.set(`${year + 1}-01-01T00:00:00+07:00`);
      await fx.relogin();
      expect(await digitise(fx, incomingId, 'SAO Y')).toMatchObject({ year: year + 1, number: 1, numberAndNotation: '01/SY-SNV' });
      expect((await digitise(fx, incomingId, 'TRÍCH SAO', { pages: { from: 1, to: 1 } })).numberAndNotation).toBe('02/TrS-SNV');
    } finally {
      t.clock.set(now);
      await fx.relogin();
    }
  });

  it('[Q-5.3b] [Q-11.2b] only the clerk holding the agency device signs; others are refused and nothing is numbered', async () => {
    const { t, s } = fx;
    const incomingId = await registerPaper(fx);
    const prepare = (session: typeof s.clerk, body: Record<string, unknown> = {}) => call(t.app, session, 'POST', '/api/copies/digitised/prepare', { incomingId, form: 'SAO Y', certificateId: fx.orgCert, ...body });
    ok(await call(t.app, s.admin, 'POST', '/api/users', { username: 'vanthu2.snv', fullName: 'Trần Thị Bình', password: 'demo-Pass-2026', agencyId: t.agencies.snv, positionTitle: 'Văn thư', roles: ['clerk'] }), 201);
    const other = await login(t.app, 'vanthu2.snv', 'demo-Pass-2026');
    const refused = await prepare(other);
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'FORBIDDEN']);
    expect(refused.json().message).toMatch(/đang giữ thiết bị/);
    expect((await prepare(s.drafter)).statusCode).toBe(403);
    expect((await prepare(await login(t.app, 'vanthu.skhcn'))).statusCode).toBe(404);
    expect((await prepare(s.clerk, { form: 'TRÍCH SAO' })).json().details).toEqual([{ field: 'pages' }]);
    expect((await prepare(s.clerk, { pages: { from: 1, to: 1 } })).statusCode).toBe(400);
    expect((await prepare(s.clerk, { form: 'TRÍCH SAO', pages: { from: 2, to: 3 } })).json().message).toBe('Văn bản chỉ có 1 trang.');
    expect((await prepare(s.clerk, { form: 'BẢN SAO' })).statusCode).toBe(400);
    const electronic = await registerElectronic(fx, (await makeDecisionPdf()).pdf);
    expect((await prepare(s.clerk, { incomingId: electronic })).statusCode).toBe(409);

    // Prepared by the holder, answered by someone else or with another key: refused, no number used.
    const prepared = ok(await prepare(s.clerk));
    expect((await call(t.app, other, 'POST', '/api/copies/digitised/complete', await agentSign(fx.pki.rsa, prepared))).statusCode).toBe(404);
    const forged = await keySigner(fx.pki.untrusted).sign(Buffer.from(prepared.request.toBeSigned, 'base64'));
    expect((await call(t.app, s.clerk, 'POST', '/api/copies/digitised/complete', { sessionId: prepared.sessionId, signature: forged.toString('base64') })).statusCode).toBe(400);
    expect(ok(await call(t.app, s.clerk, 'GET', `/api/copies/${prepared.copyId}`))).toMatchObject({ state: 'prepared', number: null, fileId: null });
    expect(ok(await call(t.app, s.clerk, 'GET', `/api/copies?sourceType=incoming&sourceId=${incomingId}`))).toEqual([]);
    expect((await call(t.app, await login(t.app, 'vanthu.skhcn'), 'GET', `/api/copies/${prepared.copyId}`)).statusCode).toBe(404);
    const done = ok(await call(t.app, s.clerk, 'POST', '/api/copies/digitised/complete', await agentSign(fx.pki.rsa, prepared)));
    expect(done).toMatchObject({ id: prepared.copyId, state: 'signed', numberAndNotation: expect.stringMatching(/^\d\d\/SY-SNV$/) });
    expect((await call(t.app, s.clerk, 'POST', '/api/copies/digitised/complete', await agentSign(fx.pki.rsa, prepared))).statusCode).toBe(409);
  });
});
