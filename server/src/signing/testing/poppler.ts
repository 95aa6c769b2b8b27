/**
 * Looking at a signed PDF the way a reader shows it, with poppler (an independent renderer):
 * pdftoppm renders the page, widget appearances included, and pdftotext says what text is where.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Rect } from '../pades/placement.js';
import { decodePng, type RgbImage } from './test-images.js';
import { run } from './tools.js';

async function withFile<T>(pdf: Buffer, use: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-poppler-'));
  try {
    const file = join(dir, 'in.pdf');
    await writeFile(file, pdf);
    return await use(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface RenderedPage {
  image: RgbImage;
  /** Counts the pixels inside a rectangle given in PDF user space (origin bottom left) that pass `test`. */
  count(rect: Rect, test: (rgb: [number, number, number]) => boolean): number;
}

/** `pdftoppm -r <dpi> -png` of one page; `pageHeight` in points maps PDF coordinates to pixel rows. */
export async function renderPage(pdf: Buffer, page: number, pageHeight: number, dpi = 50): Promise<RenderedPage> {
  const image = await withFile(pdf, async (file, dir) => {
    const out = join(dir, 'page');
    await run('pdftoppm', ['-r', String(dpi), '-png', '-f', String(page), '-l', String(page), '-singlefile', file, out]);
    return decodePng(await readFile(`${out}.png`));
  });
  const scale = dpi / 72;
  return {
    image,
    count(rect, test) {
      const left = Math.max(0, Math.floor(rect.x * scale));
      const right = Math.min(image.width, Math.ceil((rect.x + rect.width) * scale));
      const top = Math.max(0, Math.floor((pageHeight - rect.y - rect.height) * scale));
      const bottom = Math.min(image.height, Math.ceil((pageHeight - rect.y) * scale));
      let n = 0;
      for (let y = top; y < bottom; y++) for (let x = left; x < right; x++) if (test(image.pixel(x, y))) n++;
      return n;
    },
  };
}

export async function pdftotext(pdf: Buffer, page = 1): Promise<string> {
  return withFile(pdf, async (file) => (await run('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'])).stdout);
}

/** A word as `pdftotext -bbox` gives it: positions in points from the page's top-left corner. */
export interface BoxedWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export async function pdftotextWords(pdf: Buffer, page = 1): Promise<BoxedWord[]> {
  const html = await withFile(pdf, async (file) => (await run('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', file, '-'])).stdout);
  const words: BoxedWord[] = [];
  for (const m of html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    words.push({ text: unescapeHtml(m[5]), xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4] });
  }
  return words;
}

/** The consecutive words that spell `line`, or undefined. */
export function findWords(words: BoxedWord[], line: string): BoxedWord[] | undefined {
  const wanted = line.split(/\s+/);
  for (let i = 0; i + wanted.length <= words.length; i++) {
    if (wanted.every((w, k) => words[i + k].text === w)) return words.slice(i, i + wanted.length);
  }
  return undefined;
}

function unescapeHtml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
