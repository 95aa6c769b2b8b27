/**
 * The agency's text-only stamps: a copy from paper (Q-8.2b) and an appendix in a separate file
 * (Q-8.2c). What they say, and — read back with poppler's pdftotext — that it extracts exactly,
 * Vietnamese included, from the top-right corner above the national heading.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFStream, type PDFRawStream } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadP12Signer } from '../backends/p12.js';
import { SigningError } from '../errors.js';
import type { KeySigner } from '../signer.js';
import { A4, makeDecisionPdf, type DecisionLayout } from '../testing/decision-pdf.js';
import { latinOnlyFont } from '../testing/latin-font.js';
import { findWords, pdftotext, pdftotextWords } from '../testing/poppler.js';
import { createTestPki, P12_PASSWORD, type TestPki } from '../testing/test-pki.js';
import { hasTool } from '../testing/tools.js';
import { signPdf } from './sign.js';
import { appendixStampAppearance, appendixStampLines, copyStampAppearance, copyStampLines } from './stamps.js';
import { verifyPdf } from './verify.js';

const tools = { pdftotext: hasTool('pdftotext') };
const AGENCY = 'Văn phòng Ủy ban nhân dân tỉnh Thái Nguyên';
const signingTime = new Date('2021-05-04T02:30:15Z');
const ISO_TIME = '2021-05-04T09:30:15+07:00';
/** Signatures need a time within the test certificates' validity: a minute ago, whole seconds. */
const signedAt = new Date(Math.floor((Date.now() - 60_000) / 1000) * 1000);
/** Written out here rather than with the code under test: Vietnam time is UTC+7 all year. */
const SIGNED_AT_ISO = new Date(signedAt.getTime() + 7 * 3600_000).toISOString().slice(0, 19) + '+07:00';

let pki: TestPki;
let signer: KeySigner;
let original: { pdf: Buffer; layout: DecisionLayout };

beforeAll(async () => {
  [pki, original] = await Promise.all([createTestPki(), makeDecisionPdf()]);
  signer = loadP12Signer(pki.p12.ecdsa, P12_PASSWORD);
});
afterAll(() => pki?.cleanup());

async function refusal(promise: Promise<unknown> | (() => unknown)): Promise<SigningError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (err) {
    if (err instanceof SigningError) return err;
    throw err;
  }
  throw new Error('expected a SigningError');
}

/** The signature widget's appearance: its font's name and its content stream. */
async function stampAppearanceOf(signed: Buffer): Promise<{ baseFont: string; content: string; resources: string[] }> {
  const doc = await PDFDocument.load(signed);
  const widget = doc.getForm().getFields()[0].acroField.dict;
  const stream = widget.lookup(PDFName.of('AP'), PDFDict).lookup(PDFName.of('N'), PDFStream) as PDFRawStream;
  const resources = stream.dict.lookup(PDFName.of('Resources'), PDFDict);
  const font = resources.lookup(PDFName.of('Font'), PDFDict).lookup(PDFName.of('F0'), PDFDict);
  return {
    baseFont: font.get(PDFName.of('BaseFont'))!.toString(),
    content: Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1'),
    resources: resources.keys().map((k) => k.toString()),
  };
}

