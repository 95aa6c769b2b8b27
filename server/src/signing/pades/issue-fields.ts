/**
 * The number and the date of an outgoing document (NĐ30 Appendix I: "Số: …" under the agency's
 * name, "<địa danh>, ngày … tháng … năm …" under the national motto) are written after the signer
 * has signed, by the clerk who issues it. So they are form fields, reserved before signing and
 * filled afterwards: a certification signature (DocMDP P=2) allows exactly that, and the
 * signer's signature stays valid.
 *   reserveIssueFields  finds both lines on page 1 and adds the text fields vanthu.so, vanthu.ngay;
 *   fillIssueFields     writes the values with their own appearance, covering what the drafter
 *                       left there ("   /QĐ-SNV", dots), as one incremental update.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fontkit from '@cantoo/fontkit';
import {
  beginMarkedContent,
  beginText,
  endMarkedContent,
  endText,
  fill,
  moveText,
  PDFArray,
  PDFBool,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFString,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingGrayscaleColor,
  setFontAndSize,
  showText,
  type PDFDocument,
  type PDFFont,
} from '@cantoo/pdf-lib';
import { FONT_FILES, resolveFontDir } from '../../infra/fonts.js';
import { SigningError } from '../errors.js';
import { groupLines, readPagePieces, type Rect, type TextLine, type TextPiece } from './page-text.js';
import { acroFormOf, isSigned, loadForUpdate } from './placeholder.js';

export interface IssueFields {
  /** Where the number and symbol go: right of "Số:" to the end of that line. */
  number: Rect;
  /** The whole place-and-date line. */
  placeDate: Rect;
}

export interface IssueValues {
  /** Number and symbol, e.g. "12/QĐ-SNV" ("Số:" is on the page already). */
  number: string;
  /** e.g. "Thái Nguyên, ngày 05 tháng 01 năm 2026". */
  placeDate: string;
}

/** One parent field "vanthu" with the kids "so" and "ngay": a partial field name may not contain a period. */
const PARENT_NAME = 'vanthu';
const NUMBER_NAME = 'so';
const DATE_NAME = 'ngay';
export const ISSUE_FIELD_NAMES = { number: `${PARENT_NAME}.${NUMBER_NAME}`, placeDate: `${PARENT_NAME}.${DATE_NAME}` } as const;

/** A field is this many font sizes tall, this many of them below the baseline: descenders and stacked accents fit. */
const FIELD_HEIGHT = 1.3;
const BELOW_BASELINE = 0.3;
const MIN_NUMBER_WIDTH = 110;
const MIN_DATE_WIDTH = 230;
/** NĐ30 Appendix I: the number and the date are 13 pt; the date in italics. */
const FILL_SIZE = 13;
/** Room kept between the text and the field's sides, and between neighbouring fields. */
const PADDING = 2;
/** Print (4): shown and printed. */
const WIDGET_FLAGS = 4;
/** ReadOnly (1): readers do not offer the field for typing; VănThư fills it. */
const FIELD_FLAGS = 1;

const NUMBER_LABEL = /^số\s*:/iu;
/** "Thái Nguyên, ngày …", "TP. Hồ Chí Minh, ngày …", "……, ngày …": a place, a comma, then the date. */
const PLACE_DATE = /^[^,\d]{2,40},\s*ngày/iu;

export async function reserveIssueFields(pdf: Buffer, options: { fontDir?: string } = {}): Promise<{ pdf: Buffer } & IssueFields> {
  const doc = await loadForUpdate(pdf);
  const existing = issueWidgets(doc);
  if (existing.number && existing.placeDate) return { pdf, number: rectOf(existing.number), placeDate: rectOf(existing.placeDate) };

  if (isSigned(doc)) throw new SigningError('ALREADY_SIGNED', 'Tài liệu đã được ký; ô ghi số và ngày ban hành phải được tạo trước khi ký.');
  const places = await locateIssuePlaces(pdf, await fontMeasure(fontPath(options.fontDir, 'normal')));
  const { context } = doc;
  const page = doc.getPage(0);
  const acroForm = acroFormOf(doc);
  let fields = acroForm.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!fields) acroForm.set(PDFName.of('Fields'), (fields = context.obj([])));
  const parentRef = context.register(context.obj({ T: PDFString.of(PARENT_NAME), Kids: [] }));
  const kids = context.lookup(parentRef, PDFDict).lookup(PDFName.of('Kids'), PDFArray);

  const widgetRefs = ([[NUMBER_NAME, places.number], [DATE_NAME, places.placeDate]] as const).map(([name, rect]) =>
    context.register(
      context.obj({
        Type: 'Annot',
        Subtype: 'Widget',
        FT: 'Tx',
        T: PDFString.of(name),
        Parent: parentRef,
        F: WIDGET_FLAGS,
        Ff: FIELD_FLAGS,
        P: page.ref,
        Rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height],
        // Required for text fields; only used by a reader that rebuilds the look, which VănThư never asks for.
        DA: PDFString.of(`/Helv ${FILL_SIZE} Tf 0 g`),
      }),
    ),
  );
  for (const ref of widgetRefs) kids.push(ref);
  fields.push(parentRef);
  addHelvetica(doc, acroForm);
  // Not page.node.addAnnot, for the reason given in placeholder.ts.
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (annots) for (const ref of widgetRefs) annots.push(ref);
  else page.node.set(PDFName.of('Annots'), context.obj(widgetRefs));

  return { pdf: Buffer.from(await doc.commit({ useObjectStreams: false })), ...places };
}

