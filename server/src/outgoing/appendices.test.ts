/**
 * Appendices in separate files (Q-8.2c): versioned with the draft, approved with it, and at issue
 * sealed by the clerk in the same agent run as the document, each with the stamp "Số: …" and the
 * signing time top right of page 1; all or nothing; delivered with the main file.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../test/harness/engines.js';
import { call, type Session } from '../../test/harness/app.js';
import { pngBytes } from '../../test/harness/samples.js';
import { A4, makeDecisionPdf } from '../signing/testing/decision-pdf.js';
import { findWords, pdftotextWords } from '../signing/testing/poppler.js';
import { makeTestPdf } from '../signing/testing/test-pdf.js';
import { nssTrusting, pdfsig } from '../signing/testing/tools.js';
import { agentSign, draftBody, draftPdf, setupOutgoing, throughSigning, upload, type OutgoingFixture } from './testkit.js';

type BatchAnswer = { sessionId: string; signatures: string[]; certificateChain: string[] };
/** Written out here, not with the code under test: Vietnam is UTC+7 all year. */
const vietnamIso = (at: Date) => new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 19) + '+07:00';

describeEngines('outgoing appendices in separate files', (db) => {
  let fx: OutgoingFixture;
  let dir: string;
  let nss: string;
  const get = (s: Session, id: string) => call(fx.t.app, s, 'GET', `/api/outgoing/${id}`).then((r) => r.json());
  const post = (s: Session, url: string, body?: unknown) => call(fx.t.app, s, 'POST', url, body);
  const bytes = async (s: Session, fileId: string) => (await call(fx.t.app, s, 'GET', `/api/files/${fileId}/content`)).rawPayload;
  const signatures = async (pdf: Buffer, name: string) => {
    const file = join(dir, `${name}.pdf`);
    await writeFile(file, pdf);
    return (await pdfsig(file, nss)).map((s) => s.valid);
  };
  /** Signed by the signer, with two appendices: a two-page decision and a one-page list. */
  const withAppendices = async (summary: string) => {
    const [first, second] = await Promise.all([makeDecisionPdf({ pages: 2 }).then((d) => d.pdf), makeTestPdf()]);
    const appendices = [
      { fileId: await upload(fx, fx.s.drafter, 'phu-luc-1.pdf', first), title: 'Phụ lục I. Danh sách đơn vị' },
      { fileId: await upload(fx, fx.s.drafter, 'phu-luc-2.pdf', second) },
    ];
    return throughSigning(fx, { summary, appendices });
  };
  const prepareAndSign = async (id: string) => {
    const prepared = (await post(fx.s.clerk, `/api/outgoing/${id}/seal/prepare`, { certificateId: fx.orgCert })).json();
    return { prepared, answer: (await agentSign(fx.pki.rsa, prepared)) as BatchAnswer };
  };

  beforeAll(async () => {
    [fx, dir] = await Promise.all([setupOutgoing(db()), mkdtemp(join(tmpdir(), 'vanthu-appendix-'))]);
    nss = await nssTrusting(join(dir, 'nss'), fx.pki.rootFile);
  });
  afterAll(async () => {
    await fx?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('[Q-8.2c] [Q-12.2a] one agent run seals the document and each appendix: stamp top right of page 1, pdfsig valid, delivered with the main file', async () => {
    const { s } = fx;
    const id = await withAppendices('Về việc ban hành danh sách đơn vị kèm phụ lục');
    const numbered = (await post(s.clerk, `/api/outgoing/${id}/number`)).json();
    const sealedAt = vietnamIso(fx.t.clock.now());
    const { prepared, answer } = await prepareAndSign(id);
    expect(prepared.request.items).toHaveLength(3);
    expect(prepared.items).toEqual([
      { kind: 'main', appendixId: null, title: 'Về việc ban hành danh sách đơn vị kèm phụ lục', digest: prepared.digest },
      { kind: 'appendix', appendixId: expect.any(String), title: 'Phụ lục I. Danh sách đơn vị', digest: expect.any(String) },
      { kind: 'appendix', appendixId: expect.any(String), title: 'phu-luc-2', digest: expect.any(String) },
    ]);
    expect(answer.signatures).toHaveLength(3);
    expect((await post(s.clerk, `/api/outgoing/${id}/seal/complete`, answer)).statusCode).toBe(200);

    const doc = await get(s.clerk, id);
    expect(doc).toMatchObject({ state: 'issued', issuePath: 'electronic' });
    expect(await signatures(await bytes(s.clerk, doc.issuedFileId), 'main')).toEqual([true, true]);
    const appendices = doc.versions[0].appendices;
    expect(appendices.map((a: { ordinal: number; sealedFileId: string | null }) => [a.ordinal, typeof a.sealedFileId])).toEqual([[1, 'string'], [2, 'string']]);
    const sealed = [];
    for (const a of appendices) {
      const pdf = await bytes(s.clerk, a.sealedFileId);
      sealed.push(pdf);
      expect(await signatures(pdf, `appendix-${a.ordinal}`)).toEqual([true]);
      const words = await pdftotextWords(pdf);
      const stamp = [...(findWords(words, `Số: ${numbered.numberAndNotation}`) ?? []), ...(findWords(words, sealedAt) ?? [])];
      expect(stamp).toHaveLength(3);
      for (const word of stamp) {
        expect(word.xMin).toBeGreaterThan(A4.width / 2);
        expect(word.yMax).toBeLessThan(60);
      }
    }

    const item = (await call(fx.t.app, s.ubnd, 'GET', '/api/incoming/inbox')).json().find((i: { envelope: { subject: string } }) => i.envelope.subject === doc.summary);
    expect(item.attachmentFileIds).toHaveLength(2);
    for (const [i, fileId] of item.attachmentFileIds.entries()) expect((await bytes(s.ubnd, fileId)).equals(sealed[i])).toBe(true);
    const registered = await post(s.ubnd, `/api/incoming/inbox/${item.id}/register`, {});
    expect([registered.statusCode, registered.json().signatureCheck]).toEqual([201, 'valid']);
  });

  it('[Q-8.2c] a wrong signature for one appendix refuses the whole issue: nothing issued, delivered or numbered twice', async () => {
    const { s } = fx;
    const summary = 'Về việc kiểm tra ký phụ lục sai chữ ký';
    const id = await withAppendices(summary);
    const numbered = (await post(s.clerk, `/api/outgoing/${id}/number`)).json();
    const stale = await prepareAndSign(id);
    const { answer } = await prepareAndSign(id);

    const wrong = await post(s.clerk, `/api/outgoing/${id}/seal/complete`, { ...answer, signatures: [answer.signatures[0], answer.signatures[1], answer.signatures[1]] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^Phụ lục 2 \("phu-luc-2"\): Chữ ký nhận về không khớp/), details: { reason: 'SIGNATURE_MISMATCH' } });
    const short = await post(s.clerk, `/api/outgoing/${id}/seal/complete`, { ...answer, signatures: answer.signatures.slice(0, 2) });
    expect([short.statusCode, short.json().details]).toEqual([400, [{ field: 'signatures' }]]);
    const single = await post(s.clerk, `/api/outgoing/${id}/seal/complete`, { sessionId: answer.sessionId, signature: answer.signatures[0], certificateChain: answer.certificateChain });
    expect(single.statusCode).toBe(400);
    expect((await post(s.clerk, `/api/outgoing/${id}/seal/complete`, stale.answer)).statusCode).toBe(409);

    const after = await get(s.clerk, id);
    expect(after).toMatchObject({ state: 'numbered', number: numbered.number, issuedFileId: null });
    expect(after.versions[0].appendices.map((a: { sealedFileId: string | null }) => a.sealedFileId)).toEqual([null, null]);
    const inbox = (await call(fx.t.app, s.ubnd, 'GET', '/api/incoming/inbox')).json();
    expect(inbox.some((i: { envelope: { subject: string } }) => i.envelope.subject === summary)).toBe(false);
    expect((await post(s.clerk, `/api/outgoing/${id}/number`)).statusCode).toBe(409);

    // The sessions were not used up by the refusal: the right answer still issues, under the same number.
    expect((await post(s.clerk, `/api/outgoing/${id}/seal/complete`, answer)).statusCode).toBe(200);
    expect(await get(s.clerk, id)).toMatchObject({ state: 'issued', number: numbered.number });
    const next = await throughSigning(fx, { summary: 'Về việc văn bản tiếp theo sau phụ lục bị từ chối' });
    expect((await post(s.clerk, `/api/outgoing/${next}/number`)).json().number).toBe(numbered.number + 1);
  });

  it('[Q-8.2c] [Q-10.1] appendices belong to a version: carried over, replaced or removed by a new version; other formats refused', async () => {
    const { s } = fx;
    const appendix = await upload(fx, s.drafter, 'bang-tong-hop.pdf', await makeTestPdf());
    const main = await upload(fx, s.drafter, 'du-thao.pdf', await draftPdf());
    const { id } = (await post(s.drafter, '/api/outgoing', draftBody(fx, main, { appendices: [{ fileId: appendix }] }))).json();
    expect((await post(s.drafter, `/api/outgoing/${id}/versions`, { fileId: main, note: 'Giữ phụ lục' })).statusCode).toBe(201);
    expect((await post(s.drafter, `/api/outgoing/${id}/versions`, { fileId: main, appendices: [] })).statusCode).toBe(201);
    const versions = (await get(s.drafter, id)).versions;
    expect(versions.map((v: { appendices: { sourceFileId: string; title: string }[] }) => v.appendices.map((a) => [a.sourceFileId, a.title]))).toEqual([
      [[appendix, 'bang-tong-hop']],
      [[appendix, 'bang-tong-hop']],
      [],
    ]);
    const png = await upload(fx, s.drafter, 'anh.png', pngBytes());
    const refused = await post(s.drafter, `/api/outgoing/${id}/versions`, { fileId: main, appendices: [{ fileId: png }] });
    expect([refused.statusCode, refused.json().details]).toEqual([400, [{ field: 'appendices/0/fileId' }]]);
    const twice = await post(s.drafter, `/api/outgoing/${id}/versions`, { fileId: main, appendices: [{ fileId: appendix }, { fileId: appendix }] });
    expect(twice.statusCode).toBe(400);
    expect((await get(s.drafter, id)).currentVersion).toBe(3);
  });
});
