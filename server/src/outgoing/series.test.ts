/**
 * Separate numbering series kept as data (issue 5, "Series"): a council issuing under the agency's
 * seal numbers its decisions in its own series with its own abbreviation, from 01, beside the
 * agency's default series; a type belongs to one series only; only the administrator declares them.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../test/harness/engines.js';
import { call } from '../../test/harness/app.js';
import { draftBody, draftPdf, issue, setupOutgoing, throughSigning, upload, type OutgoingFixture } from './testkit.js';

describeEngines('outgoing numbering series', (db) => {
  let fx: OutgoingFixture;
  beforeAll(async () => {
    fx = await setupOutgoing(db());
  });
  afterAll(() => fx?.close());

  const council = { code: 'HDTDKT', name: 'Sổ văn bản của Hội đồng Thi đua - Khen thưởng', typeCodes: [], issuerAbbreviation: 'HĐTĐKT' };

  it('[Q-12.1b] a council’s series numbers from 01 with its own abbreviation, apart from the agency’s series', async () => {
    const { t, s } = fx;
    const created = await call(t.app, s.admin, 'POST', '/api/outgoing/series', council);
    expect(created.statusCode).toBe(201);
    expect((await call(t.app, s.drafter, 'GET', '/api/outgoing/series')).json()).toEqual([expect.objectContaining({ code: 'HDTDKT', issuerAbbreviation: 'HĐTĐKT' })]);

    const agencyFirst = await issue(fx, await throughSigning(fx));
    const councilFirst = await issue(fx, await throughSigning(fx, { series: 'HDTDKT', summary: 'Về việc khen thưởng tập thể, cá nhân năm 2026' }));
    const agencySecond = await issue(fx, await throughSigning(fx));
    expect([agencyFirst.numberAndNotation, councilFirst.numberAndNotation, agencySecond.numberAndNotation]).toEqual(['01/QĐ-SNV', '01/QĐ-HĐTĐKT', '02/QĐ-SNV']);
  });

  it('a type numbered in one series cannot join another; unknown types and codes taken are refused', async () => {
    const { t, s } = fx;
    const normative = { code: 'QPPL', name: 'Sổ văn bản quy phạm pháp luật', typeCodes: ['QĐ'] };
    expect((await call(t.app, s.admin, 'POST', '/api/outgoing/series', normative)).statusCode).toBe(201);
    const again = await call(t.app, s.admin, 'POST', '/api/outgoing/series', { ...normative, code: 'QPPL2' });
    expect([again.statusCode, again.json().message]).toEqual([409, 'Loại văn bản QĐ đã thuộc sổ "QPPL".']);
    expect((await call(t.app, s.admin, 'POST', '/api/outgoing/series', { ...council, typeCodes: [] })).statusCode).toBe(409);
    const unknown = await call(t.app, s.admin, 'POST', '/api/outgoing/series', { code: 'X', name: 'Sổ thử', typeCodes: ['ZZ'] });
    expect([unknown.statusCode, unknown.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    // A draft names a declared series or none: an unknown one is refused when saved, not at numbering.
    const draft = await call(t.app, s.drafter, 'POST', '/api/outgoing', draftBody(fx, await upload(fx, s.drafter, 'du-thao.pdf', await draftPdf()), { series: 'CHUA_CO' }));
    expect([draft.statusCode, draft.json().details]).toEqual([400, [{ field: 'series' }]]);
  });

  it('the system administrator keeps the series of any agency; each agency sees only its own', async () => {
    const { t, s } = fx;
    const ubndSeries = { agencyId: t.agencies.ubnd, code: 'HDND', name: 'Sổ văn bản của Ban chỉ đạo tỉnh', typeCodes: [], issuerAbbreviation: 'BCĐ' };
    expect((await call(t.app, s.admin, 'POST', '/api/outgoing/series', ubndSeries)).statusCode).toBe(201);
    expect((await call(t.app, s.ubnd, 'GET', '/api/outgoing/series')).json()).toEqual([expect.objectContaining({ code: 'HDND' })]);
    expect((await call(t.app, s.clerk, 'GET', '/api/outgoing/series')).json().map((x: { code: string }) => x.code)).not.toContain('HDND');
    expect((await call(t.app, s.clerk, 'GET', `/api/outgoing/series?agencyId=${t.agencies.ubnd}`)).statusCode).toBe(404);
    expect((await call(t.app, s.admin, 'GET', `/api/outgoing/series?agencyId=${t.agencies.ubnd}`)).json()).toHaveLength(1);
  });

  it('only the administrator declares or changes a series', async () => {
    const { t, s } = fx;
    expect((await call(t.app, s.clerk, 'POST', '/api/outgoing/series', { code: 'VT', name: 'Sổ của văn thư', typeCodes: [] })).statusCode).toBe(403);
    const [first] = (await call(t.app, s.clerk, 'GET', '/api/outgoing/series')).json();
    expect((await call(t.app, s.clerk, 'PATCH', `/api/outgoing/series/${first.id}`, { name: 'Đổi tên', typeCodes: [] })).statusCode).toBe(403);
    const renamed = await call(t.app, s.admin, 'PATCH', `/api/outgoing/series/${first.id}`, { name: 'Sổ của Hội đồng Thi đua - Khen thưởng tỉnh', typeCodes: [], issuerAbbreviation: 'HĐTĐKT' });
    expect(renamed.json()).toMatchObject({ code: first.code, name: 'Sổ của Hội đồng Thi đua - Khen thưởng tỉnh' });
  });
});
