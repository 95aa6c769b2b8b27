import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FONT_FILES, fontPaths, resolveFontDir } from './fonts.js';
import { printedNumber } from '../../infra/print/register-cover.js';
import { REGISTER_COLUMNS, registerCover, registerRows, type RegisterRow } from './register-rows.js';
import { buildRegisterPdf } from './register-pdf.js';
import { buildRegisterXlsx, HEADER_ROW, SHEET_NAME } from './register-xlsx.js';
import { layoutPages, pageWords, pdfInfo, squash } from '../../infra/print/testing.js';
import { columnEdges, sampleDoc, tablePages } from './testkit.js';

const LONG_SUBJECT =
  'Về việc triển khai thực hiện Đề án chuyển đổi số trong công tác văn thư, lưu trữ; số hóa tài liệu lưu trữ lịch sử, ' +
  'xây dựng cơ sở dữ liệu hồ sơ điện tử và bảo đảm an toàn, an ninh thông tin trong các cơ quan, tổ chức thuộc phạm vi quản lý ' +
  'của Ủy ban nhân dân tỉnh Thái Nguyên giai đoạn 2026–2030, định hướng đến năm 2035';

const HEADERS = REGISTER_COLUMNS.map((c) => c.header);
const cells = (row: RegisterRow) => REGISTER_COLUMNS.map((c) => c.value(row)).map((v) => (typeof v === 'number' ? printedNumber(v) : v));

/** 80 entries: enough for several table pages, with a long subject and a cancelled entry among them. */
function sampleRegister() {
  const docs = Array.from({ length: 80 }, (_, i) =>
    sampleDoc({
      arrivalNumber: i + 1,
      arrivalDate: `2026-03-${String(2 + (i % 20)).padStart(2, '0')}`,
      codeNumber: String(100 + i),
      subject: i % 9 === 0 ? LONG_SUBJECT : `Về việc đôn đốc nộp hồ sơ số ${i + 1}`,
      status: i === 4 ? 'cancelled' : 'registered',
      cancelReason: i === 4 ? 'Đăng ký nhầm văn bản' : null,
    }),
  );
  const rows = registerRows(docs);
  const cover = registerCover({ name: 'Sở Nội vụ tỉnh Thái Nguyên', parentName: 'Ủy ban nhân dân tỉnh Thái Nguyên' }, 2026, rows, {}, 1);
  return { rows, cover };
}

describe('register PDF', () => {
  const { rows, cover } = sampleRegister();
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await buildRegisterPdf(cover, rows);
  });

  it('[Q-11.2a] is A4 landscape with the bundled Times-metric font embedded', async () => {
    const info = await pdfInfo(pdf);
    expect(info.mediaBox.map(Math.round)).toEqual([0, 0, 842, 595]);
    expect(info.pages).toBeGreaterThanOrEqual(4);
    expect(info.fonts).toMatch(/LiberationSerif-Bold\b/);
    expect(info.fonts).toMatch(/LiberationSerif\b/);
  });

  it('[Q-11.2a] opens with the cover of the template, unnumbered', async () => {
    const [first] = await layoutPages(pdf);
    const lines = first.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines.slice(0, 2)).toEqual(['ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN', 'SỞ NỘI VỤ TỈNH THÁI NGUYÊN']);
    expect(lines.slice(2)).toEqual(['SỔ ĐĂNG KÝ VĂN BẢN ĐẾN', 'Năm: 2026', 'Từ ngày 02/03/2026 đến ngày 21/03/2026', 'Từ số 01 đến số 80', 'Quyển số: 01']);
  });

  it('[Q-11.2a] repeats the ten headers in order on every table page, numbered at the top centre', async () => {
    const pages = await layoutPages(pdf);
    const tables = tablePages(await pageWords(pdf));
    expect(tables.length).toBe(pages.length - 1);
    tables.forEach((page, i) => {
      expect(page.header.map(squash), `page ${i + 2}`).toEqual(HEADERS.map(squash));
      const firstLine = pages[i + 1].split('\n').find((l) => l.trim())!;
      expect(firstLine.trim()).toBe(String(i + 2));
      // Centred over the text area: as much room to its left as to its right, within a few characters.
      const left = firstLine.indexOf(String(i + 2));
      const width = Math.max(...pages[i + 1].split('\n').map((l) => l.trimEnd().length));
      expect(Math.abs(left - width / 2)).toBeLessThan(width * 0.1);
    });
  });

  it('[Q-11.2a] prints every entry column by column, long subjects and cancelled entries included', async () => {
    const printed = tablePages(await pageWords(pdf)).flatMap((p) => p.rows);
    expect(printed.map((r) => r.map(squash))).toEqual(rows.map((r) => cells(r).map(squash)));
    expect(printed[4][9]).toBe('Đã hủy: Đăng ký nhầm văn bản');
    expect(squash(printed[0][5])).toBe(squash(`Quyết định: ${LONG_SUBJECT}`));
  });

  it('has its columns where the inspector expects them (geometry self-check)', async () => {
    const edges = columnEdges();
    // The table ends at the right margin, give or take its closing rule.
    expect(Math.abs(edges[edges.length - 1] - (841.89 - 15 * (72 / 25.4)))).toBeLessThan(1);
    const words = (await pageWords(pdf))[1];
    for (let n = 1; n <= 10; n++) {
      const label = words.find((w) => w.text === `(${n})`)!;
      expect(label.x).toBeGreaterThan(edges[n - 1]);
      expect(label.x).toBeLessThan(edges[n]);
    }
  });

  it('[Q-11.2a] keeps the layout on each line of -layout text: date, number, symbol, date in order', async () => {
    const text = (await layoutPages(pdf)).slice(1).join('\n');
    for (const row of rows.slice(0, 20)) {
      const line = text.split('\n').find((l) => l.includes(` ${row.symbol} `) && l.includes(printedNumber(row.arrivalNumber)))!;
      const at = [row.arrivalDate, ` ${printedNumber(row.arrivalNumber)} `, row.symbol, row.documentDate].map((s) => line.indexOf(s));
      expect(at.every((p) => p >= 0), line).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
    }
  });

  it('prints an empty register: cover with blanks to fill, table header only', async () => {
    const empty = await buildRegisterPdf(registerCover({ name: 'Sở Nội vụ', parentName: null }, 2027, []), []);
    const pages = await layoutPages(empty);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Từ số …………… đến số ……………');
    expect(tablePages(await pageWords(empty))[0]).toMatchObject({ header: HEADERS, rows: [] });
  });
});

