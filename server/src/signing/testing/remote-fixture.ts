/**
 * The outgoing fixture (director's ECDSA certificate registered) plus the mock remote signing
 * provider holding the director's key, and a second app on the same database with the remote
 * back end configured, listening on a real port: the browser's part goes over HTTP with fetch.
 */
import type { FastifyInstance } from 'fastify';
import { call, type Session } from '../../../test/harness/app.js';
import { buildApp } from '../../app.js';
import type { DatabaseHandle } from '../../infra/db/create-db.js';
import { draftBody, draftPdf, setupOutgoing, upload, type OutgoingFixture } from '../../outgoing/testkit.js';
import { HttpRemoteSigner } from '../remote/http-signer.js';
import { startMockProvider, type MockProvider } from './mock-remote-provider.js';

export const DIRECTOR_ACCOUNT = 'giamdoc.snv@smartca-thu';

export interface RemoteFixture {
  fx: OutgoingFixture;
  mock: MockProvider;
  app: FastifyInstance;
  http(session: Session, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: any }>;
  /** A draft approved and waiting for the director's signature. */
  approvedDraft(): Promise<string>;
  /** GET …/remote until it is no longer pending (or answers an error). */
  settle(session: Session, sessionId: string): Promise<{ status: number; json: any }>;
  close(): Promise<void>;
}

export async function setupRemote(handle: DatabaseHandle, options: { timeoutMs?: number } = {}): Promise<RemoteFixture> {
  const fx = await setupOutgoing(handle);
  const mock = await startMockProvider({ accounts: { [DIRECTOR_ACCOUNT]: { keyPem: fx.pki.ecdsa.keyPem, chain: fx.pki.ecdsa.chain } }, confirmAfterPolls: 2 });
  const signer = new HttpRemoteSigner({ url: mock.url, clientId: mock.clientId, clientSecret: mock.clientSecret });
  const remoteSigning = { signer, name: 'Dịch vụ ký số từ xa thử nghiệm', pollIntervalMs: 20, timeoutMs: options.timeoutMs ?? 1500 };
  const app = await buildApp({ db: handle.db, engine: handle.engine, clock: fx.t.clock, files: fx.t.files, remoteSigning });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });

  const http: RemoteFixture['http'] = async (session, method, path, body) => {
    const headers: Record<string, string> = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, json: await res.json() };
  };
  const approvedDraft = async () => {
    const { s } = fx;
    const fileId = await upload(fx, s.drafter, 'du-thao.pdf', await draftPdf());
    const id = (await call(fx.t.app, s.drafter, 'POST', '/api/outgoing', draftBody(fx, fileId))).json().id as string;
    await call(fx.t.app, s.drafter, 'POST', `/api/outgoing/${id}/submit`);
    const approved = await call(fx.t.app, s.head, 'POST', `/api/outgoing/${id}/approve`);
    if (approved.statusCode !== 200) throw new Error(approved.body);
    return id;
  };
  const settle: RemoteFixture['settle'] = async (session, sessionId) => {
    for (let i = 0; i < 400; i++) {
      const res = await http(session, 'GET', `/api/signing/sessions/${sessionId}/remote`);
      if (res.status !== 200 || res.json.state !== 'pending') return res;
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    throw new Error('remote signing request still pending');
  };
  return {
    fx,
    mock,
    app,
    http,
    approvedDraft,
    settle,
    close: async () => {
      await app.close();
      await mock.close();
      await fx.close();
    },
  };
}