export async function findIssueFields(pdf: Buffer): Promise<IssueFields | null> {
  const { number, placeDate } = issueWidgets(await loadForUpdate(pdf));
  return number && placeDate ? { number: rectOf(number), placeDate: rectOf(placeDate) } : null;
}

export async function fillIssueFields(pdf: Buffer, values: IssueValues, options: { fontDir?: string; fontSize?: number } = {}): Promise<Buffer> {
  const doc = await loadForUpdate(pdf);
  const widgets = issueWidgets(doc);
  if (!widgets.number || !widgets.placeDate) {
    throw new SigningError('ISSUE_PLACES_MISSING', 'Tài liệu chưa có ô dành cho số và ngày ban hành; cần tạo ô trước khi người có thẩm quyền ký.');
  }
  if (hasValue(widgets.number) || hasValue(widgets.placeDate)) {
    throw new SigningError('ISSUE_PLACES_FILLED', 'Số và ngày ban hành đã được ghi vào văn bản; văn bản đã ký không được sửa.');
  }
  const number = required(values.number, 'số và ký hiệu văn bản').replace(/^số\s*:\s*/iu, '');
  const placeDate = required(values.placeDate, 'địa danh, ngày tháng năm ban hành');
  const size = options.fontSize ?? FILL_SIZE;
  doc.registerFontkit(fontkit);
  await writeField(doc, widgets.number, number, fontPath(options.fontDir, 'normal'), size, 'after-label');
  await writeField(doc, widgets.placeDate, placeDate, fontPath(options.fontDir, 'italics'), size, 'centre');
  // Appearances are complete; a reader told to rebuild them would do so in Helvetica, without Vietnamese.
  const acroForm = acroFormOf(doc);
  if (acroForm.has(PDFName.of('NeedAppearances'))) acroForm.set(PDFName.of('NeedAppearances'), PDFBool.False);
  return Buffer.from(await doc.commit({ useObjectStreams: false }));
}

/** Where the two lines are on page 1, as field rectangles. */
async function locateIssuePlaces(pdf: Buffer, measure: (text: string) => number): Promise<IssueFields> {
  const page = await readPagePieces(pdf, 1);
  const lines = joinDateBlanks(groupLines(page.pieces));
  const numberLine = lines.find((line) => NUMBER_LABEL.test(normal(line.text)));
  // The body quotes dates too ("Căn cứ Nghị định … ngày 05 tháng 3 năm 2020"), often in the top
  // third as well; the heading's is the one beside the number (NĐ30 puts them on one row), else
  // one in the "<place>, ngày … tháng … năm …" form. Whiting out a quoted date would be far worse
  // than asking for the line.
  const topThird = page.box.y + (page.box.height * 2) / 3;
  const dated = lines.filter((line) => line.y >= topThird && isDateLine(line.text));
  const dateLine = (numberLine && dated.find((line) => sameRow(line, numberLine))) ?? dated.find((line) => PLACE_DATE.test(normal(line.text)));
  const missing = [!numberLine && 'dòng "Số:" để ghi số văn bản', !dateLine && 'dòng địa danh, ngày tháng năm (ở phần trên của trang) để ghi ngày ban hành'].filter(Boolean);
  if (!numberLine || !dateLine) throw new SigningError('ISSUE_PLACES_MISSING', `Trang 1 không có ${missing.join(', cũng không có ')}.`);

  const right = page.box.x + page.box.width;
  const placeDate = band(dateLine, dateLine.x, dateLine.x + dateLine.width);
  if (placeDate.width < MIN_DATE_WIDTH) {
    // Widened evenly: the line is centred under the motto, and the date is centred in the field.
    const grow = (MIN_DATE_WIDTH - placeDate.width) / 2;
    placeDate.x = Math.max(page.box.x, Math.min(placeDate.x - grow, right - MIN_DATE_WIDTH));
    placeDate.width = Math.min(MIN_DATE_WIDTH, right - placeDate.x);
  }

  const start = labelEnd(numberLine, page.pieces, measure) + 1;
  let end = Math.max(lineEnd(numberLine, lines, dateLine), start + MIN_NUMBER_WIDTH);
  // The number yields to the date field beside it: a white background over the date would hide it.
  if (sameRow(dateLine, numberLine) && placeDate.x > start) end = Math.min(end, placeDate.x - PADDING);
  const number = band(numberLine, start, Math.min(end, right));
  return { number: rounded(number), placeDate: rounded(placeDate) };
}

