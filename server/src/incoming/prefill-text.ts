/**
 * The text of page 1 as pdf.js reads it, for prefill.ts. Runs in an isolated worker: pdf.js may
 * spend seconds on a large or malformed PDF, which the server's event loop must not.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

// pdf.js parses in a "fake worker" module it imports on first use, which takes seconds on a busy
// server; given here, it loads with this module, before the job's time limit starts counting.
const scope = globalThis as { pdfjsWorker?: unknown };
// @ts-expect-error pdf.js ships no types for its worker module
scope.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');

export interface FirstPage {
  lines: string[];
  left: string[];
  pages: number;
}

/** The text lines of page 1, top to bottom, whole and of the left column (where the issuer stands). */
export async function firstPageLines(pdf: Buffer): Promise<FirstPage> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const page = await doc.getPage(1);
    const content = await page.getTextContent();
    const middle = page.view[2] / 2;
    const items = content.items.flatMap((item) => ('str' in item && item.str.trim() ? [{ x: item.transform[4], y: Math.round(item.transform[5]), s: item.str }] : []));
    const toLines = (parts: typeof items) => {
      const byY = new Map<number, typeof items>();
      for (const p of parts) byY.set(p.y, [...(byY.get(p.y) ?? []), p]);
      return [...byY.entries()].sort(([a], [b]) => b - a).map(([, row]) => row.sort((p, q) => p.x - q.x).map((p) => p.s).join(' ').replace(/\s+/g, ' ').trim());
    };
    return { lines: toLines(items), left: toLines(items.filter((i) => i.x < middle)), pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

