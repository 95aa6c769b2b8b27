/**
 * Time to turn a three-page Vietnamese decision (.docx) into PDF with LibreOffice. The first
 * conversion of a converter pays for a fresh profile and LibreOffice's start-up and is reported
 * apart; each later one still starts soffice anew. Printed, never asserted. Runs alone:
 *   npx tsx server/bench/convert.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OfficeConverter } from '../src/infra/convert/index.js';
import { decisionHtml, makeOfficeFile, pageCount, SOFFICE } from '../src/infra/convert/testkit.js';

const RUNS = 8;
/** Body paragraphs that fill about three A4 pages in LibreOffice's default style. */
const PARAGRAPHS = 24;
const PARALLEL = 4;

const label = 'convert'.padEnd(20);
const row = (what: string, ms: number, note: string) => `${label} ${what.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms  (${note})`;

export async function benchConvert(): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-bench-convert-'));
  try {
    let path: string;
    try {
      path = await makeOfficeFile(dir, 'quyet-dinh', decisionHtml(PARAGRAPHS), 'docx');
    } catch (err) {
      return [`${label} skipped: ${SOFFICE} did not run (${(err as Error).message.split('\n')[0]})`];
    }
    const input = { path, originalName: 'Quyết định ban hành quy chế.docx' };
    const lines: string[] = [];

    const one = new OfficeConverter({ workDir: join(dir, 'one') });
    try {
      const cold = await one.convert(input);
      lines.push(row('docx → PDF, first run (new profile)', cold.ms, `${pageCount(cold.pdf)} pages, ${(cold.pdf.length / 1024).toFixed(0)} KB`));
      const ms: number[] = [];
      for (let i = 0; i < RUNS; i++) ms.push((await one.convert(input)).ms);
      ms.sort((a, b) => a - b);
      const median = ms[Math.floor(RUNS / 2)];
      const p95 = ms[Math.ceil(RUNS * 0.95) - 1];
      lines.push(row('docx → PDF, later runs, median', median, `${RUNS} runs`));
      lines.push(row('docx → PDF, later runs, p95', p95, `${RUNS} runs`));
    } finally {
      await one.close();
    }

    // Throughput with two workers, their profiles already made.
    const two = new OfficeConverter({ workDir: join(dir, 'two'), workers: 2 });
    try {
      await Promise.all([two.convert(input), two.convert(input)]);
      const start = performance.now();
      await Promise.all(Array.from({ length: PARALLEL }, () => two.convert(input)));
      const total = performance.now() - start;
      lines.push(row(`${PARALLEL} at once, workers=2, per document`, total / PARALLEL, `${total.toFixed(0)} ms in all`));
    } finally {
      await two.close();
    }
    return lines;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`\nVănThư conversion bench — Node ${process.version}\n`);
  for (const line of await benchConvert()) console.log(line);
}
