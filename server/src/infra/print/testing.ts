/**
 * Test support for the printed forms: a PDF read back with poppler (pdftotext, pdfinfo, pdffonts),
 * its tables split into cells by the column geometry the form declares, so that tests check
 * column by column; and page text line by line.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { A4, CELL_PADDING, FORM_MARGINS, LINE_WIDTH } from './form-pdf.js';

const run = promisify(execFile);

async function withFile<T>(pdf: Buffer, fn: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-pdf-'));
  try {
    const path = join(dir, 'form.pdf');
    await writeFile(path, pdf);
    return await fn(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `pdftotext -layout`, one string per page. */
export function layoutPages(pdf: Buffer): Promise<string[]> {
  return withFile(pdf, async (path) => (await run('pdftotext', ['-layout', path, '-'], { maxBuffer: 64 << 20 })).stdout.split('\f').slice(0, -1));
}

/** Page text, one trimmed line per non-empty line, runs of spaces collapsed. */
export async function pageLines(pdf: Buffer): Promise<string[][]> {
  return (await layoutPages(pdf)).map((page) =>
    page
      .split('\n')
      .map((l) => l.trim().replace(/\s+/g, ' '))
      .filter(Boolean),
  );
}

export function pdfInfo(pdf: Buffer): Promise<{ pages: number; mediaBox: number[]; fonts: string }> {
  return withFile(pdf, async (path) => {
    const info = (await run('pdfinfo', ['-box', path])).stdout;
    const fonts = (await run('pdffonts', [path])).stdout;
    return {
      pages: Number(/^Pages:\s+(\d+)/m.exec(info)![1]),
      mediaBox: /^MediaBox:\s+(.+)$/m.exec(info)![1].trim().split(/\s+/).map(Number),
      fonts,
    };
  });
}

export interface Word {
  text: string;
  x: number;
  y: number;
}

/** Words with their top-left corner, in points, one array per page (`pdftotext -bbox`). */
export function pageWords(pdf: Buffer): Promise<Word[][]> {
  return withFile(pdf, async (path) => {
    const html = (await run('pdftotext', ['-bbox', path, '-'], { maxBuffer: 64 << 20 })).stdout;
    const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    return html
      .split('<page ')
      .slice(1)
      .map((page) => [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: unescape(m[3]) })));
  });
}

/** Left edges of the columns and the table's right edge, as pdfmake lays out a full-width grid. */
export function gridEdges(widths: readonly (number | '*')[], pageWidth: number = A4.long): number[] {
  const [left, , right] = FORM_MARGINS;
  const perColumn = 2 * CELL_PADDING + LINE_WIDTH;
  const fixed = widths.reduce<number>((sum, w) => sum + (w === '*' ? 0 : w), 0);
  const stars = widths.filter((w) => w === '*').length;
  const star = (pageWidth - left - right - LINE_WIDTH - fixed - perColumn * widths.length) / Math.max(stars, 1);
  const edges = [left];
  for (const w of widths) edges.push(edges[edges.length - 1] + (w === '*' ? star : w) + perColumn);
  return edges;
}

export const columnOf = (edges: number[], x: number) => edges.findIndex((e, i) => i < edges.length - 1 && x >= e && x < edges[i + 1]);

/** Texts of the words in one table band, by column, in reading order. */
export function cellsOf(words: Word[], edges: number[]): string[] {
  const cells: Word[][] = Array.from({ length: edges.length - 1 }, () => []);
  for (const w of words) cells[columnOf(edges, w.x)]?.push(w);
  return cells.map((ws) =>
    ws
      .sort((a, b) => (Math.abs(a.y - b.y) < 2 ? a.x - b.x : a.y - b.y))
      .map((w) => w.text)
      .join(' '),
  );
}

export interface TablePage {
  header: string[];
  rows: string[][];
}

/**
 * The numbered table of one page: the header band above the "(1)" row, then one row per entry,
 * an entry starting where `startColumn` (one that always has a value) begins a new cell.
 */
export function gridPage(words: Word[], edges: number[], startColumn = 0): TablePage {
  const inTable = words.filter((w) => w.y >= FORM_MARGINS[1]);
  const numberingY = inTable.find((w) => w.text === '(1)')?.y ?? Infinity;
  const header = cellsOf(
    inTable.filter((w) => w.y < numberingY - 2),
    edges,
  );
  const body = inTable.filter((w) => w.y > numberingY + 2);
  const starts = [...new Set(body.filter((w) => columnOf(edges, w.x) === startColumn).map((w) => w.y))].sort((a, b) => a - b);
  const rows = starts.map((y, i) =>
    cellsOf(
      body.filter((w) => w.y >= y - 2 && w.y < (starts[i + 1] ?? Infinity) - 2),
      edges,
    ),
  );
  return { header, rows };
}

/** Line breaks inside a cell are not part of the value. */
export const squash = (s: string) => s.replace(/\s+/g, '');