/**
 * A drafter leaves the day and month blank with spaces ("ngày      tháng      năm 2026"), wide
 * enough for the blanks to read as gaps between columns; the pieces are one line again.
 */
function joinDateBlanks(lines: TextLine[]): TextLine[] {
  const joined: TextLine[] = [];
  for (const line of lines) {
    const previous = joined[joined.length - 1];
    if (previous && sameRow(previous, line) && /(ngày|tháng)$/iu.test(normal(previous.text)) && /^(tháng|năm)/iu.test(normal(line.text))) {
      joined[joined.length - 1] = {
        text: `${previous.text} ${line.text}`,
        x: previous.x,
        y: previous.y,
        width: line.x + line.width - previous.x,
        size: Math.max(previous.size, line.size),
        top: Math.max(previous.top, line.top),
        bold: previous.bold && line.bold,
      };
    } else joined.push(line);
  }
  return joined;
}

function isDateLine(text: string): boolean {
  const lower = normal(text).toLowerCase();
  return ['ngày', 'tháng', 'năm'].every((word) => lower.includes(word));
}

/** From x0 to x1, FIELD_HEIGHT font sizes tall around the line's baseline. */
function band(line: TextLine, x0: number, x1: number): Rect {
  return { x: x0, y: line.y - BELOW_BASELINE * line.size, width: x1 - x0, height: FIELD_HEIGHT * line.size };
}

function sameRow(a: TextLine, b: TextLine): boolean {
  return Math.abs(a.y - b.y) < 0.25 * Math.max(a.size, b.size);
}

/**
 * The right end of the colon after "Số". pdfjs gives whole runs of text, so within the run that
 * holds the colon its position is interpolated by the glyph widths of Times New Roman metrics,
 * which NĐ30 documents use; the run's own width corrects for another font.
 */
function labelEnd(line: TextLine, pieces: TextPiece[], measure: (text: string) => number): number {
  const row = pieces
    .filter((p) => Math.abs(p.y - line.y) < 0.25 * Math.max(p.size, line.size) && p.x >= line.x - 0.5 && p.x < line.x + line.width)
    .sort((p, q) => p.x - q.x);
  for (const piece of row) {
    const colon = piece.text.indexOf(':');
    if (colon < 0) continue;
    const whole = measure(piece.text);
    return piece.x + (whole > 0 ? (piece.width * measure(piece.text.slice(0, colon + 1))) / whole : piece.width);
  }
  return line.x + line.width;
}

/** The number line's end, with what the drafter left a wide blank after it ("Số:" … "/QĐ-SNV"), which pdfjs splits off. */
function lineEnd(line: TextLine, lines: TextLine[], dateLine: TextLine): number {
  let end = line.x + line.width;
  for (const other of lines) {
    if (other === line || other === dateLine || !sameRow(other, line) || other.x < end) continue;
    if (other.x - end < 3 * line.size) end = other.x + other.width;
  }
  return end;
}

function rounded(rect: Rect): Rect {
  const r = (n: number) => Math.round(n * 100) / 100;
  return { x: r(rect.x), y: r(rect.y), width: r(rect.width), height: r(rect.height) };
}

function issueWidgets(doc: PDFDocument): { number?: PDFDict; placeDate?: PDFDict } {
  const fields = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict)?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const parent = childNamed(fields, PARENT_NAME);
  const kids = parent?.lookupMaybe(PDFName.of('Kids'), PDFArray);
  return { number: childNamed(kids, NUMBER_NAME), placeDate: childNamed(kids, DATE_NAME) };
}

function childNamed(array: PDFArray | undefined, name: string): PDFDict | undefined {
  for (let i = 0; array && i < array.size(); i++) {
    const dict = array.lookupMaybe(i, PDFDict);
    if (dict?.lookupMaybe(PDFName.of('T'), PDFString, PDFHexString)?.decodeText() === name) return dict;
  }
  return undefined;
}

function rectOf(widget: PDFDict): Rect {
  const [x0, y0, x1, y1] = (widget.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asArray() ?? []).map((n) => (n instanceof PDFNumber ? n.asNumber() : 0));
  return rounded({ x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) });
}

