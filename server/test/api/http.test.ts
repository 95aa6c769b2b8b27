import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../harness/engines.js';
import { call, login, startTestApp, type TestApp } from '../harness/app.js';

describeEngines('HTTP contract', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(db());
  });
  afterAll(async () => t.close());

  it('GET /healthz names the engine', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: db().engine });
  });

  it('GET /api/openapi.json documents every API route, and /api/docs serves the browser', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    const documented = new Set(Object.entries(doc.paths as Record<string, object>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)));
    const routes = t.app.printRoutes({ commonPrefix: false });
    for (const expected of ['POST /api/auth/login', 'GET /api/auth/me', 'POST /api/auth/logout', 'GET /api/agencies/{id}', 'POST /api/users/', 'POST /api/files/', 'GET /api/audit/', 'GET /api/calendar/{year}']) {
      expect(documented, `${expected} missing from OpenAPI; routes:\n${routes}`).toContain(expected);
    }
    // Every route the app serves under /api, read from Fastify's route tree, is an OpenAPI operation
    // with a summary and its answers' shapes.
    const served = servedRoutes(t.app.printRoutes({ commonPrefix: false })).filter((r) => r.startsWith('/api/') && !r.startsWith('/api/docs') && !r.startsWith('/api/openapi.json '));
    expect(served.length).toBeGreaterThan(100);
    const problems = served.flatMap((route) => {
      const [path, method] = route.split(' ');
      const openApiPath = path.replace(/:(\w+)/g, '{$1}');
      const op = (doc.paths[openApiPath] ?? doc.paths[`${openApiPath}/`])?.[method.toLowerCase()];
      if (!op) return [`${route}: not documented`];
      if (!op.summary) return [`${route}: no summary`];
      if (!Object.keys(op.responses ?? {}).some((code) => code.startsWith('2'))) return [`${route}: no success answer`];
      return [];
    });
    expect(problems).toEqual([]);
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/html/);
  });

  it('a malformed body gets VALIDATION_FAILED in Vietnamese with the offending fields', async () => {
    const admin = await login(t.app, 'admin');
    const res = await call(t.app, admin, 'POST', '/api/agencies', { code: '12345', name: 1 });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toBe('Dữ liệu gửi lên không hợp lệ.');
    expect(JSON.stringify(body.details)).toContain('/code');
  });

  it('broken JSON and an oversized body get clear errors, not stack traces', async () => {
    const admin = await login(t.app, 'admin');
    const broken = await t.app.inject({ method: 'POST', url: '/api/agencies', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' }, payload: '{"code":' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('BAD_REQUEST');
    expect(broken.body).not.toMatch(/at .*\.ts:\d+/);
    const big = await t.app.inject({ method: 'POST', url: '/api/agencies', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('unknown API routes answer a JSON 404; responses carry security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('an API route without a session answers 401 before validating the body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/users', payload: {} });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });
});

/** "PATH METHOD" for each route and method (HEAD aside) of Fastify's printed route tree. */
function servedRoutes(tree: string): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (.*?) \(([^)]*)\)$/.exec(line) ?? /^([│ ]*)[├└]── (.*)$/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    stack.push(m[2]);
    const path = stack.join('');
    for (const method of (m[3] ?? '').split(', ').filter((x) => x && x !== 'HEAD')) out.push(`${path.replace(/\/$/, '') || '/'} ${method}`);
  }
  return [...new Set(out)];
}
