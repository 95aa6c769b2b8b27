/**
 * The PDF of a bản sao giấy: the chosen pages of the source with the copy block under the text of
 * the last one. Pure bytes in, bytes out, run in an isolated worker (printed.ts): parsing and
 * rewriting a document of thousands of pages takes seconds of CPU that the server must not stall on.
 */
import { readPageText } from '../signing/index.js';
import { appendCopyBlock, type CopyBlock } from './copy-block.js';
import { loadPdf, selectPages, type PageRange } from './source.js';

// pdf.js (under readPageText) imports its parser module on first use; given here, it loads with
// this module, before the job's time limit starts counting.
const scope = globalThis as { pdfjsWorker?: unknown };
// @ts-expect-error pdf.js ships no types for its worker module
scope.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');

export async function makePrintedCopyPdf(source: Buffer, pages: PageRange | null, block: CopyBlock, fontDir?: string): Promise<Buffer> {
  const copy = await selectPages(await loadPdf(source), pages);
  const bottom = await lowestText(source, pages?.to ?? copy.getPageCount());
  await appendCopyBlock(copy, block, bottom, fontDir);
  return Buffer.from(await copy.save());
}

/** The lowest point of the text on a page of the source (user space), or null when it has none (a scan). */
async function lowestText(pdf: Buffer, page: number): Promise<number | null> {
  const { lines } = await readPageText(pdf, page);
  // The descent of Times-like fonts is under a quarter of the size.
  return lines.length ? Math.min(...lines.map((l) => l.y - 0.25 * l.size)) : null;
}
