import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../harness/engines.js';
import { call, login, startTestApp, type TestApp } from '../harness/app.js';
import { sql } from 'kysely';

describeEngines('authentication', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(db());
  });
  afterAll(async () => t.close());

  it('logs in with the demo password, sets an HttpOnly SameSite session cookie and answers /me', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanthu.snv', password: 'demo' } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'vanthu_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `vanthu_session=${cookie.value}` } });
    expect(me.json()).toMatchObject({ user: { username: 'vanthu.snv', fullName: 'Nguyễn Thị Lan' }, agency: { code: '000.00.05.H55', abbreviation: 'SNV' }, roles: ['clerk'] });
  });

  it('stores only a hash of the session token (a copied database gives no working cookie)', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'chuyenvien.snv', password: 'demo' } });
    const token = res.cookies.find((c) => c.name === 'vanthu_session')!.value;
    const rows = await sql<{ n: number }>`select count(*)::int as n from auth_session where id = ${token}`.execute(db().db);
    expect(rows.rows[0].n).toBe(0);
  });

  it('refuses a wrong password with a Vietnamese message and a stable code', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'giamdoc.snv', password: 'sai' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
  });

  it('locks an account for a while after five failures, even for the right password, and unlocks later', async () => {
    for (let i = 0; i < 5; i++) await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'luutru.snv', password: `sai${i}` } });
    const locked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'luutru.snv', password: 'demo' } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    expect(locked.json().message).toMatch(/tạm khóa/);
    t.clock.advance(16 * 60 * 1000);
    await login(t.app, 'luutru.snv');
  });

  it('rejects a state-changing request without the CSRF token', async () => {
    const s = await login(t.app, 'truongphong.snv');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_FAILED');
    const cross = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, origin: 'https://evil.example', host: 'localhost' } });
    expect(cross.statusCode).toBe(403);
    expect((await call(t.app, s, 'POST', '/api/auth/logout')).statusCode).toBe(200);
  });

  it('logout revokes the session on the server', async () => {
    const s = await login(t.app, 'phogiamdoc.snv');
    expect((await call(t.app, s, 'POST', '/api/auth/logout')).statusCode).toBe(200);
    const me = await call(t.app, s, 'GET', '/api/auth/me');
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('UNAUTHENTICATED');
  });

  it('a session ends after two idle hours', async () => {
    const s = await login(t.app, 'thanhtra.snv');
    t.clock.advance(2 * 60 * 60 * 1000 + 1000);
    expect((await call(t.app, s, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('changing the password checks the current one, enforces the policy and ends the other sessions', async () => {
    const a = await login(t.app, 'chuyenvien2.snv');
    const b = await login(t.app, 'chuyenvien2.snv');
    const wrong = await call(t.app, a, 'POST', '/api/auth/password', { currentPassword: 'x', newPassword: 'MatKhauMoi2026' });
    expect(wrong.statusCode).toBe(400);
    const weak = await call(t.app, a, 'POST', '/api/auth/password', { currentPassword: 'demo', newPassword: 'ngan' });
    expect(weak.json().message).toMatch(/ít nhất 8 ký tự/);
    expect((await call(t.app, a, 'POST', '/api/auth/password', { currentPassword: 'demo', newPassword: 'MatKhauMoi2026' })).statusCode).toBe(200);
    expect((await call(t.app, a, 'GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await call(t.app, b, 'GET', '/api/auth/me')).statusCode).toBe(401);
    await login(t.app, 'chuyenvien2.snv', 'MatKhauMoi2026');
  });

  it('a disabled user is logged out at once and cannot log in again', async () => {
    const admin = await login(t.app, 'admin');
    const victim = await login(t.app, 'vanthu.stc');
    const me = await call(t.app, victim, 'GET', '/api/auth/me');
    const disable = await call(t.app, admin, 'PATCH', `/api/users/${me.json().user.id}`, { disabled: true });
    expect(disable.statusCode).toBe(200);
    expect((await call(t.app, victim, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanthu.stc', password: 'demo' } });
    expect(again.statusCode).toBe(401);
    expect(again.json().message).toMatch(/vô hiệu hóa/);
  });

  it("a role taken away or a new unit counts from the user's next request, though sessions are cached a few seconds", async () => {
    const admin = await login(t.app, 'admin');
    const clerk = await login(t.app, 'vanthu.snv');
    const me = (await call(t.app, clerk, 'GET', '/api/auth/me')).json();
    const units = (await call(t.app, admin, 'GET', `/api/agencies/${me.agency.id}`)).json().units as { id: string; name: string }[];
    const other = units.find((u) => u.id !== me.unit?.id)!;
    await call(t.app, admin, 'PATCH', `/api/users/${me.user.id}`, { unitId: other.id });
    expect((await call(t.app, clerk, 'GET', '/api/auth/me')).json().unit.id).toBe(other.id);
    await call(t.app, admin, 'PATCH', `/api/users/${me.user.id}`, { roles: ['staff'] });
    expect((await call(t.app, clerk, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const back = await call(t.app, admin, 'PATCH', `/api/users/${me.user.id}`, { roles: ['clerk'], unitId: me.unit?.id ?? null });
    expect(back.statusCode).toBe(200);
  });
});
