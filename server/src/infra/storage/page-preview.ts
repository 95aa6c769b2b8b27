/**
 * Pages of a stored PDF for the browser to show where a signature goes: their sizes in PDF points
 * (to turn a click into page coordinates) and one page rendered as PNG by poppler's pdftoppm.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from '@cantoo/pdf-lib';
import { AppError } from '../../shared/errors.js';

const run = promisify(execFile);

export interface PageSize {
  page: number;
  width: number;
  height: number;
}

export async function pageSizes(pdf: Buffer): Promise<PageSize[]> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { ignoreEncryption: true, updateMetadata: false });
  } catch {
    throw new AppError('VALIDATION_FAILED', 'Tệp không phải PDF đọc được; không xem trước được trang.');
  }
  return doc.getPages().map((p, i) => {
    // A page turned by 90° or 270° shows its sides swapped, and a click is read on what shows.
    const turned = p.getRotation().angle % 180 !== 0;
    const { width, height } = p.getSize();
    return { page: i + 1, width: turned ? height : width, height: turned ? width : height };
  });
}

export async function renderPagePng(pdfPath: string, page: number, widthPx: number): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-page-'));
  try {
    const out = join(dir, 'page');
    await run('pdftoppm', ['-png', '-f', String(page), '-l', String(page), '-scale-to-x', String(widthPx), '-scale-to-y', '-1', '-singlefile', pdfPath, out], { timeout: 30_000 });
    return await readFile(`${out}.png`);
  } catch {
    throw new AppError('CONVERSION_FAILED', 'Không dựng được hình trang văn bản để xem trước.');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
