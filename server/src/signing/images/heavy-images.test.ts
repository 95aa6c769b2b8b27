/**
 * Signature images that cost to decode (issue 11, item 10): the decode runs off the event loop,
 * so /healthz answers within 100 ms meanwhile; one whose header declares too much is refused
 * with 413 before any decode; a file over the upload limit is a 413, not a 415.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness/engines.js';
import { login, startTestApp, type Session, type TestApp } from '../../../test/harness/app.js';
import { multipart } from '../../../test/harness/samples.js';
import { expectResponsive, healthWhile, send } from '../../../test/harness/load.js';
import { interlacedPng } from '../testing/interlaced-png.js';

describeEngines('heavy signature images', (db) => {
  let t: TestApp;
  let port: number;
  let signer: Session;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp(db());
    signer = await login(t.app, 'giamdoc.snv');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
    const users = JSON.parse((await send(port, 'GET', '/api/users', signer)).body) as { id: string; username: string }[];
    url = `/api/signing/users/${users.find((u) => u.username === 'giamdoc.snv')!.id}/signature-image`;
  });
  afterAll(async () => t.close());

  /** A blue X on a transparent square, Adam7-interlaced. */
  const cross = (side: number) => interlacedPng(side, side, (x, y) => (Math.abs(x - y) < 8 || Math.abs(x + y - side) < 8 ? [20, 60, 200, 255] : [0, 0, 0, 0]));

  it('[Q-8.2a] while an interlaced signature image decodes, /healthz answers within 100 ms', async () => {
    expect((await send(port, 'PUT', url, signer, multipart('chu-ky.png', cross(300)))).status).toBe(200); // a warm worker
    const { times, job } = await healthWhile(port, send(port, 'PUT', url, signer, multipart('chu-ky.png', cross(1000))));
    expect(job.status, job.body).toBe(200);
    expect(JSON.parse(job.body)).toMatchObject({ width: 1000, height: 1000 });
    expect(times.length).toBeGreaterThan(0);
    expectResponsive(times);
  });

  it('[Q-8.2a] an interlaced 3000 × 3000 PNG (1.9 MB froze the server for 10–31 s) is refused from its header at once with 413', async () => {
    const body = multipart('chu-ky.png', cross(3000));
    expect(body.payload.length).toBeLessThan(2 * 1024 * 1024);
    const started = performance.now();
    const res = await send(port, 'PUT', url, signer, body);
    expect(res.status, res.body).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { reason: 'IMAGE_TOO_LARGE' }, message: expect.stringContaining('xen kẽ (interlaced) 3000 × 3000') });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('[Q-8.2a] a file of 3 MB as a signature image answers 413 (too large), not 415', async () => {
    const res = await send(port, 'PUT', url, signer, multipart('chu-ky.png', Buffer.alloc(3 * 1024 * 1024, 1)));
    expect(res.status, res.body).toBe(413);
    expect(JSON.parse(res.body).code).toBe('PAYLOAD_TOO_LARGE');
  });
});
