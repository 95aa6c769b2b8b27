import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness/engines.js';
import { bookHeaderRow } from '../../infra/print/register-book.js';
import { printedDate } from '../../infra/print/register-cover.js';
import { pageLines, pdfInfo, squash } from '../../infra/print/testing.js';
import { REGISTER_WIDTHS } from './books-print.js';
import { REGISTER_COLUMNS, REGISTER_SHEET } from './register-rows.js';
import { buildOutgoingHistory, COUNCIL, RECALL_REASON, SKHCN, TCBC, UBND, VTLT, type OutgoingHistory } from './scenario.js';
import { auditEntries, bookTables, fetchPrint, loadSheet, sheetRows } from './testkit.js';

const HEADERS = ['Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung văn bản', 'Người ký', 'Nơi nhận văn bản', 'Đơn vị, người nhận bản lưu', 'Số lượng bản', 'Ngày chuyển', 'Ký nhận', 'Ghi chú'];
const SIGNER = 'Trần Văn Minh\nGiám đốc';

describeEngines('sổ đăng ký văn bản đi', (db) => {
  let h: OutgoingHistory;
  /** The default series, column by column as NĐ 30 Phụ lục IV mẫu I orders them; copies as numbers. */
  let expected: (string | number)[][];
  const rows = async (query = '') => (await bookTables((await fetchPrint(h, `register.pdf${query}`)).rawPayload, REGISTER_WIDTHS.pdf)).flatMap((p) => p.rows);
  const asPrinted = (row: (string | number)[]) => row.map((v) => squash(String(v)));

  beforeAll(async () => {
    h = await buildOutgoingHistory(db());
    const [d1, d2, d3, d4] = h.days.map(printedDate);
    expected = [
      ['01/QĐ-SNV', d1, 'Quyết định: Về việc ban hành Quy chế công tác văn thư, lưu trữ của Sở', SIGNER, `${UBND}\nBộ Nội vụ`, VTLT, 4, d1, '', ''],
      ['02/SNV-VTLT', d1, 'Công văn: V/v đề nghị cung cấp bản đồ địa giới hành chính', SIGNER, `${UBND}\nVăn phòng Tỉnh ủy Thái Nguyên`, VTLT, 4, d1, '', ''],
      ['03/TB-SNV', d2, 'Thông báo lịch tiếp công dân định kỳ', SIGNER, `${SKHCN}\n${UBND}`, TCBC, 4, d2, '', `Đã thu hồi: ${RECALL_REASON}`],
      ['04/KH-SNV', d3, 'Kế hoạch: Về việc kiểm tra công tác văn thư, lưu trữ tại các phòng', SIGNER, UBND, VTLT, 3, d3, '', ''],
      ['05/QĐ-SNV', d4, 'Quyết định: Về việc cử cán bộ tham gia lớp tập huấn nghiệp vụ', SIGNER, `${UBND}\nBộ Nội vụ`, VTLT, 4, '', '', 'Đã cấp số, chưa phát hành'],
    ];
  });
  afterAll(async () => h.close());

  it('[Q-12.3b] is an A4 landscape PDF in Liberation Serif that opens with the cover of the template', async () => {
    const res = await fetchPrint(h, 'register.pdf');
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="so-dang-ky-van-ban-di-${h.year}.pdf"`);
    const info = await pdfInfo(res.rawPayload);
    expect(info.mediaBox.map(Math.round)).toEqual([0, 0, 842, 595]);
    expect(info.fonts).toMatch(/LiberationSerif-Bold\b/);
    const [cover] = await pageLines(res.rawPayload);
    const [d1, , , d4] = h.days.map(printedDate);
    expect(cover).toEqual(['ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN', 'SỞ NỘI VỤ TỈNH THÁI NGUYÊN', 'SỔ ĐĂNG KÝ VĂN BẢN ĐI', `Năm: ${h.year}`, `Từ ngày ${d1} đến ngày ${d4}`, 'Từ số 01 đến số 05', 'Quyển số: ……………']);
  });

  it('[Q-12.3b] has the ten columns in order and prints every number of the series column by column, Ngày chuyển the day of issue', async () => {
    const tables = await bookTables((await fetchPrint(h, 'register.pdf?volume=2')).rawPayload, REGISTER_WIDTHS.pdf);
    expect(tables[0].header.map(squash)).toEqual(HEADERS.map(squash));
    expect(REGISTER_COLUMNS.map((c) => c.header)).toEqual(HEADERS);
    expect(tables.flatMap((p) => p.rows).map((r) => r.map(squash))).toEqual(expected.map(asPrinted));
  });

  it('[Q-12.3b] a recalled document keeps its row with "Đã thu hồi" and the reason in Ghi chú', async () => {
    const recalled = (await rows()).find((r) => r[0] === '03/TB-SNV')!;
    expect(recalled[9]).toBe(`Đã thu hồi: ${RECALL_REASON}`);
  });

  it('[Q-12.3b] prints a number range or a date range, and says so on the cover', async () => {
    expect((await rows('?fromNumber=2&toNumber=3')).map((r) => r[0])).toEqual(['02/SNV-VTLT', '03/TB-SNV']);
    expect((await rows(`?fromDate=${h.days[1]}&toDate=${h.days[2]}`)).map((r) => r[0])).toEqual(['03/TB-SNV', '04/KH-SNV']);
    const empty = await fetchPrint(h, `register.pdf?fromNumber=9&toNumber=12&volume=3`);
    expect((await pageLines(empty.rawPayload))[0].slice(4)).toEqual(['Từ ngày …………… đến ngày ……………', 'Từ số 09 đến số 12', 'Quyển số: 03']);
    expect(await rows(`?year=${h.year - 1}`)).toEqual([]);
  });

  it('[Q-12.3b] a series of its own is a register of its own', async () => {
    expect((await rows()).map((r) => r[0])).not.toContain(`01/QĐ-${COUNCIL.code}`);
    const res = await fetchPrint(h, `register.pdf?series=${encodeURIComponent(COUNCIL.code)}`);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="so-dang-ky-van-ban-di-${h.year}-HDTDKT.pdf"`);
    expect((await pageLines(res.rawPayload))[0]).toContain(`Sổ riêng: ${COUNCIL.name}`);
    expect((await bookTables(res.rawPayload, REGISTER_WIDTHS.pdf)).flatMap((p) => p.rows).map((r) => r[0])).toEqual([`01/QĐ-${COUNCIL.code}`]);
  });

  it('[Q-12.3b] refuses a reversed, malformed or out-of-year range and an unknown series, in Vietnamese', async () => {
    const bad = async (query: string) => (await fetchPrint(h, `register.xlsx?${query}`, 'vanthu.snv', 400)).json();
    expect(await bad('fromNumber=5&toNumber=2')).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Số bắt đầu phải nhỏ hơn hoặc bằng số kết thúc.' });
    expect(await bad(`fromDate=${h.days[2]}&toDate=${h.days[0]}`)).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.' });
    expect((await bad(`year=${h.year - 1}&fromDate=${h.days[0]}`)).message).toMatch(/^Khoảng ngày phải nằm trong năm/);
    expect((await bad('series=KHONGCO')).message).toBe('Cơ quan chưa khai báo sổ "KHONGCO".');
    for (const query of ['fromDate=01/02/2026', 'fromNumber=0', 'year=abc', 'volume=0']) expect((await bad(query)).code, query).toBe('VALIDATION_FAILED');
  });

  it('[Q-12.3b] exports the same register as XLSX: headers in order, the same cells, copies as numbers', async () => {
    const res = await fetchPrint(h, 'register.xlsx');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="so-dang-ky-van-ban-di-${h.year}.xlsx"`);
    const sheet = await loadSheet(res.rawPayload, REGISTER_SHEET);
    const header = bookHeaderRow(2);
    expect(sheet.getCell(4, 1).value).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
    expect(sheetRows(sheet, header, 2, 10)).toEqual([HEADERS, HEADERS.map((_, i) => `(${i + 1})`)]);
    expect(sheetRows(sheet, header + 2, expected.length, 10)).toEqual(expected);
    expect(sheet.rowCount).toBe(header + 1 + expected.length);
  });

  it('[Q-12.3b] clerks, agency heads and deputies and the inspector print it; staff and others get 403; each agency its own', async () => {
    for (const user of ['giamdoc.snv', 'phogiamdoc.snv', 'thanhtra.snv']) await fetchPrint(h, 'register.pdf', user);
    for (const user of ['chuyenvien.snv', 'truongphong.snv', 'luutru.snv', 'admin']) {
      expect((await fetchPrint(h, 'register.xlsx', user, 403)).json().code, user).toBe('FORBIDDEN');
    }
    const other = await fetchPrint(h, 'register.pdf', 'vanthu.skhcn');
    expect((await pageLines(other.rawPayload))[0].join(' ')).toContain('SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH THÁI NGUYÊN');
    expect((await bookTables(other.rawPayload, REGISTER_WIDTHS.pdf))[0].rows).toEqual([]);
  });

  it('[Q-12.3b] records each print in the audit log with its range', async () => {
    await fetchPrint(h, 'register.pdf?fromNumber=1&toNumber=2&volume=1');
    const entries = await auditEntries(h, 'outgoing.register_printed');
    expect(entries[0]).toMatchObject({
      actorName: 'vanthu.snv',
      agencyId: h.fx.t.agencies.snv,
      objectType: 'outgoing_register',
      details: { format: 'pdf', year: h.year, series: '', fromNumber: 1, toNumber: 2, fromDate: null, toDate: null, volume: 1, entries: 2, firstNumber: 1, lastNumber: 2 },
    });
    expect(entries.some((e) => e.details.format === 'xlsx')).toBe(true);
    expect(entries.filter((e) => e.actorName === 'chuyenvien.snv')).toEqual([]);
  });
});
