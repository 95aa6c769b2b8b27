/**
 * The sizes of a PDF's pages, read with pdf-lib. Runs in an isolated worker (page-preview.ts):
 * parsing a PDF of thousands of pages, or a malformed one, takes seconds of CPU.
 */
import { PDFDocument } from '@cantoo/pdf-lib';
import { AppError } from '../../shared/errors.js';

export interface PageSize {
  page: number;
  width: number;
  height: number;
}

export async function readPageSizes(pdf: Buffer): Promise<PageSize[]> {
  try {
    const doc = await PDFDocument.load(pdf, { ignoreEncryption: true, updateMetadata: false });
    const pages = doc.getPages().map((p, i) => {
      // A page turned by 90° or 270° shows its sides swapped, and a click is read on what shows.
      const turned = p.getRotation().angle % 180 !== 0;
      const { width, height } = p.getSize();
      return { page: i + 1, width: turned ? height : width, height: turned ? width : height };
    });
    if (pages.length && pages.every((p) => Number.isFinite(p.width) && Number.isFinite(p.height))) return pages;
  } catch {
    // Whatever pdf-lib stumbles on (the header, the page tree, a page's box) is the file's fault.
  }
  throw new AppError('VALIDATION_FAILED', 'Tệp không phải PDF đọc được (tệp hỏng hoặc không có trang nào); không xem trước được trang.');
}
