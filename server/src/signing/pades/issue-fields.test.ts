/**
 * Issuing an outgoing decision (Q-12.2a, Q-12.3a): the signer certifies it with the number and
 * date left blank, the clerk writes them into the fields reserved for them, the agency signs over
 * them. Both signatures stay valid here and in poppler, the first reports form filling and a
 * signature as the only later changes, and poppler's rendering shows the new number with nothing
 * of the drafter's placeholder behind it.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@cantoo/fontkit';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFString, StandardFonts } from '@cantoo/pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FONT_FILES, resolveFontDir } from '../../infra/fonts.js';
import { loadP12Signer } from '../backends/p12.js';
import { SigningError } from '../errors.js';
import type { KeySigner } from '../signer.js';
import { A4, makeDecisionPdf, type DecisionLayout } from '../testing/decision-pdf.js';
import { latinOnlyFont } from '../testing/latin-font.js';
import { findWords, pdftotextWords, renderPage, type BoxedWord, type RenderedPage } from '../testing/poppler.js';
import { createTestPki, P12_PASSWORD, type TestPki } from '../testing/test-pki.js';
import { hasTool, nssTrusting, pdfsig, qpdfCheck } from '../testing/tools.js';
import { fillIssueFields, findIssueFields, reserveIssueFields, type IssueFields } from './issue-fields.js';
import type { Rect } from './page-text.js';
import { preparePdf, signPdf } from './sign.js';
import { verifyPdf } from './verify.js';

const tools = { pdftoppm: hasTool('pdftoppm'), pdfsig: hasTool('pdfsig'), qpdf: hasTool('qpdf'), nss: hasTool('certutil') };
const NUMBER_LINE = 'Số:      /QĐ-SNV';
const DATE_LINE = 'Thái Nguyên, ngày      tháng      năm 2026';
const VALUES = { number: '12/QĐ-SNV', placeDate: 'Thái Nguyên, ngày 05 tháng 01 năm 2026' };

let pki: TestPki;
let signer: KeySigner;
let agency: KeySigner;
let layout: DecisionLayout;
let unsigned: Buffer;
let reserved: Buffer;
let fields: IssueFields;
let certified: Buffer;
let filled: Buffer;
let issued: Buffer;
const signingTime = new Date(Date.now() - 60_000);

beforeAll(async () => {
  let decision: Awaited<ReturnType<typeof makeDecisionPdf>>;
  [pki, decision] = await Promise.all([createTestPki(), makeDecisionPdf({ numberLine: NUMBER_LINE, dateLine: DATE_LINE })]);
  ({ pdf: unsigned, layout } = decision);
  signer = loadP12Signer(pki.p12.rsa, P12_PASSWORD);
  agency = loadP12Signer(pki.p12.ecdsa, P12_PASSWORD);
  ({ pdf: reserved, ...fields } = await reserveIssueFields(unsigned));
  certified = await signPdf(reserved, signer, { signingTime, reason: 'Ký ban hành', certify: true });
  filled = await fillIssueFields(certified, VALUES);
  issued = await signPdf(filled, agency, { signingTime, reason: 'Đóng dấu cơ quan' });
});
afterAll(() => pki?.cleanup());

const trusted = () => ({ trustAnchors: [pki.root], crls: pki.crls });
const corners = ({ x, y, width, height }: Rect) => [x, y, x + width, y + height];
/** pdftotext's boxes have their origin at the top left; a word's baseline is near its yMax. */
const words = (found: BoxedWord[] | undefined) => found ?? expect.fail('words not found on page 1');

async function editAfter(signed: Buffer, edit: (doc: PDFDocument) => Promise<void> | void): Promise<Buffer> {
  const doc = await PDFDocument.load(signed, { forIncrementalUpdate: true, updateMetadata: false });
  await edit(doc);
  return Buffer.from(await doc.commit({ useObjectStreams: false }));
}

