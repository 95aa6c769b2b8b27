/**
 * An outgoing decision signed as Q-8.2a asks: first the signer (blue handwritten signature between
 * title and name), then the agency (red seal at its real size over the left third of it). Both
 * signatures must stay valid, the widgets must be where the rules put them, and poppler's
 * rendering must show blue and red there and nowhere above the title.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFArray, PDFDocument, PDFName, PDFNumber } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadP12Signer } from '../backends/p12.js';
import { SigningError } from '../errors.js';
import { A4, makeDecisionPdf, type DecisionLayout } from '../testing/decision-pdf.js';
import { renderPage, type RenderedPage } from '../testing/poppler.js';
import { blueScribble, isBlue, isRed, redRing } from '../testing/test-images.js';
import { createTestPki, P12_PASSWORD, type TestPki } from '../testing/test-pki.js';
import { noisePng } from '../testing/test-pdf.js';
import { hasTool, nssTrusting, pdfsig } from '../testing/tools.js';
import { findSignerBox, sealBox, type PlacedBox, type Rect, type SignerBox } from './placement.js';
import { signPdf } from './sign.js';
import { sealAppearance, signerAppearance } from './signature-images.js';
import { verifyPdf } from './verify.js';

const tools = { pdftoppm: hasTool('pdftoppm'), pdfsig: hasTool('pdfsig'), nss: hasTool('certutil') };
const SEAL_MM = 36;

let pki: TestPki;
let layout: DecisionLayout;
let unsigned: Buffer;
let signed: Buffer;
let signerBox: SignerBox;
let seal: PlacedBox;
const signingTime = new Date(Date.now() - 60_000);

beforeAll(async () => {
  let decision: Awaited<ReturnType<typeof makeDecisionPdf>>;
  [pki, decision] = await Promise.all([createTestPki(), makeDecisionPdf({ pages: 2 })]);
  ({ pdf: unsigned, layout } = decision);
  const signature = blueScribble();
  signerBox = (await findSignerBox(unsigned, { signerName: 'Nguyễn Văn Ánh', positionTitle: 'Phó Giám đốc' }))!;
  seal = sealBox(signerBox, SEAL_MM, signature);
  const bySigner = await signPdf(unsigned, loadP12Signer(pki.p12.rsa, P12_PASSWORD), {
    signingTime,
    reason: 'Ký ban hành',
    appearance: signerAppearance({ image: signature, box: signerBox }),
  });
  signed = await signPdf(bySigner, loadP12Signer(pki.p12.ecdsa, P12_PASSWORD), {
    signingTime,
    reason: 'Đóng dấu cơ quan',
    appearance: sealAppearance({ image: redRing(), box: seal }),
  });
});
afterAll(() => pki?.cleanup());

function widgetRects(doc: PDFDocument): Record<string, { page: number; rect: number[] }> {
  const out: Record<string, { page: number; rect: number[] }> = {};
  for (const field of doc.getForm().getFields()) {
    const widget = field.acroField.dict;
    const page = doc.getPages().findIndex((p) => p.ref === widget.get(PDFName.of('P'))) + 1;
    out[field.getName()] = { page, rect: widget.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber()) };
  }
  return out;
}

const corners = ({ x, y, width, height }: Rect) => [x, y, x + width, y + height];

describe('[Q-8.2a] signer’s image and seal on an outgoing document', () => {
  it('signs twice in a row, and both signatures are valid', async () => {
    const result = await verifyPdf(signed, { trustAnchors: [pki.root], crls: pki.crls });
    expect(result.indication, result.message).toBe('VALID');
    expect(result.signatures.map((s) => [s.reason, s.indication, s.changesAfter])).toEqual([
      ['Ký ban hành', 'VALID', ['signature']],
      ['Đóng dấu cơ quan', 'VALID', []],
    ]);
  });

  it.runIf(tools.pdfsig && tools.nss)('and poppler’s pdfsig agrees', async () => {
    const file = join(pki.dir, 'placed.pdf');
    await writeFile(file, signed);
    const nss = await nssTrusting(join(pki.dir, 'placed'), pki.rootFile);
    expect((await pdfsig(file, nss)).map((s) => s.valid)).toEqual([true, true]);
  });

  it('puts the widgets where the rules say, on the last page', async () => {
    const doc = await PDFDocument.load(signed);
    const rects = widgetRects(doc);
    expect(rects.Signature1).toEqual({ page: 2, rect: corners(signerBox.rect) });
    expect(rects.Signature2).toEqual({ page: 2, rect: corners(seal.rect) });
    const [sx0, sy0, sx1, sy1] = rects.Signature1.rect;
    expect(sy0).toBeCloseTo(layout.nameTop, 0);
    expect(sy1).toBeCloseTo(layout.titleBaseline, 1);
    expect((sx0 + sx1) / 2).toBeCloseTo(layout.nameCentre, 1);
    const [kx0, ky0, kx1, ky1] = rects.Signature2.rect;
    expect([kx1 - kx0, ky1 - ky0].map((v) => (v * 25.4) / 72)).toEqual([expect.closeTo(SEAL_MM, 6), expect.closeTo(SEAL_MM, 6)]);
    expect((ky0 + ky1) / 2).toBeCloseTo((sy0 + sy1) / 2, 6);
    // The seal reaches over the left part of the signature, not past its middle.
    expect(kx1).toBeGreaterThan(sx0);
    expect(kx1).toBeLessThan((sx0 + sx1) / 2);
  });

  it('refuses an image that is not a transparent PNG: it would blank out the title, the name or the signature', () => {
    const refusal = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return err instanceof SigningError ? [err.reason, err.message] : err;
      }
      return 'accepted';
    };
    expect(refusal(() => signerAppearance({ image: noisePng(500), box: signerBox }))).toEqual(['APPEARANCE_INVALID', 'Ảnh chữ ký phải là tệp PNG có nền trong suốt.']);
    expect(refusal(() => sealAppearance({ image: Buffer.from('ảnh JPEG'), box: seal }))).toEqual(['APPEARANCE_INVALID', 'Ảnh chữ ký hoặc con dấu phải là tệp PNG.']);
  });

  describe.runIf(tools.pdftoppm)('as poppler renders it (pdftoppm -r 50)', () => {
    let page: RenderedPage;
    let before: RenderedPage;
    beforeAll(async () => {
      [page, before] = await Promise.all([renderPage(signed, 2, A4.height), renderPage(unsigned, 2, A4.height)]);
    });
    const whole = { x: 0, y: 0, width: A4.width, height: A4.height };

    it('the unsigned page has neither blue nor red', () => {
      expect([before.count(whole, isBlue), before.count(whole, isRed)]).toEqual([0, 0]);
    });

    it('shows the blue signature in the signer’s box, beside and under the seal', () => {
      expect(page.count(signerBox.rect, isBlue)).toBeGreaterThan(50);
      const rightOfSeal = { ...signerBox.rect, x: seal.rect.x + seal.rect.width, width: signerBox.rect.x + signerBox.rect.width - seal.rect.x - seal.rect.width };
      expect(page.count(rightOfSeal, isBlue)).toBeGreaterThan(30);
      expect(page.count(whole, isBlue)).toBe(page.count(signerBox.rect, isBlue));
    });

    it('shows the red seal in its box, and nothing red outside it', () => {
      expect(page.count(seal.rect, isRed)).toBeGreaterThan(100);
      expect(page.count(whole, isRed)).toBe(page.count(seal.rect, isRed));
    });

    it('leaves everything above the title untouched', () => {
      const above = { x: 0, y: layout.titleTop, width: A4.width, height: A4.height - layout.titleTop };
      expect([page.count(above, isBlue), page.count(above, isRed)]).toEqual([0, 0]);
      const below = { x: 0, y: 0, width: A4.width, height: layout.titleTop };
      expect(page.count(below, isBlue)).toBeGreaterThan(0);
    });
  });
});
