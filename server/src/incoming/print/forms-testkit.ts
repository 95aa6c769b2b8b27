/**
 * Test support for the forms built on form-pdf.ts: their tables read back cell by cell from
 * `pdftotext -bbox` words (see testkit.ts), split by the column geometry the form declares, and
 * page text with whitespace collapsed for line-by-line checks.
 */
import { A4, FORM_MARGINS } from './form-pdf.js';
import { cellsOf, columnOf, gridEdges as registerGridEdges, layoutPages, type Word } from './testkit.js';

/** Left edges of the columns and the table's right edge, as pdfmake lays out a full-width grid. */
export function gridEdges(widths: readonly (number | '*')[], pageWidth: number = A4.long): number[] {
  return registerGridEdges(widths, FORM_MARGINS, pageWidth);
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
