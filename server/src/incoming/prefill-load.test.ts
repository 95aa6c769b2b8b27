/**
 * Prefill reads what a PDF says with pdf.js in an isolated worker (issue 11, item 10): while it
 * reads a 2,000-page PDF or a junk one, /healthz answers within 100 ms over a real socket, and a
 * junk PDF gives empty suggestions, not an error.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../test/harness/engines.js';
import { login, startTestApp, type Session, type TestApp } from '../../test/harness/app.js';
import { multipart } from '../../test/harness/samples.js';
import { expectResponsive, healthWhile, manyPagesPdf, send } from '../../test/harness/load.js';

describeEngines('prefill under heavy and junk PDFs', (db) => {
  let t: TestApp;
  let port: number;
  let clerk: Session;
  const upload = async (name: string, bytes: Buffer) => {
    const res = await send(port, 'POST', '/api/files', clerk, multipart(name, bytes));
    expect(res.status, res.body).toBe(201);
    return JSON.parse(res.body).id as string;
  };
  const prefill = (fileId: string) => {
    const payload = Buffer.from(JSON.stringify({ fileId }));
    return send(port, 'POST', '/api/incoming/prefill', clerk, { payload, contentType: 'application/json' });
  };

  beforeAll(async () => {
    t = await startTestApp(db());
    clerk = await login(t.app, 'vanthu.snv');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => t.close());

  it('[Q-11.2a] while a 2,000-page PDF and a junk PDF are read for prefill, /healthz answers within 100 ms', async () => {
    const big = await upload('dai.pdf', await manyPagesPdf(2000));
    const junk = await upload('rac.pdf', Buffer.from(`%PDF-1.7\n${'rác '.repeat(200_000)}`));
    expect((await prefill(big)).status).toBe(200); // a warm worker: pdf.js is loaded once per worker
    for (const id of [big, junk]) {
      const { times, job } = await healthWhile(port, prefill(id));
      expect(job.status, job.body).toBe(200);
      expectResponsive(times);
    }
    expect(JSON.parse((await prefill(big)).body)).toMatchObject({ pageAmount: 2000 });
    expect(JSON.parse((await prefill(junk)).body)).toEqual({});
  });
});
