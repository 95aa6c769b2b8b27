import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness/engines.js';
import { call, login, startTestApp, type TestApp } from '../../../test/harness/app.js';
import { buildHistory, type History } from './forms-scenario.js';
import { TRACKING_COLUMNS, TRACKING_TITLE } from './tracking-rows.js';
import { TRACKING_WIDTHS } from './tracking-pdf.js';
import { TRACKING_HEADER_ROW, TRACKING_SHEET } from './tracking-xlsx.js';
import { gridEdges, gridPage, pageLines, pageWords, pdfInfo, squash } from '../../infra/print/testing.js';

/** The book on 22 April 2026, column by column as NĐ 30 Phụ lục IV mẫu VIII orders them. */
const EXPECTED = [
  ['01', 'Công văn số 1203/BNV-VTLTNN ngày 01/04/2026 của Bộ Nội vụ', 'Chủ trì: Phòng Văn thư - Lưu trữ\nPhối hợp: Phòng Tổ chức, biên chế', '10/04/2026', 'Đã giải quyết ngày 09/04/2026', '', ''],
  ['02', 'Kế hoạch số 45/KH-UBND ngày 02/04/2026 của Ủy ban nhân dân tỉnh Thái Nguyên', 'Chủ trì: Phòng Văn thư - Lưu trữ', '15/04/2026', 'Đã giải quyết ngày 17/04/2026 (quá hạn 2 ngày làm việc)', '', ''],
  ['03', 'Công văn số 210/STC-NS ngày 03/04/2026 của Sở Tài chính tỉnh Thái Nguyên', 'Chủ trì: Đỗ Văn Nam\nPhối hợp: Phòng Văn thư - Lưu trữ', '13/04/2026', 'Đã giải quyết ngày 13/04/2026', '', ''],
  ['04', 'Quyết định số 318/QĐ-UBND ngày 03/04/2026 của Ủy ban nhân dân tỉnh Thái Nguyên', 'Chủ trì: Phòng Tổ chức, biên chế', '17/04/2026', 'Quá hạn 3 ngày làm việc', '', ''],
  ['05', 'Thông báo số 15/TB-VPUBND ngày 03/04/2026 của Văn phòng Ủy ban nhân dân tỉnh Thái Nguyên', 'Chủ trì: Phòng Văn thư - Lưu trữ', '15/05/2026', 'Đang giải quyết', '', 'Kèm theo bản sao kết luận'],
  ['06', 'Giấy mời số 27/GM-SKHCN ngày 04/04/2026 của Sở Khoa học và Công nghệ tỉnh Thái Nguyên', '', '24/04/2026', 'Chưa trình lãnh đạo', '', ''],
];

