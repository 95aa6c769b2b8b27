/**
 * Pages of a stored PDF for the browser to show where a signature goes: their sizes in PDF points
 * (to turn a click into page coordinates) and one page rendered as PNG by poppler's pdftoppm.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../../shared/errors.js';
import { isolate, refusalAsAppError } from '../isolate/index.js';
import type { PageSize } from './page-sizes.js';

const run = promisify(execFile);

export type { PageSize };

/** Parsing is heavy for a big PDF: a few seconds for 2,000 pages; refused beyond the limits. */
const PARSE_LIMITS = { timeoutMs: 15_000, heapMb: 512 };
/** pdftoppm, a separate process: its time, and its address space (so one page cannot take the server's memory). */
const RENDER_TIMEOUT_MS = 30_000;
const RENDER_MEMORY_BYTES = 1024 * 1024 * 1024;

export async function pageSizes(pdf: Buffer): Promise<PageSize[]> {
  try {
    return await isolate.run<PageSize[]>(new URL('./page-sizes.ts', import.meta.url), 'readPageSizes', [pdf], PARSE_LIMITS);
  } catch (err) {
    throw refusalAsAppError(err, 'Tệp PDF');
  }
}

export async function renderPagePng(pdfPath: string, page: number, widthPx: number): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-page-'));
  try {
    const out = join(dir, 'page');
    const args = ['-png', '-f', String(page), '-l', String(page), '-scale-to-x', String(widthPx), '-scale-to-y', '-1', '-singlefile', pdfPath, out];
    await run('prlimit', [`--as=${RENDER_MEMORY_BYTES}`, '--', 'pdftoppm', ...args], { timeout: RENDER_TIMEOUT_MS, killSignal: 'SIGKILL' });
    return await readFile(`${out}.png`);
  } catch {
    throw new AppError('CONVERSION_FAILED', 'Không dựng được hình trang văn bản để xem trước.');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
