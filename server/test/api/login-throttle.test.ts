import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEngines } from '../harness/engines.js';
import { call, login, startTestApp, type Session, type TestApp } from '../harness/app.js';
import { buildApp } from '../../src/app.js';
import { THROTTLE } from '../../src/infra/auth/throttle.js';

/** A login from a given client address (the socket's, or the proxy's when `forwardedFor` is set). */
function attempt(app: FastifyInstance, username: string, password: string, from: string, forwardedFor?: string) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: from,
    ...(forwardedFor ? { headers: { 'x-forwarded-for': forwardedFor } } : {}),
  });
}

async function loginFrom(app: FastifyInstance, username: string, from: string): Promise<Session> {
  const res = await attempt(app, username, 'demo', from);
  if (res.statusCode !== 200) throw new Error(`login ${username} from ${from}: ${res.statusCode} ${res.body}`);
  return { cookie: `vanthu_session=${res.cookies.find((c) => c.name === 'vanthu_session')!.value}`, csrf: res.json().csrfToken };
}

async function notices(app: FastifyInstance, session: Session) {
  return (await call(app, session, 'GET', '/api/notifications')).json().items as { kind: string; title: string }[];
}

describeEngines('login throttling (issue 11, item 11)', (get) => {
  let t: TestApp;
  let admin: Session;
  let users: { id: string; username: string }[];
  const idOf = (username: string) => users.find((u) => u.username === username)!.id;

  beforeAll(async () => {
    t = await startTestApp(get());
    admin = await login(t.app, 'admin');
    users = [];
    for (const agencyId of Object.values(t.agencies)) users.push(...(await call(t.app, admin, 'GET', `/api/users?agencyId=${agencyId}`)).json());
  });
  afterAll(async () => t?.close());

  it('five wrong passwords from one address lock that address only: the owner logs in from their own desk at once', async () => {
    for (let i = 0; i < THROTTLE.pairFailures - 1; i++) expect((await attempt(t.app, 'vanthu.stc', `sai${i}`, '10.0.0.66')).statusCode).toBe(401);
    const fifth = await attempt(t.app, 'vanthu.stc', 'sai', '10.0.0.66');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json()).toMatchObject({ code: 'ACCOUNT_LOCKED', message: expect.stringMatching(/tạm khóa trên máy này/) });
    expect((await attempt(t.app, 'vanthu.stc', 'demo', '10.0.0.66')).json().code).toBe('ACCOUNT_LOCKED');
    await loginFrom(t.app, 'vanthu.stc', '10.0.0.10');
  });

  it('guesses from many addresses slow down unknown addresses, never the desk the owner uses', async () => {
    await loginFrom(t.app, 'truongphong.stc', '10.0.0.20'); // the owner's desk becomes known
    for (let i = 0; i < THROTTLE.accountFailures; i++) expect((await attempt(t.app, 'truongphong.stc', `sai${i}`, `198.51.100.${i + 1}`)).statusCode).toBe(401);
    const slowed = await attempt(t.app, 'truongphong.stc', 'sai', '198.51.100.99');
    expect(slowed.statusCode).toBe(429);
    expect(slowed.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: expect.any(Number) } });
    // Even the right password is not checked from an unknown address during the delay …
    expect((await attempt(t.app, 'truongphong.stc', 'demo', '198.51.100.98')).statusCode).toBe(429);
    // … but the owner's own desk is not affected, and after the delay anyone may try again.
    await loginFrom(t.app, 'truongphong.stc', '10.0.0.20');
    t.clock.advance(THROTTLE.firstDelayMs + 1);
    expect((await attempt(t.app, 'truongphong.stc', 'sai', '198.51.100.97')).statusCode).toBe(401);
    const longer = await attempt(t.app, 'truongphong.stc', 'sai', '198.51.100.96');
    expect(longer.json().details.retryAfterSeconds).toBeGreaterThanOrEqual(2);
  });

  it('the owner and the admins are told of a lock; the admin sees it and unlocks it', async () => {
    const owner = await loginFrom(t.app, 'giamdoc.stc', '10.0.0.30');
    for (let i = 0; i < THROTTLE.pairFailures; i++) await attempt(t.app, 'giamdoc.stc', `sai${i}`, '10.0.0.31');
    expect((await attempt(t.app, 'giamdoc.stc', 'demo', '10.0.0.31')).statusCode).toBe(429);
    expect(await notices(t.app, owner)).toContainEqual(expect.objectContaining({ kind: 'security.login_throttled', title: expect.stringMatching(/10\.0\.0\.31.*tạm khóa/) }));
    expect(await notices(t.app, admin)).toContainEqual(expect.objectContaining({ kind: 'security.login_throttled', title: expect.stringMatching(/giamdoc\.stc/) }));
    const locks = (await call(t.app, admin, 'GET', '/api/auth/locks')).json();
    expect(locks).toContainEqual(expect.objectContaining({ username: 'giamdoc.stc', ip: '10.0.0.31', kind: 'locked' }));
    expect((await call(t.app, owner, 'GET', '/api/auth/locks')).statusCode).toBe(403);
    expect((await call(t.app, owner, 'POST', `/api/users/${idOf('giamdoc.stc')}/unlock`)).statusCode).toBe(403);

    expect((await call(t.app, admin, 'POST', `/api/users/${idOf('giamdoc.stc')}/unlock`)).statusCode).toBe(200);
    await loginFrom(t.app, 'giamdoc.stc', '10.0.0.31');
    expect(await notices(t.app, owner)).toContainEqual(expect.objectContaining({ kind: 'security.login_unlocked' }));
    const audit = (await call(t.app, admin, 'GET', `/api/audit?objectId=${idOf('giamdoc.stc')}`)).json();
    expect(audit.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['auth.login_locked', 'user.login_unlock']));
  });

  it('a password reset by the admin ends the locks', async () => {
    for (let i = 0; i < THROTTLE.pairFailures; i++) await attempt(t.app, 'chuyenvien.skhcn', `sai${i}`, '10.0.0.40');
    expect((await attempt(t.app, 'chuyenvien.skhcn', 'demo', '10.0.0.40')).statusCode).toBe(429);
    expect((await call(t.app, admin, 'POST', `/api/users/${idOf('chuyenvien.skhcn')}/password`, { newPassword: 'MatKhauMoi2026' })).statusCode).toBe(200);
    expect((await attempt(t.app, 'chuyenvien.skhcn', 'MatKhauMoi2026', '10.0.0.40')).statusCode).toBe(200);
  });

  it('a disabled account is throttled like any other (no free guesses at its password)', async () => {
    expect((await call(t.app, admin, 'PATCH', `/api/users/${idOf('chuyenvien2.snv')}`, { disabled: true })).statusCode).toBe(200);
    for (let i = 0; i < THROTTLE.pairFailures - 1; i++) expect((await attempt(t.app, 'chuyenvien2.snv', `sai${i}`, '10.0.0.50')).statusCode).toBe(401);
    expect((await attempt(t.app, 'chuyenvien2.snv', 'sai', '10.0.0.50')).statusCode).toBe(429);
    // The right password no longer tells "disabled" apart from a locked pair.
    expect((await attempt(t.app, 'chuyenvien2.snv', 'demo', '10.0.0.50')).json().code).toBe('ACCOUNT_LOCKED');
  });

  it('the password-change route is throttled too: a stolen session cannot guess the password', async () => {
    const s = await loginFrom(t.app, 'chutich.pdp', '10.0.0.60');
    for (let i = 0; i < THROTTLE.pairFailures - 1; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/password', remoteAddress: '10.0.0.60', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { currentPassword: `sai${i}`, newPassword: 'MatKhauMoi2026' } });
      expect(res.statusCode).toBe(400);
    }
    const change = (currentPassword: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/password', remoteAddress: '10.0.0.60', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { currentPassword, newPassword: 'MatKhauMoi2026' } });
    expect((await change('sai')).statusCode).toBe(429);
    expect((await change('demo')).json().code).toBe('ACCOUNT_LOCKED');
    expect((await attempt(t.app, 'chutich.pdp', 'demo', '10.0.0.60')).json().code).toBe('ACCOUNT_LOCKED');
  });

  it('password spraying from one address slows that address down, not the other clients behind the same proxy', async () => {
    const proxied = await buildApp({ db: get().db, engine: get().engine, clock: t.clock, files: t.files, trustProxy: true });
    try {
      await attempt(proxied, 'vanthu.ubnd', 'demo', '10.0.0.1', '172.16.5.5'); // a desk behind the proxy, known for its account
      for (let i = 0; i < THROTTLE.addressFailures; i++) expect((await attempt(proxied, `khong.co.${i}`, 'sai', '10.0.0.1', '203.0.113.7')).statusCode).toBe(401);
      expect((await attempt(proxied, 'chutich.ubnd', 'sai', '10.0.0.1', '203.0.113.7')).json().code).toBe('TOO_MANY_REQUESTS');
      // Another client behind the same proxy is not the sprayer …
      expect((await attempt(proxied, 'chutich.ubnd', 'demo', '10.0.0.1', '172.16.5.6')).statusCode).toBe(200);
      // … and a desk known for its account still logs in.
      expect((await attempt(proxied, 'vanthu.ubnd', 'demo', '10.0.0.1', '172.16.5.5')).statusCode).toBe(200);
    } finally {
      await proxied.close();
    }
  });
});
