/**
 * Test support for copies, on top of outgoing's fixture (test CA on the trust list, the agency's
 * device held by vanthu.snv, the signing agent played in-process): incoming documents registered
 * the way the clerk does, on paper with a scan or electronic with a PDF.
 */
import type { LightMyRequestResponse } from 'fastify';
import { call, type Session } from '../../test/harness/app.js';
import { scanPdf } from '../../test/harness/samples.js';
import { agentSign, upload, type OutgoingFixture } from '../outgoing/testkit.js';

export { agentSign, setupOutgoing as setupCopies, type OutgoingFixture as CopiesFixture } from '../outgoing/testkit.js';

let counter = 0;

export const ok = (res: LightMyRequestResponse, status = 200) => {
  if (res.statusCode !== status) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
};

const entry = (over: Record<string, unknown>) => ({
  issuerName: 'Ủy ban nhân dân tỉnh Thái Nguyên',
  issuerCode: '000.00.00.H55',
  typeName: 'Quyết định',
  codeNumber: String(500 + ++counter),
  codeNotation: 'QĐ-UBND',
  issuedDate: '2026-02-27',
  subject: `Về việc kế hoạch số hóa tài liệu lưu trữ, đợt ${counter}`,
  signerPosition: 'Chủ tịch',
  signerName: 'Trịnh Việt Hùng',
  ...over,
});

/** A paper document registered with its colour scan (200 dpi unless told) as main file. */
export async function registerPaper(fx: OutgoingFixture, scan: Parameters<typeof scanPdf>[0] = { dpi: 200, colour: true }): Promise<string> {
  const fileId = await upload(fx, fx.s.clerk, 'ban-quet.pdf', await scanPdf(scan));
  return ok(await call(fx.t.app, fx.s.clerk, 'POST', '/api/incoming', entry({ source: 'paper', mainFileId: fileId })), 201).id;
}

/** An electronic document (uploaded PDF) registered by the clerk. */
export async function registerElectronic(fx: OutgoingFixture, pdf: Buffer): Promise<string> {
  const fileId = await upload(fx, fx.s.clerk, 'van-ban.pdf', pdf);
  return ok(await call(fx.t.app, fx.s.clerk, 'POST', '/api/incoming', entry({ source: 'upload', mainFileId: fileId })), 201).id;
}

/** Prepare, sign with the agency's key (the agent's part), complete: the copy as the API returns it. */
export async function digitise(fx: OutgoingFixture, incomingId: string, form: string, more: Record<string, unknown> = {}, clerk: Session = fx.s.clerk) {
  const prepared = ok(await call(fx.t.app, clerk, 'POST', '/api/copies/digitised/prepare', { incomingId, form, certificateId: fx.orgCert, ...more }));
  return ok(await call(fx.t.app, clerk, 'POST', '/api/copies/digitised/complete', await agentSign(fx.pki.rsa, prepared)));
}

export async function fileBytes(fx: OutgoingFixture, fileId: string, s: Session = fx.s.clerk): Promise<Buffer> {
  return (await call(fx.t.app, s, 'GET', `/api/files/${fileId}/content`)).rawPayload;
}
