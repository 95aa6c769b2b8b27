/**
 * Test and bench support: sample incoming documents, and reading a printed register back with
 * poppler (pdftotext, pdfinfo, pdffonts), its table split into cells by the column geometry of
 * register-pdf.ts so that tests check column by column.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { IncomingDocument } from '../schemas.js';
import { CELL_PADDING, COLUMN_WIDTHS, LINE_WIDTH, PAGE_MARGINS } from './register-pdf.js';

const run = promisify(execFile);

/** A registered paper document; override what the test is about. */
export function sampleDoc(over: Partial<IncomingDocument> = {}): IncomingDocument {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    agencyId: 'a',
    year: 2026,
    arrivalNumber: 1,
    arrivalDate: '2026-03-02',
    arrivedAt: '2026-03-02T02:00:00.000Z',
    registeredAt: '2026-03-02T02:00:00.000Z',
    registeredBy: 'u',
    source: 'paper',
    documentIdentifier: null,
    issuerCode: '000.00.00.H55',
    issuerName: 'Ủy ban nhân dân tỉnh Thái Nguyên',
    typeName: 'Quyết định',
    codeNumber: '125',
    codeNotation: 'QĐ-UBND',
    issuedDate: '2026-02-27',
    subject: 'Về việc phê duyệt kế hoạch cải cách hành chính năm 2026',
    language: 'Tiếng Việt',
    pageAmount: null,
    description: null,
    signerPosition: null,
    signerName: null,
    urgency: 0,
    urgencyLabel: 'Thường',
    urgentDeadline: null,
    toPlaces: 'Phòng Tổ chức, biên chế',
    dueDate: null,
    signatureCheck: 'not_applicable',
    signatureReport: null,
    routingState: null,
    status: 'registered',
    cancelledAt: null,
    cancelReason: null,
    recall: null,
    replyNotation: null,
    files: [],
    ...over,
  };
}

async function withFile<T>(pdf: Buffer, fn: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-pdf-'));
  try {
    const path = join(dir, 'register.pdf');
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

/** Left edges of table columns and the table's right edge, as pdfmake lays out fixed and '*' widths. */
export function gridEdges(widths: readonly (number | '*')[], margins: readonly number[], pageWidth: number): number[] {
  const [left, , right] = margins;
  const perColumn = 2 * CELL_PADDING + LINE_WIDTH;
  const fixed = widths.reduce<number>((sum, w) => sum + (w === '*' ? 0 : w), 0);
  const stars = widths.filter((w) => w === '*').length;
  const star = (pageWidth - left - right - LINE_WIDTH - fixed - perColumn * widths.length) / Math.max(stars, 1);
  const edges = [left];
  for (const w of widths) edges.push(edges[edges.length - 1] + (w === '*' ? star : w) + perColumn);
  return edges;
}

/** The register's ten columns. */
export function columnEdges(pageWidth = 841.89): number[] {
  return gridEdges(COLUMN_WIDTHS, PAGE_MARGINS, pageWidth);
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
 * The table on each page after the cover: the header band above the "(1) … (10)" row, then one
 * row per entry, an entry starting where its Số đến is printed.
 */
export function tablePages(pages: Word[][]): TablePage[] {
  const edges = columnEdges();
  const top = PAGE_MARGINS[1];
  return pages.slice(1).map((words) => {
    const inTable = words.filter((w) => w.y >= top);
    const numberingY = inTable.find((w) => w.text === '(1)')?.y ?? Infinity;
    const header = cellsOf(
      inTable.filter((w) => w.y < numberingY - 2),
      edges,
    );
    const body = inTable.filter((w) => w.y > numberingY + 2);
    const starts = [...new Set(body.filter((w) => columnOf(edges, w.x) === 1).map((w) => w.y))].sort((a, b) => a - b);
    const rows = starts.map((y, i) =>
      cellsOf(
        body.filter((w) => w.y >= y - 2 && w.y < (starts[i + 1] ?? Infinity) - 2),
        edges,
      ),
    );
    return { header, rows };
  });
}

/** Line breaks inside a cell are not part of the value. */
export const squash = (s: string) => s.replace(/\s+/g, '');
