import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../harness/engines.js';
import { call, login, startTestApp, type TestApp } from '../harness/app.js';
import { apiRoutes, reachable, UNSAFE_METHODS } from '../harness/routes.js';

/**
 * The guards every route gets from infra/auth/hooks.ts, proved on the whole route table: a route
 * a module adds tomorrow is enumerated here too, and fails this test if it escapes them.
 */
describeEngines('route guards over the whole route table', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(db());
  });
  afterAll(async () => t.close());

  /** The only changes the read-only inspector may make: its own session, password and notifications. */
  const SELF_SERVICE = ['POST /api/auth/logout', 'POST /api/auth/password', 'POST /api/notifications/:id/read', 'POST /api/notifications/read-all'];
  /** Reachable without a session. */
  const PUBLIC = ['POST /api/auth/login'];

  it('[Q-20.1] the inspector is read-only: every state-changing route but the self-service ones refuses it with 403 READ_ONLY_ROLE', async () => {
    const inspector = await login(t.app, 'thanhtra.snv');
    const unsafe = apiRoutes(t.app).filter((r) => UNSAFE_METHODS.has(r.method));
    expect(unsafe.length).toBeGreaterThan(50);
    const allowed: string[] = [];
    for (const route of unsafe) {
      const key = `${route.method} ${route.path}`;
      if (key === 'POST /api/auth/logout') continue; // would end the session the loop uses; called last
      const res = await call(t.app, inspector, route.method as 'POST', reachable(route.path));
      if (res.json().code === 'READ_ONLY_ROLE') {
        expect(res.statusCode, key).toBe(403);
        expect(res.json().message, key).toBe('Vai trò của bạn chỉ được xem, không được thay đổi dữ liệu.');
      } else allowed.push(key);
    }
    // Public routes need no session, so no role is checked (logging in again opens a session, no record).
    expect(allowed.sort()).toEqual([...SELF_SERVICE.filter((r) => r !== 'POST /api/auth/logout'), ...PUBLIC].sort());
    // What the self-service routes do for it: its own password is checked, not refused by role.
    expect((await call(t.app, inspector, 'POST', '/api/auth/password', { currentPassword: 'sai', newPassword: 'MatKhauMoi2026' })).json().code).toBe('VALIDATION_FAILED');
    expect((await call(t.app, inspector, 'POST', '/api/notifications/read-all')).statusCode).toBe(200);
    expect((await call(t.app, inspector, 'POST', '/api/auth/logout')).statusCode).toBe(200);
  });

  it('[Q-20.1] the inspector still reads: a read is not a change', async () => {
    const inspector = await login(t.app, 'thanhtra.snv');
    expect((await call(t.app, inspector, 'GET', `/api/agencies/${t.agencies.ubnd}`)).statusCode).toBe(200);
    expect((await call(t.app, inspector, 'GET', `/api/audit?agencyId=${t.agencies.ubnd}`)).statusCode).toBe(200);
  });

  it('a person with a working role beside inspector is not read-only', async () => {
    const admin = await login(t.app, 'admin');
    const me = (await call(t.app, admin, 'GET', '/api/auth/me')).json();
    const created = await call(t.app, admin, 'POST', '/api/users', {
      username: 'thanhtra.vanthu', fullName: 'Thanh tra kiêm văn thư', password: 'MatKhau2026', agencyId: me.agency.id, roles: ['inspector', 'clerk'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const both = await login(t.app, 'thanhtra.vanthu', 'MatKhau2026');
    expect((await call(t.app, both, 'POST', '/api/notifications/read-all')).statusCode).toBe(200);
    const res = await call(t.app, both, 'PATCH', `/api/agencies/${t.agencies.ubnd}`, { name: 'Tên mới' });
    expect([res.statusCode, res.json().code]).toEqual([403, 'FORBIDDEN']);
  });

  it('[Q-18.4] every route but login refuses a request without a session with 401', async () => {
    const routes = apiRoutes(t.app);
    expect(routes.length).toBeGreaterThan(100);
    const open: string[] = [];
    for (const route of routes) {
      const res = await call(t.app, null, route.method as 'GET', reachable(route.path));
      if (res.statusCode === 401) expect(res.json().code, `${route.method} ${route.path}`).toBe('UNAUTHENTICATED');
      else open.push(`${route.method} ${route.path}`);
    }
    expect(open).toEqual(PUBLIC);
  });
});
