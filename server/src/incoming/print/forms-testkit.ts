/**
 * Test support for the forms built on form-pdf.ts: their tables read back cell by cell from
 * `pdftotext -bbox` words (see testkit.ts), split by the column geometry the form declares, and
 * page text with whitespace collapsed for line-by-line checks.
 */
import { A4, CELL_PADDING, FORM_MARGINS, LINE_WIDTH } from './form-pdf.js';
import { layoutPages, type Word } from './testkit.js';

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

const columnOf = (edges: number[], x: number) => edges.findIndex((e, i) => i < edges.length - 1 && x >= e && x < edges[i + 1]);

function cellsOf(words: Word[], edges: number[]): string[] {
  const cells: Word[][] = Array.from({ length: edges.length - 1 }, () => []);
  for (const w of words) cells[columnOf(edges, w.x)]?.push(w);
  return cells.map((ws) =>
    ws
      .sort((a, b) => (Math.abs(a.y - b.y) < 2 ? a.x - b.x : a.y - b.y))
      .map((w) => w.text)
      .join(' '),
  );
}

/**
 * The numbered table of one page: the header band above the "(1)" row, then one row per entry,
 * an entry starting where `startColumn` (one that always has a value) begins a new cell.
 */
export function gridPage(words: Word[], edges: number[], startColumn = 0): { header: string[]; rows: string[][] } {
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

/** Page text, one trimmed line per non-empty line, runs of spaces collapsed. */
export async function pageLines(pdf: Buffer): Promise<string[][]> {
  return (await layoutPages(pdf)).map((page) =>
    page
      .split('\n')
      .map((l) => l.trim().replace(/\s+/g, ' '))
      .filter(Boolean),
  );
}
