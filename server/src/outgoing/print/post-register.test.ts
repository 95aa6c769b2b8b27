import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness/engines.js';
import { bookHeaderRow } from '../../infra/print/register-book.js';
import { printedDate } from '../../infra/print/register-cover.js';
import { pageLines, squash } from '../../infra/print/testing.js';
import { POST_WIDTHS } from './books-print.js';
import { POST_SHEET } from './post-rows.js';
import { buildOutgoingHistory, COUNCIL, UBND, type OutgoingHistory } from './scenario.js';
import { auditEntries, bookTables, fetchPrint, loadSheet, sheetRows } from './testkit.js';

const HEADERS = ['Ngày chuyển', 'Số, ký hiệu văn bản', 'Nơi nhận văn bản', 'Số lượng bì', 'Ký nhận và dấu bưu điện', 'Ghi chú'];

describeEngines('sổ gửi văn bản đi bưu điện', (db) => {
  let h: OutgoingHistory;
  /** What goes by post in the default series: external recipients, or everyone when the draft asked for paper. */
  let expected: (string | number)[][];
  const tables = async (query = '') => bookTables((await fetchPrint(h, `post-register.pdf${query}`)).rawPayload, POST_WIDTHS.pdf);

  beforeAll(async () => {
    h = await buildOutgoingHistory(db());
    const d1 = printedDate(h.days[0]);
    expected = [
      [d1, '01/QĐ-SNV', 'Bộ Nội vụ', 1, '', ''],
      [d1, '02/SNV-VTLT', `${UBND}\nVăn phòng Tỉnh ủy Thái Nguyên`, 2, '', 'Gửi bản giấy (lý do điểm b)'],
    ];
  });
  afterAll(async () => h.close());

  it('[Q-14] [Q-7.2] lists only issued documents with paper copies or external recipients, one row each, an envelope per recipient', async () => {
    const res = await fetchPrint(h, 'post-register.pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="so-gui-van-ban-di-buu-dien-${h.year}.pdf"`);
    const [page] = await bookTables(res.rawPayload, POST_WIDTHS.pdf);
    expect(page.header.map(squash)).toEqual(HEADERS.map(squash));
    // 03 went to agencies of the deployment only, 04 likewise, 05 is not issued yet.
    expect(page.rows.map((r) => r.map(squash))).toEqual(expected.map((r) => r.map((v) => squash(String(v)))));
  });

  it('[Q-14] has the cover of the template: agency, title, year, dates, numbers, volume', async () => {
    const [cover] = await pageLines((await fetchPrint(h, 'post-register.pdf?volume=1')).rawPayload);
    const d1 = printedDate(h.days[0]);
    expect(cover).toEqual(['ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN', 'SỞ NỘI VỤ TỈNH THÁI NGUYÊN', 'SỔ GỬI VĂN BẢN ĐI BƯU ĐIỆN', `Năm: ${h.year}`, `Từ ngày ${d1} đến ngày ${d1}`, 'Từ số 01 đến số 02', 'Quyển số: 01']);
  });

  it('[Q-14] prints a number or date range, and a series of its own', async () => {
    expect((await tables('?fromNumber=2')).flatMap((p) => p.rows).map((r) => r[1])).toEqual(['02/SNV-VTLT']);
    expect((await tables(`?fromDate=${h.days[1]}&toDate=${h.days[3]}`)).flatMap((p) => p.rows)).toEqual([]);
    const council = (await tables(`?series=${encodeURIComponent(COUNCIL.code)}`)).flatMap((p) => p.rows);
    expect(council.map((r) => r.slice(0, 4))).toEqual([[printedDate(h.days[2]), `01/QĐ-${COUNCIL.code}`, 'Bộ Nội vụ', '1']]);
  });

  it('[Q-14] exports the same rows as XLSX, envelopes as numbers', async () => {
    const res = await fetchPrint(h, 'post-register.xlsx');
    const sheet = await loadSheet(res.rawPayload, POST_SHEET);
    const header = bookHeaderRow(2);
    expect(sheetRows(sheet, header, 1, 6)).toEqual([HEADERS]);
    expect(sheetRows(sheet, header + 2, expected.length, 6)).toEqual(expected);
  });

  it('[Q-14] the same people as the register print it; staff get 403; a bad range 400', async () => {
    await fetchPrint(h, 'post-register.xlsx', 'thanhtra.snv');
    expect((await fetchPrint(h, 'post-register.pdf', 'chuyenvien.snv', 403)).json().code).toBe('FORBIDDEN');
    const bad = await fetchPrint(h, `post-register.pdf?fromDate=${h.days[3]}&toDate=${h.days[0]}`, 'vanthu.snv', 400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.' });
  });

  it('[Q-14] records each print in the audit log', async () => {
    const entries = await auditEntries(h, 'outgoing.post_register_printed');
    expect(entries.find((e) => e.actorName === 'vanthu.snv' && e.details.volume === 1)).toMatchObject({
      agencyId: h.fx.t.agencies.snv,
      objectType: 'outgoing_post_register',
      details: { format: 'pdf', year: h.year, series: '', entries: 2, firstNumber: 1, lastNumber: 2 },
    });
    expect(entries.map((e) => e.actorName)).not.toContain('chuyenvien.snv');
  });
});