describeEngines('sổ theo dõi giải quyết văn bản đến', (db) => {
  let t: TestApp;
  let h: History;
  const get = async (path: string, user = 'vanthu.snv') => {
    const res = await call(t.app, await h.as(user), 'GET', `/api/incoming/${path}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res;
  };
  const printedRows = async (query = '') => {
    const pages = await pageWords((await get(`tracking.pdf${query}`)).rawPayload);
    return pages.slice(1).flatMap((words) => gridPage(words, gridEdges(TRACKING_WIDTHS)).rows);
  };

  beforeAll(async () => {
    t = await startTestApp(db());
    h = await buildHistory(t);
  });
  afterAll(async () => t.close());

  it('[Q-11.3đ] is an A4 landscape PDF named for the year: a cover, then the table', async () => {
    const res = await get('tracking.pdf');
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="so-theo-doi-giai-quyet-van-ban-den-2026.pdf"');
    const info = await pdfInfo(res.rawPayload);
    expect(info.mediaBox.map(Math.round)).toEqual([0, 0, 842, 595]);
    expect(info.pages).toBe(2);
  });

  it('[Q-11.3đ] the cover is the register\'s without a number range', async () => {
    const [cover] = await pageLines((await get('tracking.pdf?volume=2')).rawPayload);
    expect(cover).toEqual(['ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN', 'SỞ NỘI VỤ TỈNH THÁI NGUYÊN', TRACKING_TITLE, 'Năm: 2026', 'Từ ngày 03/04/2026 đến ngày 06/04/2026', 'Quyển số: 02']);
  });

  it('[Q-11.3đ] [Q-6.2c] prints the seven headers in order and each document column by column: recipients, deadline, progress', async () => {
    const pages = await pageWords((await get('tracking.pdf')).rawPayload);
    const table = gridPage(pages[1], gridEdges(TRACKING_WIDTHS));
    expect(table.header.map(squash)).toEqual(TRACKING_COLUMNS.map((c) => squash(c.header)));
    expect(TRACKING_COLUMNS.map((c) => c.header)).toEqual([
      'Số đến',
      'Tên loại, số, ký hiệu, ngày tháng, cơ quan ban hành',
      'Đơn vị hoặc người nhận',
      'Thời hạn giải quyết',
      'Tiến độ giải quyết',
      'Số, ký hiệu văn bản trả lời',
      'Ghi chú',
    ]);
    // The cancelled 07 is not handled, so not tracked.
    expect(table.rows.map((r) => r.map(squash))).toEqual(EXPECTED.map((r) => r.map(squash)));
  });

  it('[Q-6.2c] progress is as of the day of printing', async () => {
    t.clock.set('2026-04-29T09:00:00+07:00');
    // Monday 20 to Wednesday 29 April, less the weekend and Monday 27 (Giỗ Tổ on Sunday 26, compensated).
    expect((await printedRows()).find((r) => r[0] === '04')?.[4]).toBe('Quá hạn 7 ngày làm việc');
    t.clock.set('2026-04-22T10:00:00+07:00');
  });

  it('[Q-11.3đ] prints a range of arrival dates or another year', async () => {
    expect((await printedRows('?fromDate=2026-04-06')).map((r) => r[0])).toEqual(['04', '05', '06']);
    expect((await printedRows('?toDate=2026-04-03')).map((r) => r[0])).toEqual(['01', '02', '03']);
    expect(await printedRows('?year=2025')).toEqual([]);
    const bad = await call(t.app, await h.as('vanthu.snv'), 'GET', '/api/incoming/tracking.pdf?fromDate=2026-04-10&toDate=2026-04-01');
    expect(bad.statusCode).toBe(400);
  });

  it('[Q-11.3đ] exports the same book as XLSX, read back with the same headers and values', async () => {
    const res = await get('tracking.xlsx', 'giamdoc.snv');
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe('attachment; filename="so-theo-doi-giai-quyet-van-ban-den-2026.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(TRACKING_SHEET)!;
    const values = (r: number) => TRACKING_COLUMNS.map((_, i) => sheet.getRow(r).getCell(i + 1).value ?? '');
    expect(values(TRACKING_HEADER_ROW)).toEqual(TRACKING_COLUMNS.map((c) => c.header));
    expect(values(TRACKING_HEADER_ROW + 1)).toEqual(TRACKING_COLUMNS.map((_, i) => `(${i + 1})`));
    EXPECTED.forEach((row, i) => expect(values(TRACKING_HEADER_ROW + 2 + i)).toEqual(row.map((v, c) => (c === 0 ? Number(v) : v))));
    expect(sheet.rowCount).toBe(TRACKING_HEADER_ROW + 1 + EXPECTED.length);
    expect(sheet.getCell(4, 1).value).toBe(TRACKING_TITLE);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
  });

  it('[Q-11.3đ] clerks, agency heads and deputies and the inspector print it; other roles may not; each agency its own', async () => {
    for (const user of ['phogiamdoc.snv', 'thanhtra.snv']) await get('tracking.pdf', user);
    for (const user of ['chuyenvien.snv', 'truongphong.snv', 'luutru.snv']) {
      const res = await call(t.app, await login(t.app, user), 'GET', '/api/incoming/tracking.xlsx');
      expect(res.statusCode, user).toBe(403);
    }
    const other = await pageWords((await get('tracking.pdf', 'vanthu.skhcn')).rawPayload);
    expect(gridPage(other[1], gridEdges(TRACKING_WIDTHS)).rows).toEqual([]);
    expect(other[0].map((w) => w.text).join(' ')).toContain('SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH THÁI NGUYÊN');
  });

  it('[Q-11.3đ] prints the number and symbol of the outgoing document issued in reply (recorded when it is issued)', async () => {
    // Issuing records the reply (outgoing/seal.ts → recordReply, tested in inbox-checks.test.ts); here only its printing.
    const reply = (notation: string | null) => sql`update incoming_document set reply_notation = ${notation} where id = ${h.docs[2]}`.execute(db().db);
    await reply('215/SNV-VTLT');
    try {
      expect((await printedRows()).find((r) => r[0] === '02')?.[5]).toBe('215/SNV-VTLT');
    } finally {
      await reply(null);
    }
  });

  it('[Q-11.3đ] records each print in the audit log', async () => {
    await get('tracking.xlsx?fromDate=2026-04-06');
    const entries = (await call(t.app, await login(t.app, 'admin'), 'GET', '/api/audit?action=incoming.tracking_printed')).json();
    expect(entries[0]).toMatchObject({
      actorName: 'vanthu.snv',
      agencyId: t.agencies.snv,
      objectType: 'incoming_tracking_book',
      details: { format: 'xlsx', year: 2026, fromDate: '2026-04-06', toDate: null, entries: 3, asOf: '2026-04-22' },
    });
  });
});