describe('register fonts', () => {
  it('default to the bundled folder, resolved from the module, whatever the working directory', () => {
    expect(resolveFontDir()).toBe(resolve(import.meta.dirname, '../../../assets/fonts'));
    expect(Object.values(fontPaths()).every((p) => p.startsWith(resolveFontDir()))).toBe(true);
  });

  it('come from the folder an agency supplies, under the same file names', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vanthu-fonts-'));
    try {
      expect(() => fontPaths(dir)).toThrow(/LiberationSerif-Regular\.ttf/);
      for (const file of Object.values(FONT_FILES)) await copyFile(join(resolveFontDir(), file), join(dir, file));
      expect(fontPaths(dir).bold).toBe(join(dir, FONT_FILES.bold));
      const { rows, cover } = sampleRegister();
      const pdf = await buildRegisterPdf(cover, rows.slice(0, 3), { fontDir: dir });
      expect((await layoutPages(pdf))[0]).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('register XLSX', () => {
  const { rows, cover } = sampleRegister();

  async function load(buffer: Buffer) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    return workbook.getWorksheet(SHEET_NAME)!;
  }
  const rowValues = (sheet: ExcelJS.Worksheet, r: number) => REGISTER_COLUMNS.map((_, i) => sheet.getRow(r).getCell(i + 1).value ?? '');

  it('[Q-11.2a] has one sheet with the title block and the ten headers in order, frozen', async () => {
    const sheet = await load(await buildRegisterXlsx(cover, rows));
    expect(sheet.workbook.worksheets).toHaveLength(1);
    const titleBlock = Array.from({ length: HEADER_ROW - 1 }, (_, r) => sheet.getRow(r + 1).getCell(1).value);
    expect(titleBlock).toEqual(
      expect.arrayContaining(['ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN', 'SỞ NỘI VỤ TỈNH THÁI NGUYÊN', 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN', 'Năm: 2026', 'Từ ngày 02/03/2026 đến ngày 21/03/2026; Từ số 01 đến số 80', 'Quyển số: 01']),
    );
    expect(rowValues(sheet, HEADER_ROW)).toEqual(HEADERS);
    expect(rowValues(sheet, HEADER_ROW + 1)).toEqual(HEADERS.map((_, i) => `(${i + 1})`));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW + 1 });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW + 1}` });
    expect(sheet.getColumn(6).width).toBeGreaterThan(sheet.getColumn(2).width!);
  });

  it('[Q-11.2a] holds the same values as the PDF, Số đến as a number shown with its leading 0', async () => {
    const sheet = await load(await buildRegisterXlsx(cover, rows));
    rows.forEach((row, r) => {
      expect(rowValues(sheet, HEADER_ROW + 2 + r)).toEqual(REGISTER_COLUMNS.map((c) => c.value(row)));
    });
    const cancelled = sheet.getRow(HEADER_ROW + 2 + 4);
    expect(cancelled.getCell(2).value).toBe(5);
    expect(cancelled.getCell(2).numFmt).toBe('00');
    expect(cancelled.getCell(10).value).toBe('Đã hủy: Đăng ký nhầm văn bản');
    expect(sheet.getRow(HEADER_ROW + 2).getCell(6).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(sheet.rowCount).toBe(HEADER_ROW + 1 + rows.length);
  });

  it('uses Times New Roman by default and the font name configured otherwise', async () => {
    const byDefault = await load(await buildRegisterXlsx(cover, rows.slice(0, 2)));
    expect(byDefault.getRow(HEADER_ROW + 2).getCell(3).font.name).toBe('Times New Roman');
    expect(byDefault.getRow(HEADER_ROW).getCell(1).font).toMatchObject({ name: 'Times New Roman', bold: true });
    const liberation = await load(await buildRegisterXlsx(cover, rows.slice(0, 2), { fontName: 'Liberation Serif' }));
    expect(liberation.getRow(HEADER_ROW + 2).getCell(3).font.name).toBe('Liberation Serif');
  });
});