describe('[Q-12.3a] reserving the places of the number and the date', () => {
  it('finds "Số:" and the place-and-date line on page 1 and puts the fields over them', async () => {
    const page = await pdftotextWords(unsigned);
    const [label, placeholder] = words(findWords(page, 'Số: /QĐ-SNV'));
    const date = words(findWords(page, 'Thái Nguyên, ngày tháng năm 2026'));
    const [nx0, ny0, nx1, ny1] = corners(fields.number);
    // Starts just right of the colon, reaches past the placeholder, at least 110 pt wide.
    expect(nx0).toBeGreaterThan(label.xMax);
    expect(nx0).toBeLessThan(label.xMax + 3);
    expect(nx1).toBeGreaterThanOrEqual(placeholder.xMax);
    expect(fields.number.width).toBeGreaterThanOrEqual(110);
    // The whole date line, at least 230 pt wide, and the two do not overlap.
    expect(fields.placeDate.x).toBeLessThanOrEqual(date[0].xMin);
    expect(fields.placeDate.x + fields.placeDate.width).toBeGreaterThanOrEqual(date[date.length - 1].xMax);
    expect(fields.placeDate.width).toBeGreaterThanOrEqual(230);
    expect(nx1).toBeLessThan(fields.placeDate.x);
    // About 1.3 font sizes tall around the baseline, covering the letters pdftotext saw.
    for (const rect of [fields.number, fields.placeDate]) {
      expect(rect.y).toBeLessThan(layout.issueBaseline - 3);
      expect(rect.y + rect.height).toBeGreaterThan(layout.issueBaseline + 11);
      expect(rect.height).toBeCloseTo(13 * 1.3, 1);
    }
    expect(A4.height - ny1).toBeLessThanOrEqual(label.yMin);
    expect(A4.height - ny0).toBeGreaterThanOrEqual(placeholder.yMax);
  });

  it('adds vanthu.so and vanthu.ngay, printable text fields, in one update that keeps every earlier byte', async () => {
    expect(reserved.subarray(0, unsigned.length).equals(unsigned)).toBe(true);
    expect(reserved.toString('latin1', unsigned.length).match(/%%EOF/g)).toHaveLength(1);
    const form = (await PDFDocument.load(reserved)).getForm();
    for (const [name, rect] of [['vanthu.so', fields.number], ['vanthu.ngay', fields.placeDate]] as const) {
      const field = form.getTextField(name);
      expect(field.getText()).toBeUndefined();
      const widget = field.acroField.getWidgets()[0];
      expect(widget.dict.lookup(PDFName.of('F'), PDFNumber).asNumber() & 4).toBe(4);
      const r = widget.getRectangle();
      expect([r.x, r.y, r.x + r.width, r.y + r.height].map((n) => +n.toFixed(2))).toEqual(corners(rect).map((n) => +n.toFixed(2)));
    }
  });

  it('is idempotent: a document that has the fields comes back unchanged, and findIssueFields reads them', async () => {
    const again = await reserveIssueFields(reserved);
    expect(again.pdf.equals(reserved)).toBe(true);
    expect([again.number, again.placeDate]).toEqual([fields.number, fields.placeDate]);
    expect(await findIssueFields(reserved)).toEqual({ number: fields.number, placeDate: fields.placeDate });
    expect(await findIssueFields(unsigned)).toBeNull();
  });

  it('a page 1 without a "Số:" line: ISSUE_PLACES_MISSING, saying what is missing', async () => {
    const { pdf } = await makeDecisionPdf({ numberLine: null, dateLine: DATE_LINE });
    const error = await reserveIssueFields(pdf).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SigningError);
    expect((error as SigningError).reason).toBe('ISSUE_PLACES_MISSING');
    expect((error as SigningError).message).toBe('Trang 1 không có dòng "Số:" để ghi số văn bản.');
  });

  it('a date line with wide blanks for the day and month, as Word and Writer lay it out, is still one line', async () => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont(await readFile(join(resolveFontDir(null), 'LiberationSerif-Regular.ttf')));
    const page = doc.addPage([A4.width, A4.height]);
    page.drawText('Số:', { x: 60, y: 780, size: 13, font });
    page.drawText('/QĐ-SNV', { x: 110, y: 780, size: 13, font });
    // Three runs with 40 pt between them: wider than the gap that separates columns.
    for (const [text, x] of [['Thái Nguyên, ngày', 300], ['tháng', 445], ['năm 2026', 520]] as const) page.drawText(text, { x, y: 760, size: 13, font });
    const { placeDate } = await reserveIssueFields(Buffer.from(await doc.save()));
    expect(placeDate.x).toBeLessThanOrEqual(300);
    expect(placeDate.x + placeDate.width).toBeGreaterThan(520);
  });

  it('a page 1 without a place-and-date line: ISSUE_PLACES_MISSING, not the date quoted in "Căn cứ …"', async () => {
    const { pdf } = await makeDecisionPdf({ numberLine: NUMBER_LINE, dateLine: null });
    const error = (await reserveIssueFields(pdf).catch((e: unknown) => e)) as SigningError;
    expect([error.reason, error.message]).toEqual(['ISSUE_PLACES_MISSING', expect.stringContaining('dòng địa danh, ngày tháng năm')]);
  });

  it('refuses a document that is already signed: the places are reserved before signing', async () => {
    const signed = await signPdf(unsigned, signer, { signingTime });
    await expect(reserveIssueFields(signed)).rejects.toMatchObject({ reason: 'ALREADY_SIGNED' });
  });
});

