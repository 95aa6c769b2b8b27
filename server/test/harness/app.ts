import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { DatabaseHandle } from '../../src/infra/db/create-db.js';
import { FileStore, FsBlobDriver } from '../../src/infra/storage/index.js';
import { FixedClock } from '../../src/infra/time/clock.js';
import { seedDemoIfEmpty } from '../../src/demo/seed.js';
import { listAgencies } from '../../src/agencies/index.js';
import type { OfficeConverter } from '../../src/infra/convert/index.js';

export interface TestApp {
  app: FastifyInstance;
  clock: FixedClock;
  files: FileStore;
  filesDir: string;
  /** Demo agency ids by abbreviation-ish key: snv, ubnd, skhcn … (by QCVN code). */
  agencies: Record<string, string>;
  close(): Promise<void>;
}

export const AGENCY_CODES = { ubnd: '000.00.00.H55', snv: '000.00.05.H55', skhcn: '000.00.12.H55', stc: '000.00.08.H55' } as const;

/** The real application on a test database, with the demo province loaded and a settable clock. */
export async function startTestApp(handle: DatabaseHandle, options: { maxBytes?: number; seed?: boolean; converter?: OfficeConverter } = {}): Promise<TestApp> {
  const filesDir = await mkdtemp(join(tmpdir(), 'vanthu-files-'));
  const clock = new FixedClock(new Date('2026-03-02T09:00:00+07:00'));
  const files = new FileStore({ driver: new FsBlobDriver(filesDir), maxBytes: options.maxBytes ?? 5 * 1024 * 1024 });
  if (options.seed !== false) await seedDemoIfEmpty(handle.db, clock, files);
  const app = await buildApp({ db: handle.db, engine: handle.engine, clock, files, converter: options.converter });
  const all = await listAgencies(handle.db);
  const agencies = Object.fromEntries(Object.entries(AGENCY_CODES).map(([k, code]) => [k, all.find((a) => a.code === code)?.id ?? '']));
  return {
    app,
    clock,
    files,
    filesDir,
    agencies,
    close: async () => {
      await app.close();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(app: FastifyInstance, username: string, password = 'demo'): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const session = res.cookies.find((c) => c.name === 'vanthu_session');
  return { cookie: `vanthu_session=${session!.value}`, csrf: res.json().csrfToken };
}

/** A request as a logged-in browser would send it: session cookie and CSRF header. */
export function call(
  app: FastifyInstance,
  session: Session | null,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrf;
  }
  return app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
}
