import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness/engines.js';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/harness/app.js';
import { loadRegisterDocuments, printIncomingRegister } from './register-print.js';
import { REGISTER_COLUMNS } from './register-rows.js';
import { HEADER_ROW, SHEET_NAME } from './register-xlsx.js';
import { layoutPages, pageWords, pdfInfo, squash } from '../../infra/print/testing.js';
import { tablePages } from './testkit.js';

const LONG_SUBJECT =
  'V/v đề nghị báo cáo kết quả thực hiện công tác văn thư, lưu trữ năm 2025 và phương hướng, nhiệm vụ năm 2026; ' +
  'rà soát, chỉnh lý tài liệu tồn đọng, tích đống; lập danh mục hồ sơ, thống kê hồ sơ đến hạn nộp lưu vào Lưu trữ lịch sử tỉnh ' +
  'và đề xuất nhu cầu kinh phí số hóa tài liệu lưu trữ của cơ quan, đơn vị';

/** Four entries of Sở Nội vụ, in the order they arrived; the third is cancelled. */
const DOCS = [
  { typeName: 'Quyết định', codeNumber: '125', codeNotation: 'QĐ-UBND', issuerName: 'Ủy ban nhân dân tỉnh Thái Nguyên', issuedDate: '2026-02-05', arrivedAt: '2026-02-10T08:00:00+07:00', subject: 'Về việc phê duyệt kế hoạch cải cách hành chính năm 2026', toPlaces: 'Phòng Tổ chức, biên chế' },
  { typeName: 'Công văn', codeNumber: '45', codeNotation: 'SKHCN-VP', issuerName: 'Sở Khoa học và Công nghệ tỉnh Thái Nguyên', issuedDate: '2026-02-18', arrivedAt: '2026-02-20T09:30:00+07:00', subject: LONG_SUBJECT, toPlaces: 'Phòng Văn thư - Lưu trữ' },
  { typeName: 'Kế hoạch', codeNumber: '07', codeNotation: 'KH-UBND', issuerName: 'Ủy ban nhân dân tỉnh Thái Nguyên', issuedDate: '2026-02-24', arrivedAt: '2026-02-25T10:00:00+07:00', subject: 'Kiểm tra công tác văn thư, lưu trữ năm 2026' },
  { typeName: 'Giấy mời', codeNumber: '12', codeNotation: 'GM-STC', issuerName: 'Sở Tài chính tỉnh Thái Nguyên', issuedDate: '2026-03-01', arrivedAt: '2026-03-02T08:30:00+07:00', subject: 'Dự họp triển khai dự toán ngân sách năm 2026', description: 'Họp lúc 14 giờ' },
];

/** The printed cells of each entry, as NĐ 30 Phụ lục IV mẫu VI orders them. */
const EXPECTED = [
  ['10/02/2026', '01', 'Ủy ban nhân dân tỉnh Thái Nguyên', '125/QĐ-UBND', '05/02/2026', 'Quyết định: Về việc phê duyệt kế hoạch cải cách hành chính năm 2026', 'Phòng Tổ chức, biên chế', '', '', ''],
  ['20/02/2026', '02', 'Sở Khoa học và Công nghệ tỉnh Thái Nguyên', '45/SKHCN-VP', '18/02/2026', `Công văn: ${LONG_SUBJECT}`, 'Phòng Văn thư - Lưu trữ', '', '', ''],
  ['25/02/2026', '03', 'Ủy ban nhân dân tỉnh Thái Nguyên', '07/KH-UBND', '24/02/2026', 'Kế hoạch: Kiểm tra công tác văn thư, lưu trữ năm 2026', '', '', '', 'Đã hủy: Đăng ký trùng với văn bản số đến 01'],
  ['02/03/2026', '04', 'Sở Tài chính tỉnh Thái Nguyên', '12/GM-STC', '01/03/2026', 'Giấy mời: Dự họp triển khai dự toán ngân sách năm 2026', '', '', '', 'Họp lúc 14 giờ'],
];


