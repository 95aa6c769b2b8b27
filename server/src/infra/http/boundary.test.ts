/**
 * What a client sends is judged at the boundary, for every route at once: text with control
 * characters or broken Unicode, numbers and dates out of range, blank text. The routes and their
 * fields are read from the app's own OpenAPI document, so a new route is covered without a word here.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness/engines.js';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/harness/app.js';
import { multipart } from '../../../test/harness/samples.js';
import { hasType, leaves, routeInputs, type RouteInput } from './route-inputs.js';
import { YEARS } from './schemas.js';

const NUL = 'a\u0000b';
const CONTROL = 'a\u001bb';
const LONE_SURROGATE = 'a\ud800b';

/** A value that puts `leaf` at `path` inside an otherwise empty body. */
function nest(path: string[], leaf: unknown): unknown {
  if (!path.length) return leaf;
  const [head, ...rest] = path;
  return head === '0' ? [nest(rest, leaf)] : { [head]: nest(rest, leaf) };
}

/** Files of the store on disk (blobs and temp files). */
async function filesOn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describeEngines('the request boundary: text, ranges and blanks on every route', (db) => {
  let t: TestApp;
  let clerk: Session, admin: Session;
  let inputs: RouteInput[];
  const base = { source: 'paper', issuerName: 'Bộ Nội vụ', typeName: 'Công văn', subject: 'Về việc kiểm tra dữ liệu ở biên' };

  /** The request that carries `value` in one input, every other path parameter a valid id. */
  function request(input: RouteInput, leafPath: string[], value: string) {
    let url = input.path.replace(/\{([^}]+)\}/g, (_m, name: string) => (input.where === 'params' && name === input.name ? encodeURIComponent(value) : randomUUID()));
    const payload = input.where === 'body' ? { [input.name]: nest(leafPath, value) } : undefined;
    if (input.where === 'querystring') url += `?${input.name}=${encodeURIComponent(value)}`;
    return call(t.app, clerk, input.method as 'GET', url, payload ?? (['POST', 'PUT', 'PATCH'].includes(input.method) ? {} : undefined));
  }

  beforeAll(async () => {
    t = await startTestApp(db());
    t.clock.set('2026-05-05T08:00:00+07:00');
    [clerk, admin] = await Promise.all(['vanthu.snv', 'admin'].map((u) => login(t.app, u)));
    await t.app.ready();
    inputs = routeInputs(t.app.swagger());
  });
  afterAll(async () => t.close());

  it('every string of every route refuses NUL, other control characters and lone surrogates: 400 naming the field, never 500', async () => {
    let checked = 0;
    for (const input of inputs) {
      for (const leaf of leaves(input.schema).filter((l) => hasType(l.schema, 'string'))) {
        // A URL carries UTF-8 only, so an unpaired surrogate can reach the server in a JSON body alone.
        const values = input.where === 'body' ? [NUL, CONTROL, LONE_SURROGATE] : [NUL, CONTROL];
        for (const value of values) {
          const res = await request(input, leaf.path, value);
          const what = `${input.method} ${input.path} ${input.where}/${[input.name, ...leaf.path].join('/')} ${JSON.stringify(value)}`;
          expect(res.statusCode, `${what}: ${res.body}`).toBe(400);
          // A query parameter given once is one string, not a list of one.
          const field = input.where === 'body' ? `body/${[input.name, ...leaf.path].join('/')}` : `${input.where}/${input.name}`;
          expect(res.json(), what).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Dữ liệu gửi lên chứa ký tự không hợp lệ.', details: expect.arrayContaining([expect.objectContaining({ field, rule: 'text', message: expect.stringMatching(/^chứa ký tự/) })]) });
          checked++;
        }
      }
    }
    // Logins, searches, registrations, comments…: the table is the app's, and it is not empty.
    expect(checked).toBeGreaterThan(300);
    expect(inputs.some((i) => i.path === '/api/auth/login' && i.name === 'username')).toBe(true);
    expect(inputs.some((i) => i.path === '/api/incoming/' && i.where === 'querystring' && i.name === 'q')).toBe(true);
  });

  it('[Q-1.2] a secret document whose fields carry a lone surrogate is refused as bad text before anything is logged half-way; the plain refusal is still logged', async () => {
    const bad = await call(t.app, clerk, 'POST', '/api/incoming', { ...base, secrecy: 'mat', subject: `Về việc ${LONE_SURROGATE}` });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    const refused = await call(t.app, clerk, 'POST', '/api/incoming', { ...base, secrecy: 'mat' });
    expect(refused.json().code).toBe('SECRET_DOCUMENT_REFUSED');
    const log = (await call(t.app, admin, 'GET', '/api/audit?action=incoming.refused_secret')).json();
    expect(log.length).toBe(1);
  });

  it('text is kept in Unicode NFC whatever the keyboard sent: a decomposed subject is stored composed and found by a composed search', async () => {
    const decomposed = 'Về việc thử chuẩn hoá Unicode'.normalize('NFD');
    const res = await call(t.app, clerk, 'POST', '/api/incoming', { ...base, subject: decomposed });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().subject).toBe(decomposed.normalize('NFC'));
    const found = (await call(t.app, clerk, 'GET', `/api/incoming?q=${encodeURIComponent('chuẩn hoá'.normalize('NFD'))}`)).json();
    expect(found.map((d: { id: string }) => d.id)).toContain(res.json().id);
  });

  it('an upload whose name carries NUL or a control character is refused before a byte is kept: no file on disk, no row', async () => {
    const before = await filesOn(t.filesDir);
    for (const name of ['van\u0000ban.pdf', 'van\u0007ban.pdf']) {
      const body = multipart(name, Buffer.from('%PDF-1.4\n%%EOF\n'));
      const res = await t.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf, 'content-type': body.contentType }, payload: body.payload });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/^Tên tệp chứa ký tự điều khiển/), details: [{ field: 'file', rule: 'text' }] });
    }
    expect(await filesOn(t.filesDir)).toEqual(before);
    // A long name is cut by characters: no surrogate pair is split in half.
    const long = `${'📄'.repeat(300)}.pdf`;
    const body = multipart(long, Buffer.from('%PDF-1.4\n%%EOF\n'));
    const ok = await t.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf, 'content-type': body.contentType }, payload: body.payload });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().originalName).toBe('📄'.repeat(255));
  });

  it('every integer and number a route accepts has an upper bound; every date and moment lies in the years a record can bear', () => {
    const unbounded: string[] = [];
    for (const input of inputs) {
      for (const { path, schema } of leaves(input.schema)) {
        const where = `${input.method} ${input.path} ${input.where}/${[input.name, ...path].join('/')}`;
        if ((hasType(schema, 'integer') || hasType(schema, 'number')) && schema.maximum === undefined && schema.enum === undefined) unbounded.push(`${where}: no maximum`);
        if ((schema.format === 'date' || schema.format === 'date-time') && !schema.pattern?.startsWith('^(19|2[01])')) unbounded.push(`${where}: ${schema.format} without the year range`);
      }
    }
    expect(unbounded).toEqual([]);
    expect(YEARS).toEqual({ min: 1900, max: 2199 });
  });

  it('out-of-range numbers and impossible dates answer 400 with Vietnamese details, not 500', async () => {
    const cases: [Session, 'GET' | 'POST' | 'DELETE', string, unknown, string, string][] = [
      [clerk, 'GET', '/api/incoming?offset=1e20', undefined, 'querystring/offset', 'maximum'],
      [clerk, 'GET', '/api/outgoing?offset=1e20', undefined, 'querystring/offset', 'maximum'],
      [clerk, 'GET', '/api/incoming?fromNumber=99999999999', undefined, 'querystring/fromNumber', 'maximum'],
      [clerk, 'GET', '/api/incoming/register.pdf?fromNumber=99999999999', undefined, 'querystring/fromNumber', 'maximum'],
      [admin, 'GET', '/api/audit?beforeSeq=1e20', undefined, 'querystring/beforeSeq', 'maximum'],
      [clerk, 'POST', '/api/incoming', { ...base, issuedDate: '0000-01-01' }, 'body/issuedDate', 'pattern'],
      [clerk, 'POST', '/api/incoming', { ...base, issuedDate: '2026-02-30' }, 'body/issuedDate', 'format'],
      [clerk, 'POST', '/api/incoming', { ...base, arrivedAt: '0001-01-01T00:00:00Z' }, 'body/arrivedAt', 'pattern'],
      [clerk, 'GET', '/api/incoming?fromDate=9999-12-31', undefined, 'querystring/fromDate', 'pattern'],
      [admin, 'DELETE', '/api/calendar/overrides/2026-02-30', undefined, 'params/date', 'format'],
      [admin, 'POST', '/api/calendar/overrides', { date: '2026-02-29', kind: 'holiday', name: 'Ngày không có' }, 'body/date', 'format'],
    ];
    for (const [session, method, url, payload, field, rule] of cases) {
      const res = await call(t.app, session, method, url, payload);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(400);
      expect(res.json(), url).toMatchObject({ code: 'VALIDATION_FAILED', details: expect.arrayContaining([expect.objectContaining({ field, rule, message: expect.stringMatching(/^(không|phải)/) })]) });
    }
    // Every rule reads as Vietnamese; the stable rule code stays for programs.
    const res = await call(t.app, clerk, 'GET', '/api/incoming?offset=1e20&limit=0&urgency=x');
    expect(res.json().details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'querystring/offset', rule: 'maximum', message: 'không được lớn hơn 1000000' }),
        expect.objectContaining({ field: 'querystring/limit', rule: 'minimum', message: 'không được nhỏ hơn 1' }),
        expect.objectContaining({ field: 'querystring/urgency', rule: 'type', message: 'phải là số nguyên' }),
      ]),
    );
  });

  it('[Q-11.2a] a subject, a reason or a name of blanks only is refused, not stored empty', async () => {
    for (const subject of ['   ', '\n\t \n', ' a ']) {
      const res = await call(t.app, clerk, 'POST', '/api/incoming', { ...base, subject });
      expect(res.statusCode, JSON.stringify(subject)).toBe(400);
      expect(res.json().details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'body/subject', rule: 'pattern', message: 'không được chỉ gồm khoảng trắng' })]));
    }
    const doc = (await call(t.app, clerk, 'POST', '/api/incoming', base)).json();
    const cancel = await call(t.app, clerk, 'POST', `/api/incoming/${doc.id}/cancel`, { reason: '        ' });
    expect(cancel.statusCode).toBe(400);
    const spaced = await call(t.app, clerk, 'POST', '/api/incoming', { ...base, subject: '  Về việc có khoảng trắng quanh  ' });
    expect(spaced.json().subject).toBe('Về việc có khoảng trắng quanh');
  });

  it('[Q-11.1b] an arrival before last year or in the future, and a due date before the arrival, are refused; a recent arrival is kept', async () => {
    const refused = async (body: Record<string, unknown>, field: string) => {
      const res = await call(t.app, clerk, 'POST', '/api/incoming', { ...base, ...body });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    };
    await refused({ arrivedAt: '1970-01-01T00:00:00Z' }, 'arrivedAt');
    await refused({ arrivedAt: '2024-12-31T08:00:00+07:00' }, 'arrivedAt');
    await refused({ arrivedAt: '2026-05-06T08:00:00+07:00' }, 'arrivedAt');
    await refused({ dueDate: '2026-05-04' }, 'dueDate');
    await refused({ arrivedAt: '2026-05-01T08:00:00+07:00', dueDate: '2026-04-30' }, 'dueDate');
    const ok = await call(t.app, clerk, 'POST', '/api/incoming', { ...base, arrivedAt: '2026-05-01T08:00:00+07:00', dueDate: '2026-05-01' });
    expect(ok.statusCode, ok.body).toBe(201);
    // Found on 5 May among last year's post, a document of December is still registered (in this year's register).
    const late = await call(t.app, clerk, 'POST', '/api/incoming', { ...base, arrivedAt: '2025-12-30T16:00:00+07:00' });
    expect([late.statusCode, late.json().year]).toEqual([201, 2026]);
  });

  it('[Q-3.7] % and _ in a search are matched as the characters they are, not as wildcards', async () => {
    const all = (await call(t.app, clerk, 'GET', '/api/incoming?limit=500')).json().length as number;
    expect(all).toBeGreaterThan(1);
    for (const q of ['%', '_', '%%', '\\', '%_%']) {
      const res = await call(t.app, clerk, 'GET', `/api/incoming?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json(), q).toEqual([]);
    }
    const withPercent = (await call(t.app, clerk, 'POST', '/api/incoming', { ...base, codeNumber: '15', codeNotation: 'BC_50%' })).json();
    expect((await call(t.app, clerk, 'GET', `/api/incoming?q=${encodeURIComponent('C_50%')}`)).json().map((d: { id: string }) => d.id)).toEqual([withPercent.id]);
  });
});
