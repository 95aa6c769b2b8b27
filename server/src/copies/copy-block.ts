/**
 * The copy block of a paper copy (NĐ 30 Phụ lục I, Phần II; Q-11.2c), drawn after a full-width
 * rule below the last text of the copied pages, or on a new page when there is no room:
 *
 *   ───────────────────────────────────────────────────────────────
 *          SAO Y
 *   SỞ NỘI VỤ TỈNH THÁI NGUYÊN
 *          ────
 *     Số: 05/SY-SNV            Thái Nguyên, ngày 05 tháng 01 năm 2026
 *   Nơi nhận:                          TL. GIÁM ĐỐC / CHÁNH VĂN PHÒNG
 *   - …;                               (signature and seal, by hand)
 *   - Lưu: VT.                              Nguyễn Văn A
 *
 * Sizes follow the same Phụ lục: form 13 bold, agency 12 bold capitals, number 13, place and date
 * 13 italic, position and name 13 bold, "Nơi nhận:" 12 bold italic, its lines 11.
 */
import { readFile } from 'node:fs/promises';
import fontkit from '@cantoo/fontkit';
import { rgb, type PDFDocument, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import { FONT_FILES, fontPaths, type FontStyle } from '../infra/fonts.js';
import type { CopyForm } from '../signing/index.js';

const MM = 72 / 25.4;
/** Phụ lục I margins: top and bottom 20 mm, left 30 mm, right 15 mm. */
const MARGIN = { top: 20 * MM, right: 15 * MM, bottom: 20 * MM, left: 30 * MM };
const A4: [number, number] = [595.28, 841.89];
const LEADING = 1.25;
const GAP_ABOVE_RULE = 12;
const GAP_BELOW_RULE = 14;
/** Room for the handwritten signature with the seal over its left part. */
const SIGNATURE_ROOM = 80;
const LEFT_SHARE = 0.45;
/** Below the agency name's baseline, clear of the dots under "Ụ", "Ị". */
const SHORT_RULE_GAP = 3;

export interface CopyBlock {
  form: CopyForm;
  agencyName: string;
  /** "05/SY-SNV" ("Số:" is added). */
  numberAndNotation: string;
  placeDate: string;
  /** "TL. GIÁM ĐỐC" and the like, above the position; optional. */
  authority: string | null;
  position: string;
  signerName: string;
  /** Already formatted lines ("- …;", last "- ….") */
  toPlaces: string[];
}

interface Line {
  text: string;
  style: FontStyle;
  size: number;
  align: 'centre' | 'left';
  gapBefore: number;
}
type Fonts = Record<FontStyle, PDFFont>;

/** Where the block went: 1-based page and the rule's height in user space. */
export interface PlacedBlock {
  page: number;
  ruleY: number;
  newPage: boolean;
}

/** Draws the block on the last page below `lastTextBottom` (user space), or on a new page; null = no text found. */
export async function appendCopyBlock(doc: PDFDocument, block: CopyBlock, lastTextBottom: number | null, fontDir?: string): Promise<PlacedBlock> {
  const fonts = await embedFonts(doc, fontDir);
  const last = doc.getPage(doc.getPageCount() - 1);
  const box = last.getCropBox();
  const upright = last.getRotation().angle % 360 === 0;
  const rows = layout(fonts, block, box.width - MARGIN.left - MARGIN.right);
  const top = lastTextBottom === null ? 0 : lastTextBottom - GAP_ABOVE_RULE;
  if (upright && lastTextBottom !== null && top - rows.height >= box.y + MARGIN.bottom) {
    draw(last, fonts, rows, box.x, top, box.width);
    return { page: doc.getPageCount(), ruleY: top, newPage: false };
  }
  // A portrait page of the same size when the last one is upright and portrait, else A4.
  const size: [number, number] = upright && box.height > box.width ? [box.width, box.height] : A4;
  const page = doc.addPage(size);
  const fresh = size[0] === box.width ? rows : layout(fonts, block, size[0] - MARGIN.left - MARGIN.right);
  const ruleY = size[1] - MARGIN.top;
  draw(page, fonts, fresh, 0, ruleY, size[0]);
  return { page: doc.getPageCount(), ruleY, newPage: true };
}

async function embedFonts(doc: PDFDocument, fontDir?: string): Promise<Fonts> {
  doc.registerFontkit(fontkit);
  const paths = fontPaths(fontDir);
  const entries = await Promise.all((Object.keys(FONT_FILES) as FontStyle[]).map(async (style) => [style, await doc.embedFont(await readFile(paths[style]), { subset: true })] as const));
  return Object.fromEntries(entries) as Fonts;
}

/** Vietnamese capitals: toUpperCase keeps the diacritics ("Sở Nội vụ" → "SỞ NỘI VỤ"). */
const caps = (text: string) => text.toLocaleUpperCase('vi');

function layout(fonts: Fonts, block: CopyBlock, width: number) {
  const leftWidth = width * LEFT_SHARE;
  const rightWidth = width - leftWidth;
  const make = (text: string, style: FontStyle, size: number, colWidth: number, align: Line['align'] = 'centre', gapBefore = 0): Line[] =>
    wrap(text, fonts[style], size, colWidth).map((t, i) => ({ text: t, style, size, align, gapBefore: i === 0 ? gapBefore : 0 }));
  const heading = [...make(block.form, 'bold', 13, leftWidth), ...make(caps(block.agencyName), 'bold', 12, leftWidth)];
  const numberRow = { left: make(`Số: ${block.numberAndNotation}`, 'normal', 13, leftWidth, 'centre', 8), right: make(block.placeDate, 'italics', 13, rightWidth, 'centre', 8) };
  const places = [...make('Nơi nhận:', 'bolditalics', 12, leftWidth, 'left', 10), ...block.toPlaces.flatMap((p) => make(p, 'normal', 11, leftWidth, 'left'))];
  const signer = [
    ...(block.authority ? make(caps(block.authority), 'bold', 13, rightWidth, 'centre', 10) : []),
    ...make(caps(block.position), 'bold', 13, rightWidth, 'centre', block.authority ? 0 : 10),
    ...make(block.signerName, 'bold', 13, rightWidth, 'centre', SIGNATURE_ROOM),
  ];
  const height = GAP_BELOW_RULE + heightOf(heading) + SHORT_RULE_GAP + Math.max(heightOf(numberRow.left), heightOf(numberRow.right)) + Math.max(heightOf(places), heightOf(signer));
  return { width, leftWidth, rightWidth, heading, numberRow, places, signer, height };
}

const heightOf = (lines: Line[]) => lines.reduce((h, l) => h + l.gapBefore + l.size * LEADING, 0);

function draw(page: PDFPage, fonts: Fonts, rows: ReturnType<typeof layout>, pageX: number, top: number, pageWidth: number) {
  const left = pageX + MARGIN.left;
  const right = pageX + pageWidth - MARGIN.right;
  const black = rgb(0, 0, 0);
  page.drawLine({ start: { x: left, y: top }, end: { x: right, y: top }, thickness: 0.75, color: black });
  const column = (lines: Line[], x: number, width: number, from: number) => {
    let y = from;
    for (const line of lines) {
      y -= line.gapBefore + line.size * LEADING;
      const font = fonts[line.style];
      const offset = line.align === 'centre' ? (width - font.widthOfTextAtSize(line.text, line.size)) / 2 : 0;
      page.drawText(line.text, { x: x + offset, y: y + line.size * (LEADING - 1), size: line.size, font, color: black });
    }
    return y;
  };
  let y = column(rows.heading, left, rows.leftWidth, top - GAP_BELOW_RULE);
  // The short rule under the agency's name, a third of the column, as under every agency heading.
  const third = rows.leftWidth / 3;
  y -= SHORT_RULE_GAP;
  page.drawLine({ start: { x: left + third, y }, end: { x: left + 2 * third, y }, thickness: 0.5, color: black });
  y = Math.min(column(rows.numberRow.left, left, rows.leftWidth, y), column(rows.numberRow.right, left + rows.leftWidth, rows.rightWidth, y));
  column(rows.places, left, rows.leftWidth, y);
  column(rows.signer, left + rows.leftWidth, rows.rightWidth, y);
}

/** Greedy word wrap; a single word wider than the column keeps its own line. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && font.widthOfTextAtSize(candidate, size) > width) {
      out.push(current);
      current = word;
    } else current = candidate;
  }
  if (current) out.push(current);
  return out;
}
