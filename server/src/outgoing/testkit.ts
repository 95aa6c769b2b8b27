/**
 * Test and bench support: the demo province with a test CA on the trust list, the director's
 * personal certificate, the agency's device held by its clerk, and the steps of an outgoing
 * document as the browser would call them, the signing agent played in-process.
 */
import type { LightMyRequestResponse } from 'fastify';
import { call, login, startTestApp, type Session, type TestApp } from '../../test/harness/app.js';
import { multipart, pdfBytes } from '../../test/harness/samples.js';
import type { DatabaseHandle } from '../infra/db/create-db.js';
import { parseRequest, signRequest } from '../signing/index.js';
import { makeDecisionPdf } from '../signing/testing/decision-pdf.js';
import { registerCertificate } from '../signing/testing/register-certificate.js';
import { createTestPki, keySigner, type TestIdentity, type TestPki } from '../signing/testing/test-pki.js';

export const NUMBER_LINE = 'Số:        /QĐ-SNV';
export const DATE_LINE = 'Thái Nguyên, ngày      tháng      năm 2026';

export interface OutgoingFixture {
  t: TestApp;
  pki: TestPki;
  s: Record<'drafter' | 'head' | 'signer' | 'clerk' | 'admin' | 'ubnd' | 'deputy', Session>;
  users: Record<string, string>;
  personalCert: string;
  orgCert: string;
  /** Logs everyone in again, after the clock moved past their sessions' idle limit. */
  relogin(): Promise<void>;
  close(): Promise<void>;
}

const ok = (res: LightMyRequestResponse, status = 200) => {
  if (res.statusCode !== status) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
};

/** `at`: the test clock, after the test CA's certificates begin (they are made "now"). */
export async function setupOutgoing(handle: DatabaseHandle, options: { at?: Date } = {}): Promise<OutgoingFixture> {
  // CRLs current past the year's end, for the test that issues on 31 December and 1 January.
  const [t, pki] = await Promise.all([startTestApp(handle), createTestPki({ crlDays: 400 })]);
  t.clock.set(options.at ?? new Date(Date.now() + 60_000));
  const names = { drafter: 'chuyenvien.snv', head: 'truongphong.snv', signer: 'giamdoc.snv', clerk: 'vanthu.snv', admin: 'admin', ubnd: 'vanthu.ubnd', deputy: 'phogiamdoc.snv' } as const;
  const loginAll = async () => Object.fromEntries(await Promise.all(Object.entries(names).map(async ([k, u]) => [k, await login(t.app, u)]))) as OutgoingFixture['s'];
  const s = await loginAll();
  const users: Record<string, string> = {};
  for (const u of ok(await call(t.app, s.clerk, 'GET', '/api/users'))) users[u.username] = u.id;
  ok(await call(t.app, s.admin, 'POST', '/api/signing/trust-anchors', { name: 'CA thử nghiệm', certificate: pki.root.toString('base64') }), 201);
  for (const crl of pki.crls) ok(await call(t.app, s.admin, 'POST', '/api/signing/crls', { crl: crl.toString('base64') }), 201);
  const personalCert = await registerCertificate(t.app, s.signer, pki.ecdsa);
  const device = ok(await call(t.app, s.clerk, 'POST', '/api/signing/devices', { kind: 'token', label: 'Token chữ ký số cơ quan', serialNumber: 'TEST-0001' }), 201).id;
  const orgCert = await registerCertificate(t.app, s.clerk, pki.rsa, { deviceId: device });
  const decision = await uploadFile(t, s.signer, 'quyet-dinh-01.pdf', pdfBytes('Quyet dinh giao thiet bi'));
  const assigned = ok(await call(t.app, s.signer, 'POST', `/api/signing/devices/${device}/assign`, { holderId: users['vanthu.snv'], decisionNumber: '01/QĐ-SNV', decisionDate: '2026-01-05', decisionFileId: decision }), 201);
  ok(await call(t.app, s.clerk, 'POST', `/api/signing/assignments/${assigned.assignmentId}/handover`));
  return {
    t,
    pki,
    s,
    users,
    personalCert,
    orgCert,
    relogin: async () => {
      Object.assign(s, await loginAll());
    },
    close: async () => {
      await t.close();
      await pki.cleanup();
    },
  };
}

export function upload(fx: OutgoingFixture, session: Session, name: string, content: Buffer): Promise<string> {
  return uploadFile(fx.t, session, name, content);
}

async function uploadFile(t: TestApp, session: Session, name: string, content: Buffer): Promise<string> {
  const body = multipart(name, content);
  const res = await t.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': body.contentType }, payload: body.payload });
  return ok(res, 201).id;
}

/** A decision laid out like NĐ 30 with the places for the number and date left blank. */
export async function draftPdf(): Promise<Buffer> {
  return (await makeDecisionPdf({ numberLine: NUMBER_LINE, dateLine: DATE_LINE })).pdf;
}

export function draftBody(fx: OutgoingFixture, fileId: string, over: Record<string, unknown> = {}) {
  return {
    typeCode: 'QĐ',
    summary: 'Về việc ủy quyền ký văn bản điện tử về văn thư, lưu trữ',
    signerId: fx.users['giamdoc.snv'],
    signerAuthority: '',
    signerPosition: 'Giám đốc',
    recipientAgencyIds: [fx.t.agencies.ubnd],
    externalRecipients: ['Bộ Nội vụ'],
    toPlaces: 'Như Điều 3; UBND tỉnh (để b/c); Lưu: VT, VTLT.',
    fileId,
    ...over,
  };
}

/** The signing agent's part: sign the request with the identity's key, answer as the agent does. */
export async function agentSign(identity: TestIdentity, prepared: { sessionId: string; request: unknown }) {
  const answer = await signRequest(keySigner(identity), parseRequest(JSON.stringify(prepared.request)));
  return { sessionId: prepared.sessionId, ...answer };
}

/** Draft → approve → sign; returns the document id in state "signed". */
export async function throughSigning(fx: OutgoingFixture, over: Record<string, unknown> = {}): Promise<string> {
  const { t, s } = fx;
  const fileId = await upload(fx, s.drafter, 'du-thao.pdf', await draftPdf());
  const { id } = ok(await call(t.app, s.drafter, 'POST', '/api/outgoing', draftBody(fx, fileId, over)), 201);
  ok(await call(t.app, s.drafter, 'POST', `/api/outgoing/${id}/submit`));
  ok(await call(t.app, s.head, 'POST', `/api/outgoing/${id}/approve`));
  const prepared = ok(await call(t.app, s.signer, 'POST', `/api/outgoing/${id}/sign/prepare`, { certificateId: fx.personalCert }));
  ok(await call(t.app, s.signer, 'POST', `/api/outgoing/${id}/sign/complete`, await agentSign(fx.pki.ecdsa, prepared)));
  return id;
}

/** Number and organisation signature: the document is issued and delivered. */
export async function issue(fx: OutgoingFixture, id: string) {
  const { t, s } = fx;
  const numbered = ok(await call(t.app, s.clerk, 'POST', `/api/outgoing/${id}/number`));
  const prepared = ok(await call(t.app, s.clerk, 'POST', `/api/outgoing/${id}/seal/prepare`, { certificateId: fx.orgCert }));
  ok(await call(t.app, s.clerk, 'POST', `/api/outgoing/${id}/seal/complete`, await agentSign(fx.pki.rsa, prepared)));
  return numbered as { year: number; number: number; notation: string; numberAndNotation: string };
}
