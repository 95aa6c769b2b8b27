import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { describeEngines } from '../harness/engines.js';
import { call, login, startTestApp, type Session, type TestApp } from '../harness/app.js';
import { multipart, pdfBytes } from '../harness/samples.js';

/**
 * An agency taken out of service stops at once: its people's open sessions (even one cached a
 * moment ago), new logins, uploads and registrations are refused; putting it back lets them in again.
 */
describeEngines('a disabled agency', (db) => {
  let t: TestApp;
  let admin: Session;

  const upload = (session: Session) => {
    const body = multipart('cong-van.pdf', pdfBytes('co quan'));
    return t.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': body.contentType }, payload: body.payload });
  };
  let number = 0;
  const register = (session: Session) =>
    call(t.app, session, 'POST', '/api/incoming', { source: 'paper', issuerName: 'Bộ Nội vụ', typeName: 'Công văn', subject: 'Về việc cơ quan ngừng sử dụng', codeNumber: String(++number) });
  const loginAnswer = (username: string, password = 'demo') => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const setDisabled = async (disabled: boolean) => {
    const res = await call(t.app, admin, 'PATCH', `/api/agencies/${t.agencies.ubnd}`, { disabled });
    expect(res.statusCode, res.body).toBe(200);
  };
  const expectUnauthenticated = (res: LightMyRequestResponse) => expect([res.statusCode, res.json().code]).toEqual([401, 'UNAUTHENTICATED']);

  beforeAll(async () => {
    t = await startTestApp(db());
    admin = await login(t.app, 'admin');
  });
  afterAll(async () => t.close());

  it('[Q-18.4] open sessions of its people end at once, even one cached a moment ago; other agencies go on', async () => {
    const clerk = await login(t.app, 'vanthu.ubnd');
    const head = await login(t.app, 'chutich.ubnd');
    const elsewhere = await login(t.app, 'vanthu.snv');
    expect((await call(t.app, clerk, 'GET', '/api/auth/me')).statusCode).toBe(200); // now in the session cache
    expect((await register(clerk)).statusCode).toBe(201);

    await setDisabled(true);
    expectUnauthenticated(await call(t.app, clerk, 'GET', '/api/auth/me'));
    expectUnauthenticated(await call(t.app, head, 'GET', '/api/incoming'));
    expectUnauthenticated(await upload(clerk));
    expectUnauthenticated(await register(clerk));
    expect((await call(t.app, elsewhere, 'GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await upload(elsewhere)).statusCode).toBe(201);

    await setDisabled(false);
    // Ended, not suspended: putting the agency back does not revive them.
    expectUnauthenticated(await call(t.app, clerk, 'GET', '/api/auth/me'));
  });

  it('[Q-18.4] nobody of it logs in, told why only with the right password; putting it back lets them work again', async () => {
    await setDisabled(true);
    const refused = await loginAnswer('vanthu.ubnd');
    expect([refused.statusCode, refused.json().code, refused.json().message]).toEqual([401, 'INVALID_CREDENTIALS', 'Cơ quan đã ngừng sử dụng hệ thống. Liên hệ quản trị hệ thống.']);
    expect(refused.cookies.find((c) => c.name === 'vanthu_session')).toBeUndefined();
    expect((await loginAnswer('vanthu.ubnd', 'sai-mat-khau')).json().message).not.toMatch(/Cơ quan/);

    await setDisabled(false);
    const clerk = await login(t.app, 'vanthu.ubnd');
    expect((await call(t.app, clerk, 'GET', '/api/auth/me')).json().agency.id).toBe(t.agencies.ubnd);
    expect((await upload(clerk)).statusCode).toBe(201);
    expect((await register(clerk)).statusCode).toBe(201);
  });

  it('taking it out of service is logged as such', async () => {
    const entries = (await call(t.app, admin, 'GET', `/api/audit?action=agency.disable&objectId=${t.agencies.ubnd}`)).json();
    expect(entries.length).toBe(2);
  });
});
