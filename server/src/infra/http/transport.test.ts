/**
 * What the server says about the transport: browsers are told to upgrade to HTTPS (CSP
 * upgrade-insecure-requests, HSTS) only when the site is really served over HTTPS, so a LAN
 * opened over plain HTTP still loads; and Node's own refusals (a URL over 16 KB) are JSON problems.
 */
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/harness/engines.js';
import type { DatabaseHandle } from '../db/create-db.js';
import { buildApp } from '../../app.js';
import { FileStore, FsBlobDriver } from '../storage/index.js';
import { FixedClock } from '../time/clock.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('transport headers and refusals before routing', () => {
  let handle: DatabaseHandle;
  let dir: string;
  const build = (secureCookies: boolean) =>
    buildApp({ db: handle.db, engine: handle.engine, clock: new FixedClock(new Date('2026-05-05T08:00:00+07:00')), files: new FileStore({ driver: new FsBlobDriver(dir), maxBytes: 1024 }), secureCookies });

  beforeAll(async () => {
    handle = await createTestDb('pglite');
    dir = await mkdtemp(join(tmpdir(), 'vanthu-transport-'));
  });
  afterAll(async () => {
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('over plain HTTP the page is not told to upgrade its assets to https, and no HSTS is sent', async () => {
    const app = await build(false);
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    await app.close();
  });

  it('served over HTTPS (secure cookies on) the CSP upgrades insecure requests and HSTS is sent', async () => {
    const app = await build(true);
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    await app.close();
  });

  it('a URL over 16 KB gets a JSON problem in Vietnamese, not Node’s bare 431', async () => {
    const app = await build(false);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: `/api/incoming?q=${'a'.repeat(17 * 1024)}` }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
      });
      req.on('error', reject).end();
    });
    expect(answer.status).toBe(431);
    expect(answer.type).toBe('application/json; charset=utf-8');
    expect(JSON.parse(answer.body)).toEqual({ code: 'HEADERS_TOO_LARGE', message: expect.stringMatching(/^Địa chỉ \(URL\) hoặc phần tiêu đề/) });
    await app.close();
  });
});