describe('[Q-12.2a] certify, fill in the number and date, sign as the agency', () => {
  it('the certification signature carries DocMDP P=2 and the catalog names it in /Perms', async () => {
    const doc = await PDFDocument.load(certified);
    const perms = doc.catalog.lookup(PDFName.of('Perms'), PDFDict);
    const signatureRef = perms.get(PDFName.of('DocMDP'));
    expect(signatureRef).toBeInstanceOf(PDFRef);
    const signature = doc.context.lookup(signatureRef, PDFDict);
    const reference = signature.lookup(PDFName.of('Reference'), PDFArray).lookup(0, PDFDict);
    expect(reference.lookup(PDFName.of('TransformMethod'), PDFName).decodeText()).toBe('DocMDP');
    const params = reference.lookup(PDFName.of('TransformParams'), PDFDict);
    expect(params.lookup(PDFName.of('P'), PDFNumber).asNumber()).toBe(2);
    expect(params.lookup(PDFName.of('V'), PDFName).decodeText()).toBe('1.2');
  });

  it('two-phase signing (preparePdf) certifies the same way', async () => {
    const { prepared } = await preparePdf(reserved, await signer.certificateChain(), { signingTime, certify: true });
    const doc = await PDFDocument.load(prepared);
    expect(doc.catalog.lookup(PDFName.of('Perms'), PDFDict).has(PDFName.of('DocMDP'))).toBe(true);
  });

  it('[Q-4.1] both signatures VALID; after the certification only form filling and a signature followed', async () => {
    const result = await verifyPdf(issued, trusted());
    expect(result.indication, result.message).toBe('VALID');
    expect(result.signatures.map((s) => [s.indication, s.certification, s.changesAfter])).toEqual([
      ['VALID', { permissions: 2 }, ['signature', 'form-fill']],
      ['VALID', undefined, []],
    ]);
    expect(result.signatures[0].message).toContain('chữ ký chứng thực, chỉ cho phép điền biểu mẫu và ký số thêm');
  });

  it('[Q-12.1b] the values read back as written, in pdfjs and pdf-lib, with no request to rebuild appearances', async () => {
    const doc = await getDocument({ data: new Uint8Array(issued), isEvalSupported: false, verbosity: 0 }).promise;
    try {
      const objects = (await doc.getFieldObjects()) as Record<string, { value?: string }[]> | null;
      expect([objects?.['vanthu.so']?.[0]?.value, objects?.['vanthu.ngay']?.[0]?.value]).toEqual([VALUES.number, VALUES.placeDate]);
    } finally {
      await doc.destroy();
    }
    const lib = await PDFDocument.load(issued);
    expect(lib.getForm().getTextField('vanthu.so').getText()).toBe(VALUES.number);
    expect(lib.getForm().getTextField('vanthu.ngay').getText()).toBe(VALUES.placeDate);
    expect(lib.catalog.lookup(PDFName.of('AcroForm'), PDFDict).get(PDFName.of('NeedAppearances'))?.toString() ?? 'false').toBe('false');
  });

  it('each step is one incremental update keeping every earlier byte', () => {
    for (const [before, after] of [[unsigned, reserved], [reserved, certified], [certified, filled], [filled, issued]]) {
      expect(after.subarray(0, before.length).equals(before)).toBe(true);
    }
  });

  it('[Q-12.1b] refuses a font folder whose font lacks Vietnamese letters, before writing anything', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vanthu-latin-font-'));
    try {
      await writeFile(join(dir, FONT_FILES.normal), await latinOnlyFont('normal'));
      await writeFile(join(dir, FONT_FILES.italics), await latinOnlyFont('italics'));
      const error = (await fillIssueFields(certified, VALUES, { fontDir: dir }).catch((e: unknown) => e)) as SigningError;
      expect(error).toBeInstanceOf(SigningError);
      expect([error.reason, error.message]).toEqual(['APPEARANCE_INVALID', 'Phông chữ không có ký tự "Đ"; hãy dùng phông có đủ chữ tiếng Việt (Liberation Serif 2, Times New Roman).']);
      // An ASCII number passes; the italic font of the date is checked too ("á" of "Thái").
      const date = (await fillIssueFields(certified, { number: '12/QD-SNV', placeDate: VALUES.placeDate }, { fontDir: dir }).catch((e: unknown) => e)) as SigningError;
      expect(date.message).toMatch(/^Phông chữ không có ký tự "á";/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a filled document cannot be filled again: ISSUE_PLACES_FILLED', async () => {
    await expect(fillIssueFields(issued, VALUES)).rejects.toMatchObject({ reason: 'ISSUE_PLACES_FILLED' });
  });

  it('a document without the fields cannot be filled: ISSUE_PLACES_MISSING', async () => {
    await expect(fillIssueFields(unsigned, VALUES)).rejects.toMatchObject({ reason: 'ISSUE_PLACES_MISSING' });
  });

  it('certifying a document that already has a signature: CERTIFY_NOT_FIRST', async () => {
    const error = (await signPdf(certified, agency, { signingTime, certify: true }).catch((e: unknown) => e)) as SigningError;
    expect(error).toBeInstanceOf(SigningError);
    expect(error.reason).toBe('CERTIFY_NOT_FIRST');
    expect(error.message).toMatch(/chữ ký chứng thực .* phải là chữ ký đầu tiên/);
  });
});

describe('[Q-4.1] a change the certification does not allow', () => {
  it('changed page content after the certification: INVALID, naming the page', async () => {
    const edited = await editAfter(filled, async (doc) => {
      const font = await doc.embedFont(StandardFonts.Helvetica);
      doc.getPage(0).drawText('DA SUA', { x: 100, y: 400, size: 20, font });
    });
    const result = await verifyPdf(edited, trusted());
    const [certification] = result.signatures;
    expect([certification.indication, certification.subIndication]).toEqual(['INVALID', 'SIG_CONSTRAINTS_FAILURE']);
    expect(certification.changesAfter).toContain('page-content');
    expect(certification.message).toContain('Nội dung trang (trang 1) đã bị thay đổi sau khi ký');
  });

  it('a new annotation after a P=2 certification: INVALID, it draws on the page; the certification named as a reason too', async () => {
    const edited = await editAfter(filled, (doc) => {
      const note = doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Square', Rect: [50, 50, 300, 300], C: [1, 1, 1], IC: [1, 1, 1] }));
      const annots = doc.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray);
      annots.push(note);
    });
    const [certification] = (await verifyPdf(edited, trusted())).signatures;
    // Issue 11 item 3: what a new annotation paints is judged like changed page content.
    expect([certification.indication, certification.subIndication, certification.changesAfter]).toEqual(['INVALID', 'SIG_CONSTRAINTS_FAILURE', ['form-fill', 'annotation']]);
    expect(certification.findings.map((f) => f.message)).toContain('Chữ ký chứng thực chỉ cho phép điền biểu mẫu và ký số thêm, nhưng sau khi ký tệp có thêm chú thích.');
  });

  it('moving a filled field over the signed body is not filling in: not VALID', async () => {
    const edited = await editAfter(filled, (doc) => {
      const widget = doc.getForm().getTextField('vanthu.ngay').acroField.getWidgets()[0];
      widget.dict.set(PDFName.of('Rect'), doc.context.obj([85, 600, 315, 617]));
    });
    const [certification] = (await verifyPdf(edited, trusted())).signatures;
    expect([certification.indication, certification.changesAfter]).toEqual(['INVALID', ['form-fill', 'annotation']]);
  });

  it('a text field added after the certification, even with a value, is not filling in: not VALID', async () => {
    const edited = await editAfter(certified, (doc) => {
      // Added the careful way (no page normalisation), so only the new field is there to judge.
      const { context } = doc;
      const look = context.register(context.formXObject([], { BBox: [0, 0, 200, 20] }));
      const widget = context.register(context.obj({ Type: 'Annot', Subtype: 'Widget', FT: 'Tx', T: PDFString.of('them'), V: PDFString.of('khac'), Rect: [85, 600, 285, 620], AP: { N: look } }));
      doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray).push(widget);
      doc.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray).push(widget);
    });
    const [certification] = (await verifyPdf(edited, trusted())).signatures;
    expect([certification.indication, certification.changesAfter]).toEqual(['INVALID', ['annotation']]);
  });
});

