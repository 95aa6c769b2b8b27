/**
 * An outgoing document signed with the uploaded images (Q-8.2a): the signer's blue signature
 * between title and name on the last page, the agency's red seal at its real size over the left
 * third of it; both signatures valid after the clerk numbers the document between them. Widget
 * positions are read from the PDF and the last page is rendered by poppler.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDocument, PDFName, PDFNumber } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../test/harness/engines.js';
import { call, type Session } from '../../test/harness/app.js';
import { multipart } from '../../test/harness/samples.js';
import { verifyPdf } from '../signing/index.js';
import { A4, makeDecisionPdf } from '../signing/testing/decision-pdf.js';
import { renderPage } from '../signing/testing/poppler.js';
import { BLUE_INK, isBlue, isRed, RED_INK, ring, scribble } from '../signing/testing/test-images.js';
import { nssTrusting, pdfsig } from '../signing/testing/tools.js';
import { agentSign, DATE_LINE, draftBody, NUMBER_LINE, setupOutgoing, upload, type OutgoingFixture } from './testkit.js';

const SEAL_MM = 36;
type Box = { page: number; x: number; y: number; width: number; height: number };

describeEngines('outgoing documents with signature and seal images', (db) => {
  let fx: OutgoingFixture;
  let dir: string;
  const post = async (s: Session, url: string, body?: unknown) => {
    const res = await call(fx.t.app, s, 'POST', url, body);
    if (res.statusCode !== 200 && res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const put = (s: Session, url: string, png: Buffer) => {
    const body = multipart('anh.png', png);
    return fx.t.app.inject({ method: 'PUT', url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': body.contentType }, payload: body.payload });
  };
  /** Draft with this PDF → submitted → approved; the id. */
  const approved = async (pdf: Buffer) => {
    const { s } = fx;
    const { id } = await post(s.drafter, '/api/outgoing', draftBody(fx, await upload(fx, s.drafter, 'du-thao.pdf', pdf)));
    await post(s.drafter, `/api/outgoing/${id}/submit`);
    await post(s.head, `/api/outgoing/${id}/approve`);
    return id as string;
  };
  const sign = async (id: string, box?: Box) => {
    const prepared = await post(fx.s.signer, `/api/outgoing/${id}/sign/prepare`, { certificateId: fx.personalCert, box });
    await post(fx.s.signer, `/api/outgoing/${id}/sign/complete`, await agentSign(fx.pki.ecdsa, prepared));
    return prepared;
  };
  const numberAndSeal = async (id: string) => {
    const numbered = await post(fx.s.clerk, `/api/outgoing/${id}/number`);
    const prepared = await post(fx.s.clerk, `/api/outgoing/${id}/seal/prepare`, { certificateId: fx.orgCert });
    await post(fx.s.clerk, `/api/outgoing/${id}/seal/complete`, await agentSign(fx.pki.rsa, prepared));
    const doc = (await call(fx.t.app, fx.s.clerk, 'GET', `/api/outgoing/${id}`)).json();
    const pdf = (await call(fx.t.app, fx.s.clerk, 'GET', `/api/files/${doc.issuedFileId}/content`)).rawPayload;
    return { prepared, numbered, pdf };
  };

  beforeAll(async () => {
    [fx, dir] = await Promise.all([setupOutgoing(db()), mkdtemp(join(tmpdir(), 'vanthu-vis-'))]);
    expect((await put(fx.s.signer, `/api/signing/users/${fx.users['giamdoc.snv']}/signature-image`, scribble(2, BLUE_INK))).statusCode).toBe(200);
    expect((await put(fx.s.admin, `/api/signing/agencies/${fx.t.agencies.snv}/seal-image?diameterMm=${SEAL_MM}`, ring(2, RED_INK))).statusCode).toBe(200);
  });
  afterAll(async () => {
    await fx?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('[Q-8.2a] [Q-12.2a] the signature between title and name, the seal over its left third, both signatures valid after numbering', async () => {
    const { pdf: draft, layout } = await makeDecisionPdf({ pages: 2, numberLine: NUMBER_LINE, dateLine: DATE_LINE, signerName: 'Trần Văn Minh' });
    const id = await approved(draft);
    const signed = await sign(id);
    expect(signed).toMatchObject({ placement: 'found', box: { page: 2 } });
    const { prepared, numbered, pdf } = await numberAndSeal(id);
    expect(prepared).toMatchObject({ placement: 'found', box: { page: 2 } });

    const doc = await PDFDocument.load(pdf);
    const rects = widgetRects(doc);
    const [sx0, sy0, sx1, sy1] = rects.NguoiKy.rect;
    const [kx0, ky0, kx1, ky1] = rects.CoQuan.rect;
    expect([rects.NguoiKy.page, rects.CoQuan.page]).toEqual([2, 2]);
    expect([sx0, sy0, sx1 - sx0, sy1 - sy0]).toEqual([signed.box.x, signed.box.y, signed.box.width, signed.box.height].map((v) => expect.closeTo(v, 3)));
    expect(sy0).toBeCloseTo(layout.nameTop, 0);
    expect(sy1).toBeCloseTo(layout.titleBaseline, 1);
    expect((sx0 + sx1) / 2).toBeCloseTo(layout.nameCentre, 1);
    expect([kx1 - kx0, ky1 - ky0].map((v) => (v * 25.4) / 72)).toEqual([expect.closeTo(SEAL_MM, 6), expect.closeTo(SEAL_MM, 6)]);
    // The box has the image's proportions, so the image fills it: the seal's right edge is a third in.
    expect(kx1).toBeCloseTo(sx0 + (sx1 - sx0) / 3, 1);
    expect((ky0 + ky1) / 2).toBeCloseTo((sy0 + sy1) / 2, 3);
    expect(doc.getForm().getTextField('vanthu.so').getText()).toBe(numbered.numberAndNotation);

    const page = await renderPage(pdf, 2, A4.height);
    const whole = { x: 0, y: 0, width: A4.width, height: A4.height };
    const signer = { x: sx0, y: sy0, width: sx1 - sx0, height: sy1 - sy0 };
    const seal = { x: kx0, y: ky0, width: kx1 - kx0, height: ky1 - ky0 };
    expect(page.count(signer, isBlue)).toBeGreaterThan(50);
    expect(page.count(whole, isBlue)).toBe(page.count(signer, isBlue));
    expect(page.count({ ...signer, x: kx1, width: sx1 - kx1 }, isBlue)).toBeGreaterThan(30);
    expect(page.count(seal, isRed)).toBeGreaterThan(100);
    expect(page.count(whole, isRed)).toBe(page.count(seal, isRed));
    expect(page.count({ ...signer, width: (sx1 - sx0) / 3 }, isRed)).toBeGreaterThan(10);
    const aboveTitle = { x: 0, y: layout.titleTop, width: A4.width, height: A4.height - layout.titleTop };
    expect([page.count(aboveTitle, isBlue), page.count(aboveTitle, isRed)]).toEqual([0, 0]);

    const verdict = await verifyPdf(pdf, { trustAnchors: [fx.pki.root], crls: fx.pki.crls });
    expect([verdict.indication, ...verdict.signatures.map((s) => s.indication)]).toEqual(['VALID', 'VALID', 'VALID']);
    const file = join(dir, 'issued.pdf');
    await writeFile(file, pdf);
    expect((await pdfsig(file, await nssTrusting(join(dir, 'nss'), fx.pki.rootFile))).map((s) => s.valid)).toEqual([true, true]);
  });

  it('[Q-8.2a] no block with the signer’s name: signs invisibly unless the signer places the box; the seal then follows that box', async () => {
    const { pdf: draft, layout } = await makeDecisionPdf({ numberLine: NUMBER_LINE, dateLine: DATE_LINE });
    const id = await approved(draft);
    const first = await post(fx.s.signer, `/api/outgoing/${id}/sign/prepare`, { certificateId: fx.personalCert });
    expect(first.placement).toBe('not_found');
    expect(first.box).toBeUndefined();
    const offPage = await call(fx.t.app, fx.s.signer, 'POST', `/api/outgoing/${id}/sign/prepare`, { certificateId: fx.personalCert, box: { page: 3, x: 380, y: 200, width: 160, height: 70 } });
    expect([offPage.statusCode, offPage.json().details?.reason]).toEqual([400, 'BOX_INVALID']);
    const box = { page: layout.page, x: 380, y: 200, width: 160, height: 70 };
    expect(await sign(id, box)).toMatchObject({ placement: 'given', box });
    const { prepared, pdf } = await numberAndSeal(id);
    // The 480 × 200 image fills the box's width (160 pt): the seal's right edge is 160 / 3 in.
    expect(prepared.placement).toBe('found');
    expect(prepared.box.x + prepared.box.width).toBeCloseTo(380 + 160 / 3, 3);
    expect(widgetRects(await PDFDocument.load(pdf)).NguoiKy.rect).toEqual([380, 200, 540, 270]);
    expect((await verifyPdf(pdf, { trustAnchors: [fx.pki.root], crls: fx.pki.crls })).indication).toBe('VALID');
  });

  it('[Q-8.2a] without an uploaded image the signature is invisible and the answer says so', async () => {
    expect((await call(fx.t.app, fx.s.signer, 'DELETE', `/api/signing/users/${fx.users['giamdoc.snv']}/signature-image`)).statusCode).toBe(200);
    const id = await approved((await makeDecisionPdf({ numberLine: NUMBER_LINE, dateLine: DATE_LINE, signerName: 'Trần Văn Minh' })).pdf);
    expect(await sign(id)).toMatchObject({ placement: 'no_image' });
  });
});

function widgetRects(doc: PDFDocument): Record<string, { page: number; rect: number[] }> {
  const out: Record<string, { page: number; rect: number[] }> = {};
  for (const field of doc.getForm().getFields()) {
    const widget = field.acroField.dict;
    const page = doc.getPages().findIndex((p) => p.ref === widget.get(PDFName.of('P'))) + 1;
    const rect = widget.lookupMaybe(PDFName.of('Rect'), PDFArray);
    if (rect) out[field.getName()] = { page, rect: rect.asArray().map((n) => (n as PDFNumber).asNumber()) };
  }
  return out;
}
