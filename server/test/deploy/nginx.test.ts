/**
 * deploy/nginx/vanthu.conf in front of the production build (node server/dist/main.js), both
 * started here: Debian's nginx in a scratch prefix on free ports with a certificate made by
 * openssl, not a system service. What a province deployment relies on: plain HTTP only redirects,
 * secure cookies and HSTS over HTTPS, the client's real address in the audit log, and uploads of
 * the largest accepted size pass the proxy.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, pdfBytes } from '../harness/samples.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CONFIG = join(ROOT, 'deploy', 'nginx', 'vanthu.conf');
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const HOST = 'vanthu.test';
/** The browser's address as nginx sees it: not the proxy's own 127.0.0.1 (Linux answers all of 127/8). */
const CLIENT = '127.0.0.2';
const MAX_UPLOAD_MB = 100;

if (!existsSync(NGINX) && process.env.CI === 'true') throw new Error(`nginx không có tại ${NGINX} (apt-get install nginx; bắt buộc khi CI=true)`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The repository's site with this machine's ports, certificate and node in place of the examples. */
function siteForTest(config: string, ports: { http: number; https: number; app: number }, cert: string, key: string): string {
  const edits: [RegExp, string][] = [
    [/upstream vanthu \{[^}]*?keepalive/, `upstream vanthu {\n    server 127.0.0.1:${ports.app};\n    keepalive`],
    [/^\s*listen \[::\]:80;\n/m, ''],
    [/^\s*listen \[::\]:443 ssl http2;\n/m, ''],
    [/listen 80;/, `listen 127.0.0.1:${ports.http};`],
    [/listen 443 ssl http2;/, `listen 127.0.0.1:${ports.https} ssl http2;`],
    [/ssl_certificate\s+\S+;/, `ssl_certificate ${cert};`],
    [/ssl_certificate_key\s+\S+;/, `ssl_certificate_key ${key};`],
  ];
  return edits.reduce((text, [pattern, replacement]) => {
    if (!pattern.test(text)) throw new Error(`deploy/nginx/vanthu.conf changed: ${pattern} no longer matches; update this test`);
    return text.replace(pattern, replacement);
  }, config);
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe.skipIf(!existsSync(NGINX))('nginx in front of VănThư (deploy/nginx/vanthu.conf)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-nginx-'));
  const ports = { http: 0, https: 0, app: 0 };
  let server: ChildProcess | undefined;
  let nginx: ChildProcess | undefined;
  let serverOutput = '';
  let ca: Buffer;

  const request = (method: string, path: string, options: { headers?: Record<string, string>; body?: Buffer } = {}): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = https.request(
        { host: '127.0.0.1', port: ports.https, localAddress: CLIENT, servername: HOST, ca, method, path, headers: { host: HOST, ...options.headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
        },
      );
      req.on('error', reject);
      req.end(options.body);
    });

  const login = async (username: string) => {
    const res = await request('POST', '/api/auth/login', { headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify({ username, password: 'demo' })) });
    expect(res.status, res.body).toBe(200);
    const cookies = res.headers['set-cookie'] ?? [];
    const session = cookies.find((c) => c.startsWith('vanthu_session='))!;
    return { cookies, cookie: session.split(';')[0]!, csrf: JSON.parse(res.body).csrfToken as string };
  };

  beforeAll(async () => {
    chmodSync(dir, 0o755); // nginx's workers (another user when started as root) write their temp files here
    ports.http = await freePort();
    ports.https = await freePort();
    ports.app = await freePort();

    const openssl = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${HOST}`, '-addext', `subjectAltName=DNS:${HOST},IP:127.0.0.1`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { encoding: 'utf8' });
    expect(openssl.status, openssl.stderr).toBe(0);
    ca = readFileSync(join(dir, 'cert.pem'));

    // The production build, rebuilt only when the sources changed.
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), 'server', '--if-changed'], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    server = spawn(process.execPath, ['--enable-source-maps', join(ROOT, 'server', 'dist', 'main.js')], {
      env: {
        ...process.env,
        NODE_ENV: '',
        DATABASE_URL: '',
        PORT: String(ports.app),
        HOST: '127.0.0.1',
        VANTHU_DATA_DIR: join(dir, 'data'),
        VANTHU_DEMO: '1',
        // What production (NODE_ENV=production) turns on; the demo users need it off here.
        VANTHU_SECURE_COOKIES: '1',
        VANTHU_TRUST_PROXY: '127.0.0.1',
        VANTHU_MAX_UPLOAD_MB: String(MAX_UPLOAD_MB),
        VANTHU_REVOCATION_ONLINE: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d: Buffer) => (serverOutput += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (serverOutput += d.toString()));

    const site = siteForTest(readFileSync(CONFIG, 'utf8'), ports, join(dir, 'cert.pem'), join(dir, 'key.pem'));
    writeFileSync(join(dir, 'vanthu.conf'), site);
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${join(dir, `${t}_temp`)};`).join('\n  ');
    writeFileSync(
      join(dir, 'nginx.conf'),
      `pid ${join(dir, 'nginx.pid')};\nerror_log ${join(dir, 'error.log')} warn;\nworker_processes 1;\nevents { worker_connections 64; }\nhttp {\n  access_log ${join(dir, 'access.log')};\n  ${temp}\n  include ${join(dir, 'vanthu.conf')};\n}\n`,
    );
    const check = spawnSync(NGINX, ['-t', '-p', dir, '-e', 'stderr', '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    nginx = spawn(NGINX, ['-p', dir, '-e', 'stderr', '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });

    // The first start initialises PGlite and loads the demo province.
    const deadline = Date.now() + 240_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`server exited: ${serverOutput}`);
      const ok = await request('GET', '/healthz').then((r) => r.status === 200, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`not ready: ${serverOutput}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 300_000);

  afterAll(async () => {
    for (const child of [nginx, server]) {
      if (!child || child.exitCode !== null) continue;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('plain HTTP only redirects to HTTPS, with nothing served', async () => {
    const res = await new Promise<Answer>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: ports.http, path: '/api/auth/me?x=1', headers: { host: HOST } }, (r) => {
          let body = '';
          r.on('data', (c) => (body += c));
          r.on('end', () => resolve({ status: r.statusCode!, headers: r.headers, body }));
        })
        .on('error', reject);
    });
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe(`https://${HOST}/api/auth/me?x=1`);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('over HTTPS: secure session cookies, HSTS, and a CSP that upgrades (everything is HTTPS already)', async () => {
    const { cookies } = await login('vanthu.snv');
    expect(cookies.length).toBeGreaterThan(0);
    for (const c of cookies) expect(c, c).toMatch(/;\s*Secure/i);
    const page = await request('GET', '/healthz');
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(page.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    // One of each: nginx adds none of the application's headers.
    expect(String(page.headers['strict-transport-security']).split(',').length).toBe(1);
  });

  it("the audit log records the browser's address, not the proxy's nor a forged X-Forwarded-For", async () => {
    const forged = await request('POST', '/api/auth/login', {
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
      body: Buffer.from(JSON.stringify({ username: 'giamdoc.snv', password: 'demo' })),
    });
    expect(forged.status).toBe(200);
    const admin = await login('admin');
    const res = await request('GET', '/api/audit?limit=50', { headers: { cookie: admin.cookie } });
    expect(res.status, res.body).toBe(200);
    const entries = JSON.parse(res.body) as { action: string; ip: string | null }[];
    const logins = entries.filter((e) => e.action.includes('login'));
    expect(logins.length).toBeGreaterThan(0);
    for (const e of logins) expect(e.ip).toBe(CLIENT);
  });

  it(`an upload of the largest accepted size (VANTHU_MAX_UPLOAD_MB=${MAX_UPLOAD_MB}) passes the proxy; a larger one is refused`, async () => {
    const clerk = await login('vanthu.snv');
    const upload = (bytes: number) => {
      const body = multipart('lon.pdf', pdfBytes('VanThu', bytes));
      return request('POST', '/api/files', { headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf, 'content-type': body.contentType }, body: body.payload });
    };
    const largest = await upload(MAX_UPLOAD_MB * 1024 * 1024 - 4096);
    expect(largest.status, largest.body.slice(0, 300)).toBe(201);
    expect(JSON.parse(largest.body).size).toBeGreaterThan((MAX_UPLOAD_MB - 1) * 1024 * 1024);
    // Over the limit: nginx's limit sits just above the application's, so whoever answers, it is a 413.
    const over = await upload(MAX_UPLOAD_MB * 1024 * 1024 + 64 * 1024);
    expect(over.status).toBe(413);
  });
});
