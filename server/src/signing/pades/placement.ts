/**
 * Where the visible signatures go (Q-8.2, NĐ30 Appendix I):
 *   findSignerBox  the signer's image: centred between the position title and the signer's name
 *                  (cell 7c), found from the text of the last page;
 *   sealBox        the agency's seal: at its real size, over about the left third of that image;
 *   stampBox       the text-only stamp of copies and separate appendices: top right of page 1.
 * Everything but reading the PDF is pure, so the rules can be tested on made-up layouts.
 */
import { fold } from '../../shared/text.js';
import { readLastPageText, type PageText, type Rect, type TextLine } from './page-text.js';
import { pngInfo } from './png.js';

export type { Rect, TextLine } from './page-text.js';

/** A box on a page, ready for SignatureAppearance's `page` and `rect`. */
export interface PlacedBox {
  /** 1-based page number. */
  page: number;
  rect: Rect;
}

export interface SignerBox extends PlacedBox {
  /** The line just above the box, e.g. "PHÓ GIÁM ĐỐC". */
  title: TextLine;
  /** The signer's name line just below it. */
  name: TextLine;
}

export interface SignerQuery {
  /** The full name as registered, e.g. "Nguyễn Văn Ánh" (NFC or NFD, any case). */
  signerName: string;
  /** When given, the title block must mention it, e.g. "Phó Giám đốc"; guards against another signer's block. */
  positionTitle?: string;
  /** Width over height of the box; handwritten signatures are about twice as wide as tall. */
  aspectRatio?: number;
}

const POINTS_PER_MM = 72 / 25.4;
const DEFAULT_ASPECT = 2;
/** Less room than about one line means the block has no space for a signature. */
const MIN_GAP = 18;
/** More than about 8 cm between title and name: not a signature block. */
const MAX_GAP = 230;
/** The title block is at most three lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"). */
const TITLE_BLOCK_LINES = 3;

export function mmToPoints(mm: number): number {
  return mm * POINTS_PER_MM;
}

/** The signer's box on the last page, or null when no such block is found there: the user then places it. */
export async function findSignerBox(pdf: Buffer, query: SignerQuery): Promise<SignerBox | null> {
  return locateSignerBox(await readLastPageText(pdf), query);
}

export function locateSignerBox(text: PageText, query: SignerQuery): SignerBox | null {
  // On a turned page "above" and "centred" mean something else; leave those to the user.
  if (text.rotate % 360 !== 0) return null;
  const candidates = nameLines(text.lines, query.signerName)
    .map((name) => ({ name, titles: titleBlockAbove(text.lines, name) }))
    .filter(({ name, titles }) => titles.length > 0 && gapOk(titles[0].y - name.top))
    .filter(({ titles }) => !query.positionTitle || titles.some((t) => compactLoose(t.text).includes(compactLoose(query.positionTitle!))))
    // The name under a signature is bold and is the last one on the page.
    .sort((a, b) => Number(b.name.bold) - Number(a.name.bold) || a.name.y - b.name.y);
  if (!candidates.length) return null;

  const { name, titles } = candidates[0];
  const title = titles[0];
  const height = title.y - name.top;
  const centre = name.x + name.width / 2;
  const room = Math.min(centre - text.box.x, text.box.x + text.box.width - centre);
  const width = Math.min(height * (query.aspectRatio ?? DEFAULT_ASPECT), 2 * room);
  return { page: text.page, rect: { x: centre - width / 2, y: name.top, width, height }, title, name };
}

/** Lines that are exactly the name: same letters first; only if none, ignoring diacritics as well. */
function nameLines(lines: TextLine[], signerName: string): TextLine[] {
  const exact = lines.filter((l) => compactExact(l.text) === compactExact(signerName));
  return exact.length ? exact : lines.filter((l) => compactLoose(l.text) === compactLoose(signerName));
}

/**
 * The title lines above a name, nearest first: the first line above in the same column, and the
 * lines right above that one. Parenthesised notes such as "(Đã ký)" are passed over. Titles are
 * written in capitals (NĐ30 Appendix I), which tells them from running text.
 */
function titleBlockAbove(lines: TextLine[], name: TextLine): TextLine[] {
  const above = lines
    .filter((l) => l.y > name.top && overlaps(l, name) && !/^\(.*\)$/.test(l.text))
    .sort((a, b) => a.y - b.y);
  const block: TextLine[] = [];
  for (const line of above) {
    if (!isCapitals(line.text) || block.length === TITLE_BLOCK_LINES) break;
    const previous = block[block.length - 1];
    if (previous && line.y - previous.y > 2 * line.size) break;
    block.push(line);
  }
  return block;
}

function gapOk(gap: number): boolean {
  return gap >= MIN_GAP && gap <= MAX_GAP;
}

function overlaps(a: TextLine, b: TextLine): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width;
}

function isCapitals(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toLocaleUpperCase('vi');
}

/** NFC, lower case, no spaces: the same name typed on any keyboard, however the PDF spaced it. */
function compactExact(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, '');
}

function compactLoose(text: string): string {
  return fold(text).replace(/\s+/g, '');
}

/**
 * The seal's box: its real size (a diameter in mm, or width and height for other shapes), centred
 * vertically on the signer's box, its right edge a third of the way into the signer's image. Pass
 * the signer's image to measure from where it is really drawn (fitted inside the box) rather than
 * from the box.
 */
export function sealBox(signer: PlacedBox, sealSizeMm: number | { width: number; height: number }, signerImage?: Buffer): PlacedBox {
  const size = typeof sealSizeMm === 'number' ? { width: sealSizeMm, height: sealSizeMm } : sealSizeMm;
  const width = mmToPoints(size.width);
  const height = mmToPoints(size.height);
  const image = signerImage ? fittedRect(signer.rect, pngInfo(signerImage)) : signer.rect;
  const middle = signer.rect.y + signer.rect.height / 2;
  return { page: signer.page, rect: { x: image.x + image.width / 3 - width, y: middle - height / 2, width, height } };
}

/** Where an image of this size lands inside `box`: scaled to fit and centred, as appearance.ts draws it. */
export function fittedRect(box: Rect, image: { width: number; height: number }): Rect {
  const scale = Math.min(box.width / image.width, box.height / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height };
}

/** Margins of the stamp: inside the top margin (20–25 mm) so it never covers the national heading, and at the smallest right margin. */
export const STAMP_TOP_MM = 5;
export const STAMP_RIGHT_MM = 15;

/**
 * The stamp of a copy (Q-8.2b) or a separate appendix (Q-8.2c) in the top-right corner of a page
 * whose visible area is `page`; `size` is the stamp text's box (stamps.ts measures it).
 */
export function stampBox(page: { width: number; height: number; x?: number; y?: number }, size: { width: number; height: number }): Rect {
  const right = (page.x ?? 0) + page.width - mmToPoints(STAMP_RIGHT_MM);
  const top = (page.y ?? 0) + page.height - mmToPoints(STAMP_TOP_MM);
  return { x: right - size.width, y: top - size.height, width: size.width, height: size.height };
}
