/**
 * Files a clerk would receive or print, made or read in the test: an official letter as a PDF with
 * real text (so the server can read it), and the printed registers read back as text or cells.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import fontkit from '@cantoo/fontkit';
import { PDFDocument } from '@cantoo/pdf-lib';
import { DEFAULT_FONT_PATH } from '../../server/src/signing/pades/appearance.js';

const run = promisify(execFile);

export interface LetterOptions {
  /** The issuer as headed on the left, in capitals. */
  issuer: string;
  /** "Số: 45/UBND-NC". */
  numberLine: string;
  /** "Thái Nguyên, ngày 5 tháng 3 năm 2026". */
  dateLine: string;
  /** "V/v …", the summary of a công văn. */
  subjectLine: string;
}

/** A one-page công văn laid out as NĐ30 Appendix I: issuer and number left, motto and date right, then "V/v". */
export async function makeLetterPdf(o: LetterOptions): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(await readFile(DEFAULT_FONT_PATH), { subset: true });
  const page = doc.addPage([595.28, 841.89]);
  const lines: [number, number, number, string][] = [
    [50, 780, 12, o.issuer],
    [320, 780, 11, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    [345, 764, 12, 'Độc lập - Tự do - Hạnh phúc'],
    [90, 740, 13, o.numberLine],
    [320, 740, 12, o.dateLine],
    [60, 722, 12, o.subjectLine],
    [85, 680, 13, 'Kính gửi: Sở Nội vụ tỉnh Thái Nguyên.'],
  ];
  for (const [x, y, size, text] of lines) page.drawText(text, { x, y, size, font });
  return Buffer.from(await doc.save());
}

/** The text of a PDF with its columns kept in place (poppler's pdftotext -layout). */
export async function pdfLayoutText(path: string): Promise<string> {
  return (await run('pdftotext', ['-layout', path, '-'])).stdout;
}

/** The first sheet of a workbook (XLSX), to read its cells as a spreadsheet program would. */
export async function firstSheet(path: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets[0];
}

/** The number of the first row having a text cell that `matches`, else 0. */
export function rowWithCell(sheet: ExcelJS.Worksheet, matches: (text: string) => boolean): number {
  let found = 0;
  sheet.eachRow((row, n) => {
    if (!found && (row.values as unknown[]).some((v) => typeof v === 'string' && matches(v))) found = n;
  });
  return found;
}