describe('[Q-8.2b] copy stamp: copy form, copying agency, signing time', () => {
  it('says what NĐ30 asks, with the time as ISO 8601 in Vietnam time', () => {
    expect(copyStampLines({ form: 'SAO Y', agencyName: AGENCY, signingTime })).toEqual(['SAO Y', AGENCY, ISO_TIME]);
    expect(copyStampLines({ form: 'TRÍCH SAO', agencyName: ` ${AGENCY.normalize('NFD')}  `, signingTime })).toEqual(['TRÍCH SAO', AGENCY, ISO_TIME]);
    expect(copyStampLines({ form: 'SAO LỤC', agencyName: AGENCY, signingTime: new Date('2021-12-31T17:00:00Z') })[2]).toBe('2022-01-01T00:00:00+07:00');
  });

  it('refuses an unknown copy form or a missing agency, in Vietnamese', async () => {
    const form = await refusal(() => copyStampLines({ form: 'BẢN SAO' as never, agencyName: AGENCY, signingTime }));
    expect([form.reason, form.message]).toEqual(['APPEARANCE_INVALID', 'Hình thức sao "BẢN SAO" không hợp lệ; chỉ có SAO Y, SAO LỤC, TRÍCH SAO.']);
    expect((await refusal(() => copyStampLines({ form: 'SAO Y', agencyName: '  ', signingTime }))).message).toBe('Thiếu tên cơ quan sao để ghi lên chữ ký.');
  });

  describe.runIf(tools.pdftotext)('signed onto a copy and read back with pdftotext', () => {
    let signed: Buffer;
    beforeAll(async () => {
      const appearance = await copyStampAppearance(original.pdf, { form: 'SAO Y', agencyName: AGENCY, signingTime: signedAt });
      signed = await signPdf(original.pdf, signer, { signingTime: signedAt, appearance });
    });

    it('is a valid signature', async () => {
      const result = await verifyPdf(signed, { trustAnchors: [pki.root], crls: pki.crls });
      expect(result.indication, result.message).toBe('VALID');
    });

    it('extracts exactly, Vietnamese diacritics included', async () => {
      const lines = (await pdftotext(signed)).split('\n').map((l) => l.trim());
      expect(lines).toEqual(expect.arrayContaining(['SAO Y', AGENCY, SIGNED_AT_ISO]));
    });

    it('stands in the top-right quarter of page 1, above the national heading, at 10 pt', async () => {
      const words = await pdftotextWords(signed);
      const placed = ['SAO Y', AGENCY, SIGNED_AT_ISO].map((line) => findWords(words, line));
      expect(placed.every(Boolean)).toBe(true);
      for (const word of placed.flat()) {
        expect(word!.xMin).toBeGreaterThan(A4.width / 2);
        expect(word!.xMax).toBeLessThan(A4.width);
        expect(word!.yMax).toBeLessThan(A4.height - original.layout.headingTop);
        // pdftotext's word box is ascent + descent: 1.107 of the size for Liberation Serif.
        expect(word!.yMax - word!.yMin).toBeCloseTo(11.07, 1);
      }
    });

    it('is drawn in Liberation Serif regular, black, without an image', async () => {
      const { baseFont, content, resources } = await stampAppearanceOf(signed);
      expect(baseFont).toMatch(/LiberationSerif(?!-Bold)/);
      expect(content).toMatch(/\/F0 10 Tf/);
      expect(content).toMatch(/\b0 0 0 rg\b/);
      expect(resources).toEqual(['/Font']);
    });
  });

  it('uses the font the agency configures, and says so when it cannot be read', async () => {
    const sans = '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf';
    const appearance = await copyStampAppearance(original.pdf, { form: 'SAO Y', agencyName: AGENCY, signingTime: signedAt, fontPath: sans });
    expect((await stampAppearanceOf(await signPdf(original.pdf, signer, { signingTime: signedAt, appearance }))).baseFont).toMatch(/LiberationSans/);
    const missing = await refusal(copyStampAppearance(original.pdf, { form: 'SAO Y', agencyName: AGENCY, signingTime, fontPath: '/khong/co/phong.ttf' }));
    expect(missing.message).toBe('Không đọc được tệp phông chữ /khong/co/phong.ttf.');
  });

  it('[Q-8.2b] [Q-8.2c] refuses a font without Vietnamese letters instead of printing empty boxes', async () => {
    // Liberation Serif 2 with a character map for ASCII only: "SAO Y" has glyphs, "Văn phòng" does not.
    const dir = await mkdtemp(join(tmpdir(), 'vanthu-latin-font-'));
    try {
      const fontPath = join(dir, 'latin.ttf');
      await writeFile(fontPath, await latinOnlyFont());
      const copy = await refusal(copyStampAppearance(original.pdf, { form: 'SAO Y', agencyName: AGENCY, signingTime, fontPath }));
      expect([copy.reason, copy.message]).toEqual(['APPEARANCE_INVALID', 'Phông chữ không có ký tự "ă"; hãy dùng phông có đủ chữ tiếng Việt (Liberation Serif 2, Times New Roman).']);
      const appendix = await refusal(appendixStampAppearance(original.pdf, { numberAndSymbol: '123/QĐ-SNV', signingTime, fontPath }));
      expect(appendix.message).toMatch(/^Phông chữ không có ký tự "ố";/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('wraps a long agency name rather than reach into the left half', async () => {
    const agencyName = 'Trung tâm Lưu trữ lịch sử tỉnh Thái Nguyên thuộc Sở Nội vụ tỉnh Thái Nguyên';
    const appearance = await copyStampAppearance(original.pdf, { form: 'SAO LỤC', agencyName, signingTime });
    expect(appearance.lines!.length).toBeGreaterThan(3);
    expect(appearance.lines!.slice(1, -1).join(' ')).toBe(agencyName);
    expect(appearance.rect.x).toBeGreaterThan(A4.width / 2);
  });
});

describe('[Q-8.2c] appendix stamp: number and symbol of the main document, signing time', () => {
  it('says what NĐ30 asks', () => {
    expect(appendixStampLines({ numberAndSymbol: '123/QĐ-SNV', signingTime })).toEqual(['Số: 123/QĐ-SNV', ISO_TIME]);
    expect(appendixStampLines({ numberAndSymbol: 'Số: 05/SY-SNV', signingTime })[0]).toBe('Số: 05/SY-SNV');
  });

  it.runIf(tools.pdftotext)('signed onto the appendix: valid, read back exactly from the top-right quarter of page 1', async () => {
    const appendix = (await makeDecisionPdf({ pages: 2 })).pdf;
    const appearance = await appendixStampAppearance(appendix, { numberAndSymbol: '123/QĐ-SNV', signingTime: signedAt });
    const signed = await signPdf(appendix, signer, { signingTime: signedAt, appearance });
    expect((await verifyPdf(signed, { trustAnchors: [pki.root], crls: pki.crls })).indication).toBe('VALID');
    const lines = (await pdftotext(signed)).split('\n').map((l) => l.trim());
    expect(lines).toEqual(expect.arrayContaining(['Số: 123/QĐ-SNV', SIGNED_AT_ISO]));
    const words = await pdftotextWords(signed);
    for (const word of [...findWords(words, 'Số: 123/QĐ-SNV')!, ...findWords(words, SIGNED_AT_ISO)!]) {
      expect(word.xMin).toBeGreaterThan(A4.width / 2);
      expect(word.yMax).toBeLessThan(A4.height / 2);
    }
    expect(findWords(await pdftotextWords(signed, 2), SIGNED_AT_ISO)).toBeUndefined();
  });
});
