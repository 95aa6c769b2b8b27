import { afterAll, beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { describeEngines } from '../harness/engines.js';
import { call, login, startTestApp, type Session, type TestApp } from '../harness/app.js';
import { recordSecurityEvent, SECURITY_EVENT_LIMITS } from '../../src/infra/audit/security-events.js';

interface Row {
  kind: string;
  count: number;
  actorName: string | null;
  agencyId: string | null;
  ip: string | null;
  route: string | null;
  url: string | null;
  details: Record<string, unknown>;
}

describeEngines('security events (Q-18.4, Q-24.4đ)', (get) => {
  let t: TestApp;
  let admin: Session;
  let inspector: Session;
  const events = async (s: Session, query = '') => (await call(t.app, s, 'GET', `/api/audit/security-events?limit=500${query}`)).json() as Row[];

  beforeAll(async () => {
    t = await startTestApp(get());
    admin = await login(t.app, 'admin');
    inspector = await login(t.app, 'thanhtra.snv');
  });
  afterAll(async () => t?.close());

  it("[Q-18.4] a 404 on another agency's object and a 403 are recorded with who, where and what", async () => {
    const stcUser = (await call(t.app, admin, 'GET', `/api/users?agencyId=${t.agencies.stc}`)).json()[0];
    const clerk = await login(t.app, 'vanthu.snv');
    for (let i = 0; i < 3; i++) expect((await call(t.app, clerk, 'GET', `/api/users/${stcUser.id}`)).statusCode).toBe(404);
    expect((await call(t.app, clerk, 'GET', '/api/audit')).statusCode).toBe(403);
    const all = await events(admin);
    expect(all).toContainEqual(expect.objectContaining({ kind: 'not_found', count: 3, actorName: 'vanthu.snv', agencyId: t.agencies.snv, route: '/api/users/:id', url: `/api/users/${stcUser.id}` }));
    expect(all).toContainEqual(expect.objectContaining({ kind: 'forbidden', actorName: 'vanthu.snv', route: '/api/audit' }));
  });

  it('[Q-18.4] a read-only role trying to change something is recorded', async () => {
    expect((await call(t.app, inspector, 'POST', `/api/users/${(await call(t.app, admin, 'GET', '/api/users')).json()[0].id}/unlock`)).statusCode).toBe(403);
    expect(await events(admin, '&kind=forbidden')).toContainEqual(expect.objectContaining({ code: 'READ_ONLY_ROLE', actorName: 'thanhtra.snv', route: '/api/users/:id/unlock' }));
  });

  it('[Q-18.4] a CSRF refusal is recorded', async () => {
    const s = await login(t.app, 'truongphong.snv');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(await events(admin, '&kind=csrf')).toContainEqual(expect.objectContaining({ kind: 'csrf', actorName: 'truongphong.snv', route: '/api/auth/logout' }));
  });

  it("[Q-18.4] a failed login carries the account's agency: its head sees it, another agency's head does not", async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanthu.stc', password: 'sai' } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'khong.ton.tai', password: 'sai' } })).statusCode).toBe(401);
    const failed = expect.objectContaining({ kind: 'login_failed', agencyId: t.agencies.stc, details: { username: 'vanthu.stc', reason: 'bad_password' } });
    expect(await events(await login(t.app, 'giamdoc.stc'))).toContainEqual(failed);
    const snvHead = await login(t.app, 'giamdoc.snv');
    expect(await events(snvHead)).not.toContainEqual(failed);
    expect((await call(t.app, snvHead, 'GET', `/api/audit/security-events?agencyId=${t.agencies.stc}`)).statusCode).toBe(404);
    // The inspector sees every agency's, and attempts on accounts that do not exist.
    const seen = await events(inspector);
    expect(seen).toContainEqual(failed);
    expect(seen).toContainEqual(expect.objectContaining({ kind: 'login_failed', agencyId: null, details: { username: 'khong.ton.tai', reason: 'unknown_account' } }));
    expect((await call(t.app, await login(t.app, 'chuyenvien.snv'), 'GET', '/api/audit/security-events')).statusCode).toBe(403);
  });

  it('[Q-18.4] a flood grows counts, not rows: per address and in all, a fixed number of rows per minute', async () => {
    const db = get().db;
    // A minute of its own per engine: the limits are counted per process and minute.
    const minute = new Date(Date.UTC(2031, 0, 1, 0, get().engine === 'pglite' ? 1 : 2));
    for (let i = 0; i < 100; i++) await recordSecurityEvent(db, minute, { kind: 'login_failed', ip: '203.0.113.66', subject: `doan.${i}`, details: { username: `doan.${i}` } });
    for (let i = 0; i < SECURITY_EVENT_LIMITS.total + 50; i++) await recordSecurityEvent(db, minute, { kind: 'not_found', ip: `198.18.${i >> 8}.${i & 255}`, route: '/api/x/:id' });
    const rows = await events(admin, `&from=${minute.toISOString()}&to=${new Date(minute.getTime() + 60_000).toISOString()}`);
    const fromOne = rows.filter((r) => r.ip === '203.0.113.66');
    expect(fromOne).toHaveLength(SECURITY_EVENT_LIMITS.perAddress + 1);
    expect(fromOne.find((r) => r.kind === 'flood')).toMatchObject({ count: 100 - SECURITY_EVENT_LIMITS.perAddress, details: { scope: 'address' } });
    expect(rows.length).toBeLessThanOrEqual(SECURITY_EVENT_LIMITS.total + 1);
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(100 + SECURITY_EVENT_LIMITS.total + 50);
  });

  it('[Q-24.4đ] the events export as an Excel sheet for an incident report, and the export is audited', async () => {
    const res = await call(t.app, inspector, 'GET', '/api/audit/security-events/export?kind=login_failed');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="su-kien-an-ninh-/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Sự kiện an ninh')!;
    const texts = sheet.getSheetValues().flat().map(String);
    expect(texts).toContain('Đăng nhập sai');
    expect(texts.some((v) => v.includes('vanthu.stc'))).toBe(true);
    const audit = (await call(t.app, admin, 'GET', '/api/audit?action=audit.security_events_export')).json();
    expect(audit[0]).toMatchObject({ actorName: 'thanhtra.snv', details: { kind: 'login_failed' } });
    expect((await call(t.app, await login(t.app, 'vanthu.snv'), 'GET', '/api/audit/security-events/export')).statusCode).toBe(403);
  });
});
