/**
 * The text of a page as positioned lines, read with pdfjs, for finding where a signature goes
 * (Q-8.2a). A "line" here is a run of text on one baseline without a wide gap: the left and right
 * columns of a signature block ("Nơi nhận:" beside "KT. GIÁM ĐỐC") share a baseline but are
 * separate lines, because pdfjs returns them as one row with a wide blank between.
 */
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { SigningError } from '../errors.js';

/** A piece of text as pdfjs gives it, in PDF user space. */
export interface TextPiece {
  text: string;
  /** Left end of the baseline. */
  x: number;
  y: number;
  width: number;
  /** Font size in user space. */
  size: number;
  /** Height of the font's ascent above the baseline, in user space. */
  ascent: number;
  bold: boolean;
}

export interface TextLine {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  size: number;
  /** The top of the tallest letter, accents included: baseline + ascent. */
  top: number;
  bold: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageText {
  /** 1-based page number. */
  page: number;
  /** The visible area (crop box) in user space. */
  box: Rect;
  /** Degrees clockwise the page is shown turned (/Rotate). */
  rotate: number;
  lines: TextLine[];
}

/** Pieces whose baselines differ by less than this share a line (superscripts do not). */
const SAME_BASELINE = 0.25;
/** A blank wider than this many font sizes separates two columns. */
const COLUMN_GAP = 1.5;
/** A blank wider than this many font sizes stands for a space. */
const WORD_GAP = 0.15;
/** Liberation Serif and Times New Roman: the ascent is about 0.89 of the size. */
const DEFAULT_ASCENT = 0.89;
const BOLD_NAME = /bold|black|heavy|demi|semibold/i;

export async function readLastPageText(pdf: Buffer): Promise<PageText> {
  return readPageText(pdf, 'last');
}

/** The lines of one page; `page` is 1-based. */
export async function readPageText(pdf: Buffer, page: number | 'last'): Promise<PageText> {
  const { pieces, ...rest } = await readPagePieces(pdf, page);
  return { ...rest, lines: groupLines(pieces) };
}

/** The upright text pieces of one page, before they are grouped into lines. */
export async function readPagePieces(pdf: Buffer, which: number | 'last'): Promise<Omit<PageText, 'lines'> & { pieces: TextPiece[] }> {
  const doc = await open(pdf);
  try {
    const number = which === 'last' ? doc.numPages : which;
    const page = await doc.getPage(number);
    const content = await page.getTextContent();
    const bold = await boldFonts(page);
    const pieces: TextPiece[] = [];
    for (const item of content.items) {
      if (!('str' in item) || !item.str) continue;
      const [a, b, c, d, x, y] = item.transform as number[];
      // Only upright text: a signature block is never turned, and turned text has no baseline we could use.
      if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3 || a <= 0 || d <= 0) continue;
      const ascent = content.styles[item.fontName]?.ascent || DEFAULT_ASCENT;
      pieces.push({ text: item.str, x, y, width: item.width, size: d, ascent: ascent * d, bold: bold.has(item.fontName) });
    }
    const [x0, y0, x1, y1] = page.view;
    return { page: number, box: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, rotate: page.rotate, pieces };
  } finally {
    await doc.destroy();
  }
}

/** pdfjs is loaded by the first page read, not at every start of the server. */
const pdfjs = () => import('pdfjs-dist/legacy/build/pdf.mjs');

async function open(pdf: Buffer) {
  const { getDocument } = await pdfjs();
  try {
    return await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (err) {
    if ((err as Error)?.name === 'PasswordException') throw new SigningError('PDF_ENCRYPTED', 'Tệp PDF được mã hoá; cần gỡ mã hoá trước khi ký số.');
    throw new SigningError('PDF_UNREADABLE', 'Không đọc được tệp PDF (tệp hỏng hoặc không phải PDF).');
  }
}

/**
 * The fonts of the page whose name says bold. pdfjs only knows a font's real name once the page's
 * operators were read; bold is a hint for choosing among lines, so failing here only loses it.
 */
async function boldFonts(page: PDFPageProxy): Promise<Set<string>> {
  const bold = new Set<string>();
  try {
    const { OPS } = await pdfjs();
    const operators = await page.getOperatorList();
    operators.fnArray.forEach((fn, i) => {
      if (fn !== OPS.setFont) return;
      const id = operators.argsArray[i][0] as string;
      const font = page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name?: string; bold?: boolean }) : undefined;
      if (font && (font.bold || BOLD_NAME.test(font.name ?? ''))) bold.add(id);
    });
  } catch {
    // Without the hint the lowest matching line wins, which is right for almost every document.
  }
  return bold;
}

/** Pieces to lines: top to bottom, left to right, split where a wide blank separates columns. */
export function groupLines(pieces: TextPiece[]): TextLine[] {
  const rows: TextPiece[][] = [];
  for (const piece of [...pieces].sort((p, q) => q.y - p.y || p.x - q.x)) {
    const row = rows.find((r) => Math.abs(r[0].y - piece.y) < SAME_BASELINE * Math.max(r[0].size, piece.size));
    if (row) row.push(piece);
    else rows.push([piece]);
  }
  return rows.flatMap((row) => splitColumns(row.sort((p, q) => p.x - q.x)));
}

function splitColumns(row: TextPiece[]): TextLine[] {
  const lines: TextLine[] = [];
  let current: TextPiece[] = [];
  const flush = () => {
    if (current.length) lines.push(joinPieces(current));
    current = [];
  };
  for (const piece of row) {
    const blank = !piece.text.trim();
    if (blank) {
      // pdfjs fills the space between columns with one wide blank piece.
      if (piece.width > COLUMN_GAP * piece.size) flush();
      continue;
    }
    const last = current[current.length - 1];
    if (last && piece.x - (last.x + last.width) > COLUMN_GAP * Math.max(last.size, piece.size)) flush();
    current.push(piece);
  }
  flush();
  return lines;
}

function joinPieces(pieces: TextPiece[]): TextLine {
  let text = '';
  pieces.forEach((piece, i) => {
    const previous = pieces[i - 1];
    if (previous && piece.x - (previous.x + previous.width) > WORD_GAP * piece.size && !/\s$/.test(text)) text += ' ';
    text += piece.text;
  });
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  const size = Math.max(...pieces.map((p) => p.size));
  return {
    text: text.replace(/\s+/g, ' ').trim(),
    x: first.x,
    y: first.y,
    width: last.x + last.width - first.x,
    size,
    top: Math.max(...pieces.map((p) => p.y + p.ascent)),
    // A line counts as bold when most of its letters are.
    bold: pieces.filter((p) => p.bold).reduce((n, p) => n + p.text.length, 0) * 2 > pieces.reduce((n, p) => n + p.text.length, 0),
  };
}