describeEngines('incoming register printing', (db) => {
  let t: TestApp;
  let app: FastifyInstance;
  let clerk: Session;
  const pdf = async (query = '', s: Session = clerk) => {
    const res = await call(app, s, 'GET', `/api/incoming/register.pdf${query}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res;
  };
  const printedRows = async (query = '') => tablePages(await pageWords((await pdf(query)).rawPayload)).flatMap((p) => p.rows);

  beforeAll(async () => {
    t = await startTestApp(db());
    app = t.app;
    clerk = await login(t.app, 'vanthu.snv');
    for (const doc of DOCS) {
      const res = await call(t.app, clerk, 'POST', '/api/incoming', { source: 'paper', ...doc });
      expect(res.statusCode, res.body).toBe(201);
    }
    const third = (await call(t.app, clerk, 'GET', '/api/incoming?limit=10')).json().find((d: { arrivalNumber: number }) => d.arrivalNumber === 3);
    expect((await call(t.app, clerk, 'POST', `/api/incoming/${third.id}/cancel`, { reason: 'Đăng ký trùng với văn bản số đến 01' })).statusCode).toBe(200);
  });
  afterAll(async () => {
    if (app !== t.app) await app.close();
    await t.close();
  });

  it('[Q-11.2a] prints the year\'s register as an A4 landscape PDF named for the year', async () => {
    const res = await pdf();
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="so-dang-ky-van-ban-den-2026.pdf"');
    expect(res.headers['cache-control']).toBe('no-store');
    const info = await pdfInfo(res.rawPayload);
    expect(info.mediaBox.map(Math.round)).toEqual([0, 0, 842, 595]);
    expect(info.pages).toBe(2);
  });

  it('[Q-11.2a] the cover carries the agency, its parent, the year, the dates and numbers it covers', async () => {
    const [cover] = await layoutPages((await pdf('?volume=1')).rawPayload);
    const lines = cover.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines).toEqual([
      'ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN',
      'SỞ NỘI VỤ TỈNH THÁI NGUYÊN',
      'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN',
      'Năm: 2026',
      'Từ ngày 10/02/2026 đến ngày 02/03/2026',
      'Từ số 01 đến số 04',
      'Quyển số: 01',
    ]);
  });

  it('[Q-11.2a] prints the ten headers in order and every entry column by column, the cancelled one with its reason', async () => {
    const words = await pageWords((await pdf()).rawPayload);
    const [table] = tablePages(words);
    expect(table.header.map(squash)).toEqual(REGISTER_COLUMNS.map((c) => squash(c.header)));
    expect(table.rows.map((r) => r.map(squash))).toEqual(EXPECTED.map((r) => r.map(squash)));
  });

  it('[Q-11.2a] -layout text keeps each row\'s date, number, symbol and document date in column order', async () => {
    const [, table] = await layoutPages((await pdf()).rawPayload);
    const lines = table.split('\n');
    // Headers are centred vertically, so they share no text line; the column numbers do.
    expect(lines.find((l) => l.includes('(1)'))).toMatch(/^\s*\(1\)\s+\(2\)\s+\(3\)\s+\(4\)\s+\(5\)\s+\(6\)\s+\(7\)\s+\(8\)\s+\(9\)\s+\(10\)\s*$/);
    for (const row of EXPECTED) {
      const line = lines.find((l) => l.includes(row[3]))!;
      expect(line, row[3]).toMatch(new RegExp(`^\\s*${row[0]}\\s+${row[1]}\\s+\\S.*\\s${row[3]}\\s+${row[4]}\\s`));
    }
  });

  it('[Q-11.2a] prints a range of numbers or of arrival dates, and says so on the cover', async () => {
    expect((await printedRows('?fromNumber=2&toNumber=3')).map((r) => r[1])).toEqual(['02', '03']);
    expect((await printedRows('?fromDate=2026-02-20&toDate=2026-02-25')).map((r) => r[1])).toEqual(['02', '03']);
    expect((await printedRows('?fromNumber=2&toDate=2026-02-20')).map((r) => r[1])).toEqual(['02']);
    const [cover] = await layoutPages((await pdf('?fromNumber=3')).rawPayload);
    expect(cover).toMatch(/Từ ngày 25\/02\/2026 đến ngày 02\/03\/2026/);
    expect(cover).toMatch(/Từ số 03 đến số 04/);
    expect(cover).toMatch(/Quyển số: ……………/);
  });

  it('another year\'s register is empty and named for that year', async () => {
    const res = await pdf('?year=2025');
    expect(res.headers['content-disposition']).toContain('so-dang-ky-van-ban-den-2025.pdf');
    expect(await printedRows('?year=2025')).toEqual([]);
    expect((await layoutPages(res.rawPayload))[0]).toContain('Năm: 2025');
  });

  it('[Q-11.2a] exports the same register as XLSX with the same headers and values', async () => {
    const res = await call(app, await login(t.app, 'giamdoc.snv'), 'GET', '/api/incoming/register.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe('attachment; filename="so-dang-ky-van-ban-den-2026.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(SHEET_NAME)!;
    const values = (r: number) => REGISTER_COLUMNS.map((_, i) => sheet.getRow(r).getCell(i + 1).value ?? '');
    expect(values(HEADER_ROW)).toEqual(REGISTER_COLUMNS.map((c) => c.header));
    EXPECTED.forEach((row, i) => expect(values(HEADER_ROW + 2 + i)).toEqual(row.map((v, c) => (c === 1 ? Number(v) : v))));
    expect(sheet.rowCount).toBe(HEADER_ROW + 1 + EXPECTED.length);
  });

  it('[Q-11.2a] clerks, agency heads and deputies and the inspector print; other roles may not', async () => {
    for (const user of ['phogiamdoc.snv', 'thanhtra.snv']) expect((await call(app, await login(t.app, user), 'GET', '/api/incoming/register.pdf')).statusCode, user).toBe(200);
    for (const user of ['chuyenvien.snv', 'truongphong.snv', 'luutru.snv', 'admin']) {
      const res = await call(app, await login(t.app, user), 'GET', '/api/incoming/register.xlsx');
      expect(res.statusCode, user).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    expect((await call(app, null, 'GET', '/api/incoming/register.pdf')).statusCode).toBe(401);
  });

  it('each agency prints only its own register', async () => {
    const other = await login(t.app, 'vanthu.skhcn');
    const words = await pageWords((await pdf('', other)).rawPayload);
    expect(tablePages(words)[0].rows).toEqual([]);
    expect(words[0].map((w) => w.text).join(' ')).toContain('SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH THÁI NGUYÊN');
  });

  it('refuses a reversed or malformed range', async () => {
    for (const query of ['fromNumber=5&toNumber=2', 'fromDate=2026-03-01&toDate=2026-02-01', 'fromDate=01/02/2026', 'fromNumber=0', 'year=abc']) {
      const res = await call(app, clerk, 'GET', `/api/incoming/register.pdf?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
  });

  it('reads the register page by page down the numbers, each entry once, within the bounds', async () => {
    const numbers = async (range = {}) => (await loadRegisterDocuments(db().db, t.agencies.snv, 2026, range, 1)).map((d) => d.arrivalNumber);
    expect(await numbers()).toEqual([4, 3, 2, 1]);
    expect(await numbers({ fromNumber: 2, toNumber: 3 })).toEqual([3, 2]);
    expect(await numbers({ fromNumber: 9 })).toEqual([]);
  });

  it('[Q-11.2a] a register too large for one print is printed volume by volume, by number range', async () => {
    const actor = { userId: '00000000-0000-4000-8000-000000000099', username: 'vanthu.snv', fullName: 'Nguyễn Thị Lan', agencyId: t.agencies.snv, unitId: null, roles: ['clerk' as const] };
    const ctx = { db: db().db, clock: t.clock, actor, ip: null, files: t.files };
    await expect(printIncomingRegister(ctx, 'pdf', {}, { maxEntries: { pdf: 3 } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/tối đa 3 văn bản.*từ số 1 đến số 3/) });
    const volume = await printIncomingRegister(ctx, 'pdf', { fromNumber: 1, toNumber: 3, volume: 1 }, { maxEntries: { pdf: 3 } });
    expect(volume.audit.details).toMatchObject({ entries: 3, firstNumber: 1, lastNumber: 3, volume: 1 });
  });

  it('[Q-11.2a] records each print in the audit log with its range', async () => {
    await pdf('?fromNumber=1&toNumber=2&volume=3');
    const entries = (await call(t.app, await login(t.app, 'admin'), 'GET', '/api/audit?action=incoming.register_printed')).json();
    expect(entries[0]).toMatchObject({
      actorName: 'vanthu.snv',
      agencyId: t.agencies.snv,
      objectType: 'incoming_register',
      details: { format: 'pdf', year: 2026, fromNumber: 1, toNumber: 2, fromDate: null, toDate: null, volume: 3, entries: 2, firstNumber: 1, lastNumber: 2 },
    });
    expect(entries.some((e: { details: { format: string } }) => e.details.format === 'xlsx')).toBe(true);
    expect(entries.filter((e: { actorName: string }) => e.actorName === 'chuyenvien.snv')).toEqual([]);
  });
});