describe.runIf(tools.pdfsig || tools.qpdf)('[Q-8.1] independent tools agree', () => {
  let file: string;
  beforeAll(async () => {
    file = join(pki.dir, 'issued.pdf');
    await writeFile(file, issued);
  });

  it.runIf(tools.pdfsig && tools.nss)('pdfsig, trusting the test root: both signatures valid and trusted', async () => {
    const nss = await nssTrusting(pki.dir, pki.rootFile);
    const signatures = await pdfsig(file, nss);
    expect(signatures.map((s) => [s.validation, s.certificate, s.totalDocument])).toEqual([
      ['Signature is Valid.', 'Certificate is Trusted.', false],
      ['Signature is Valid.', 'Certificate is Trusted.', true],
    ]);
  });

  it.runIf(tools.qpdf)('qpdf --check finds no damage', async () => {
    const { ok, output } = await qpdfCheck(file);
    expect(ok, output).toBe(true);
    expect(output).toContain('No syntax or stream encoding errors found');
  });
});

describe.runIf(tools.pdftoppm)('[Q-12.3a] what poppler shows', () => {
  const DPI = 150;
  const dark = ([r, g, b]: [number, number, number]) => r + g + b < 3 * 128;
  let before: RenderedPage;
  let after: RenderedPage;
  /** The issued document with page 1's content emptied: the fields' own look, alone. */
  let alone: RenderedPage;

  beforeAll(async () => {
    const withoutContent = await editAfter(issued, (doc) => void doc.getPage(0).node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(''))));
    [before, after, alone] = await Promise.all([unsigned, issued, withoutContent].map((pdf) => renderPage(pdf, 1, A4.height, DPI)));
  });

  it.each(['number', 'placeDate'] as const)('%s: the new text is drawn and nothing of the placeholder shows through', (name) => {
    const rect = fields[name];
    const own = alone.count(rect, dark);
    expect(own).toBeGreaterThan(200);
    expect(before.count(rect, dark)).toBeGreaterThan(0.5 * own);
    // Had the placeholder stayed visible, its letters would add about as many dark pixels again;
    // what differs is only the edge of the colon or a letter next to the field.
    expect(Math.abs(after.count(rect, dark) - own)).toBeLessThan(0.03 * own);
  });

  it('right of the new number, where the end of "/QĐ-SNV" was: white now', async () => {
    const font = fontkit.create(await readFile(join(resolveFontDir(), 'LiberationSerif-Regular.ttf'))) as { layout(t: string): { advanceWidth: number }; unitsPerEm: number };
    // The text starts one space (a quarter of the size) after the colon, the field 1 pt after it.
    const textEnd = fields.number.x + 0.25 * 13 - 1 + (font.layout(VALUES.number).advanceWidth / font.unitsPerEm) * 13;
    const beyond = { x: textEnd + 0.7, y: fields.number.y, width: fields.number.x + fields.number.width - textEnd - 0.7, height: fields.number.height };
    expect(before.count(beyond, dark)).toBeGreaterThan(0);
    expect(after.count(beyond, dark)).toBe(0);
  });
});