function hasValue(widget: PDFDict): boolean {
  return !!widget.lookupMaybe(PDFName.of('V'), PDFString, PDFHexString)?.decodeText();
}

/** The font the DA string names, so the form is well formed; an AcroForm's own /Helv is kept. */
function addHelvetica(doc: PDFDocument, acroForm: PDFDict): void {
  const { context } = doc;
  let resources = acroForm.lookupMaybe(PDFName.of('DR'), PDFDict);
  if (!resources) acroForm.set(PDFName.of('DR'), (resources = context.obj({})));
  let fonts = resources.lookupMaybe(PDFName.of('Font'), PDFDict);
  if (!fonts) resources.set(PDFName.of('Font'), (fonts = context.obj({})));
  if (!fonts.has(PDFName.of('Helv'))) {
    fonts.set(PDFName.of('Helv'), context.register(context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' })));
  }
}

/**
 * The value and the widget's look: an opaque white box hiding what the drafter left on the page,
 * then the text in black on the line's original baseline, shrunk if it would not fit.
 */
async function writeField(doc: PDFDocument, widget: PDFDict, text: string, path: string, size: number, align: 'after-label' | 'centre'): Promise<void> {
  const bytes = await readFont(path);
  checkGlyphs(bytes, text);
  const font: PDFFont = await doc.embedFont(bytes, { subset: true });
  const { width, height } = rectOf(widget);
  const fitted = Math.min(size, (width - 2 * PADDING) / font.widthOfTextAtSize(text, 1));
  const textWidth = font.widthOfTextAtSize(text, fitted);
  // "Số:" ends just left of the field: one space of the font keeps "Số: 12/…" as typed.
  const x = align === 'centre' ? (width - textWidth) / 2 : Math.max(PADDING / 2, Math.min(font.widthOfTextAtSize(' ', fitted) - 1, width - textWidth - PADDING));
  const baseline = (height * BELOW_BASELINE) / FIELD_HEIGHT;
  const operators = [
    pushGraphicsState(),
    setFillingGrayscaleColor(1),
    rectangle(0, 0, width, height),
    fill(),
    beginMarkedContent('Tx'),
    beginText(),
    setFontAndSize('F0', fitted),
    setFillingGrayscaleColor(0),
    moveText(x, baseline),
    showText(font.encodeText(text)),
    endText(),
    endMarkedContent(),
    popGraphicsState(),
  ];
  const { context } = doc;
  const appearance = context.formXObject(operators, { BBox: [0, 0, width, height], Resources: { Font: { F0: font.ref } } });
  widget.set(PDFName.of('AP'), context.obj({ N: context.register(appearance) }));
  widget.set(PDFName.of('V'), PDFHexString.fromText(text));
}

function fontPath(dir: string | undefined, style: 'normal' | 'italics'): string {
  return join(resolveFontDir(dir), FONT_FILES[style]);
}

async function readFont(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch {
    throw new SigningError('APPEARANCE_INVALID', `Không đọc được tệp phông chữ ${path}.`);
  }
}

async function fontMeasure(path: string): Promise<(text: string) => number> {
  const font = fontkit.create(await readFont(path));
  if (!('layout' in font)) throw new SigningError('APPEARANCE_INVALID', 'Tệp phông chữ là một bộ nhiều phông; hãy chỉ định một tệp .ttf.');
  return (text) => font.layout(text).advanceWidth / font.unitsPerEm;
}

/** A missing glyph would print as a box in a document that is about to be signed. */
function checkGlyphs(bytes: Buffer, text: string): void {
  const font = fontkit.create(bytes);
  if (!('hasGlyphForCodePoint' in font)) throw new SigningError('APPEARANCE_INVALID', 'Tệp phông chữ là một bộ nhiều phông; hãy chỉ định một tệp .ttf.');
  for (const char of text) {
    if (/\s/.test(char) || font.hasGlyphForCodePoint(char.codePointAt(0)!)) continue;
    throw new SigningError('APPEARANCE_INVALID', `Phông chữ không có ký tự "${char}"; hãy dùng phông có đủ chữ tiếng Việt (Liberation Serif 2, Times New Roman).`);
  }
}

/** NFC, one space between words: each letter one glyph, and the value reads back as typed. */
function required(value: string, what: string): string {
  const text = normal(value ?? '').replace(/\s+/g, ' ').trim();
  if (!text) throw new SigningError('APPEARANCE_INVALID', `Thiếu ${what} để ghi vào văn bản.`);
  return text;
}

function normal(text: string): string {
  return text.normalize('NFC').trim();
}
