import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness/engines.js';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/harness/app.js';
import { jobEnv } from '../../../test/harness/jobs.js';
import { enqueue } from './queue.js';
import { JobWorker } from './worker.js';
import type { JobDefinition } from './types.js';

describeEngines('the admin page of job queues', (get) => {
  let t: TestApp;
  let admin: Session, clerk: Session, inspector: Session;
  let broken = true;
  const def: JobDefinition = {
    name: 'test.admin-retry',
    maxAttempts: 2,
    backoffMs: 1,
    async run() {
      if (broken) throw new Error('Máy chủ nhận không trả lời');
    },
  };

  beforeAll(async () => {
    t = await startTestApp(get());
    [admin, clerk, inspector] = await Promise.all([login(t.app, 'admin'), login(t.app, 'vanthu.snv'), login(t.app, 'thanhtra.snv')]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts each queue by state, lists the failures with their error, and retries a dead job', async () => {
    const worker = new JobWorker(jobEnv(get().db), [def]);
    const dead = (await enqueue(get().db, def, {}))!;
    await worker.runUntilEmpty();
    await new Promise((r) => setTimeout(r, 20));
    await worker.runUntilEmpty();
    const waiting = (await enqueue(get().db, def, {}, { delayMs: 60_000 }))!;

    const page = await call(t.app, admin, 'GET', '/api/jobs');
    expect(page.statusCode).toBe(200);
    expect(page.json().queues).toContainEqual({ queue: def.name, waiting: 1, running: 0, retry: 0, dead: 1, done: 0 });
    expect(page.json().failures).toContainEqual(expect.objectContaining({ id: dead, queue: def.name, state: 'dead', attempts: 2, lastError: 'Máy chủ nhận không trả lời' }));

    // Only a dead job can be retried.
    expect((await call(t.app, admin, 'POST', `/api/jobs/${waiting}/retry`)).statusCode).toBe(409);
    broken = false;
    expect((await call(t.app, admin, 'POST', `/api/jobs/${dead}/retry`)).json()).toEqual({ ok: true });
    expect((await call(t.app, admin, 'POST', `/api/jobs/${dead}/retry`)).statusCode).toBe(409);
    expect(await worker.runUntilEmpty()).toBe(1);
    const after = (await call(t.app, admin, 'GET', '/api/jobs')).json();
    expect(after.queues).toContainEqual({ queue: def.name, waiting: 1, running: 0, retry: 0, dead: 0, done: 1 });
    const audit = (await call(t.app, admin, 'GET', `/api/audit?action=jobs.retry`)).json();
    expect(audit).toEqual([expect.objectContaining({ action: 'jobs.retry', objectType: 'job', objectId: String(dead) })]);
  });

  it('is the system admin\'s alone', async () => {
    for (const s of [clerk, inspector]) expect((await call(t.app, s, 'GET', '/api/jobs')).statusCode).toBe(403);
    expect((await call(t.app, clerk, 'POST', '/api/jobs/1/retry')).statusCode).toBe(403);
    expect((await call(t.app, null, 'GET', '/api/jobs')).statusCode).toBe(401);
    expect((await call(t.app, admin, 'POST', '/api/jobs/abc/retry')).statusCode).toBe(400);
  });
});
