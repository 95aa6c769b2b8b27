/**
 * Page previews of hostile or heavy PDFs (issue 11, item 10): a malformed PDF is a 400 with a
 * Vietnamese message, never a 500; reading the pages of a 2,000-page PDF happens off the event
 * loop, so /healthz keeps answering within 100 ms over a real socket meanwhile.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness/engines.js';
import { login, startTestApp, type Session, type TestApp } from '../../../test/harness/app.js';
import { multipart } from '../../../test/harness/samples.js';
import { expectResponsive, healthWhile, manyPagesPdf, send } from '../../../test/harness/load.js';

describeEngines('page previews of hostile and heavy PDFs', (db) => {
  let t: TestApp;
  let port: number;
  let clerk: Session;
  const upload = async (name: string, bytes: Buffer) => {
    const res = await send(port, 'POST', '/api/files', clerk, multipart(name, bytes));
    expect(res.status, res.body).toBe(201);
    return JSON.parse(res.body).id as string;
  };

  beforeAll(async () => {
    t = await startTestApp(db());
    clerk = await login(t.app, 'vanthu.snv');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => t.close());

  it('a malformed PDF asked for its pages answers 400 with a Vietnamese message, not 500', async () => {
    const broken = [
      `%PDF-1.7\n${'không phải PDF '.repeat(40)}`,
      // A catalogue whose page tree does not exist.
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
    ];
    for (const junk of broken) {
      const id = await upload('hong.pdf', Buffer.from(junk));
      for (const path of [`/api/files/${id}/pages`, `/api/files/${id}/pages/1`]) {
        const res = await send(port, 'GET', path, clerk);
        expect(res.status, `${path}: ${res.body}`).toBe(400);
        expect(JSON.parse(res.body)).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/^Tệp không phải PDF đọc được/) });
      }
    }
  });

  it('while the pages of a 2,000-page PDF are read, /healthz answers within 100 ms', async () => {
    const id = await upload('dai.pdf', await manyPagesPdf(2000));
    await send(port, 'GET', `/api/files/${id}/pages`, clerk); // a warm worker: pdf-lib is loaded once per worker
    const { times, job } = await healthWhile(port, send(port, 'GET', `/api/files/${id}/pages`, clerk));
    expect(job.status, job.body).toBe(200);
    expect(JSON.parse(job.body)).toHaveLength(2000);
    expect(times.length).toBeGreaterThan(0);
    expectResponsive(times);
  });
});
