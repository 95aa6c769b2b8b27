import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness/engines.js';
import { printedDate } from '../../infra/print/register-cover.js';
import { reportHeaderRow } from '../../infra/print/report-book.js';
import { pageLines, pdfInfo } from '../../infra/print/testing.js';
import { REPORT_TITLE, SECTIONS } from './report-file.js';
import { buildOutgoingHistory, TCBC, VTLT, type OutgoingHistory } from './scenario.js';
import { auditEntries, fetchPrint, loadSheet, sheetRows } from './testkit.js';

/** Issued in the four days: 01, 02, 03 (recalled), the council's 01 and 04; 05 is only numbered. */
const BY_TYPE = [
  [1, 'Quyết định', 2, 0, 0],
  [2, 'Thông báo', 1, 0, 1],
  [3, 'Kế hoạch', 1, 0, 0],
  [4, 'Công văn', 1, 1, 0],
  ['', 'Tổng cộng', 5, 1, 1],
];
const BY_UNIT = [
  [1, TCBC, 1, 0, 1],
  [2, VTLT, 4, 1, 0],
  [3, 'Thanh tra Sở', 0, 0, 0],
  [4, 'Văn phòng Sở', 0, 0, 0],
  ['', 'Tổng cộng', 5, 1, 1],
];
const BY_SIGNER = [
  [1, 'Trần Văn Minh', 'Giám đốc', 5, 1, 1],
  ['', 'Tổng cộng', '', 5, 1, 1],
];
/** Each recipient once: UBND ×3 delivered and once registered, three external waiting, both of 03 recalled. */
const BY_STATUS = [
  [1, 'Chờ gửi qua trục liên thông', 3],
  [2, 'Đã gửi', 0],
  [3, 'Đã đến nơi nhận', 3],
  [4, 'Đã vào sổ đến', 1],
  [5, 'Đang xử lý', 0],
  [6, 'Đã xử lý xong', 0],
  [7, 'Bị trả lại', 0],
  [8, 'Đã thu hồi', 2],
  ['', 'Tổng cộng', 9],
];

describeEngines('báo cáo tình hình giải quyết văn bản đi', (db) => {
  let h: OutgoingHistory;
  let period: string;

  beforeAll(async () => {
    h = await buildOutgoingHistory(db());
    period = `?fromDate=${h.days[0]}&toDate=${h.days[3]}`;
  });
  afterAll(async () => h.close());

  it('[Q-14] [Q-6.2c] counts the period\'s issued documents by type, drafting unit and signer, and the recipients by status (XLSX)', async () => {
    const res = await fetchPrint(h, `report.xlsx${period}`);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="bao-cao-giai-quyet-van-ban-di-${h.days[0]}-${h.days[3]}.xlsx"`);
    const header = reportHeaderRow(3);
    const expected = [BY_TYPE, BY_UNIT, BY_SIGNER, BY_STATUS];
    for (const [i, section] of SECTIONS.entries()) {
      const sheet = await loadSheet(res.rawPayload, section.sheetName);
      expect(sheet.getCell(3, 1).value).toBe(REPORT_TITLE);
      expect(sheet.getCell(header - 1, 1).value).toBe(section.title);
      expect(sheetRows(sheet, header, expected[i].length + 1, section.headers.length), section.title).toEqual([[...section.headers], ...expected[i]]);
    }
  });

  it('[Q-14] [Q-6.2c] prints the same tables as an A4 landscape PDF, with the period and the day the status is read', async () => {
    const res = await fetchPrint(h, `report.pdf${period}`);
    expect((await pdfInfo(res.rawPayload)).mediaBox.map(Math.round)).toEqual([0, 0, 842, 595]);
    const lines = (await pageLines(res.rawPayload)).flat();
    expect(lines.slice(2, 6)).toEqual([
      REPORT_TITLE,
      `Từ ngày ${printedDate(h.days[0])} đến ngày ${printedDate(h.days[3])}`,
      'Tổng số văn bản phát hành: 5; số lượt nơi nhận: 9',
      `Tình trạng gửi, nhận tính đến ngày ${printedDate(h.days[3])}`,
    ]);
    const row = (cells: (string | number)[]) => cells.filter((c) => c !== '').join(' ');
    expect(lines).toEqual(expect.arrayContaining([...BY_TYPE, ...BY_UNIT, ...BY_SIGNER, ...BY_STATUS].map(row)));
  });

  it('[Q-14] counts only the documents dated in the period', async () => {
    const res = await fetchPrint(h, `report.xlsx?fromDate=${h.days[1]}&toDate=${h.days[2]}`);
    const sheet = await loadSheet(res.rawPayload, SECTIONS[0].sheetName);
    expect(sheetRows(sheet, reportHeaderRow(3) + 1, 4, 5)).toEqual([[1, 'Quyết định', 1, 0, 0], [2, 'Thông báo', 1, 0, 1], [3, 'Kế hoạch', 1, 0, 0], ['', 'Tổng cộng', 3, 0, 1]]);
  });

  it('[Q-14] the agency\'s leaders, clerks and the inspector print it; staff get 403; a missing or reversed period 400', async () => {
    for (const user of ['giamdoc.snv', 'phogiamdoc.snv', 'thanhtra.snv']) await fetchPrint(h, `report.pdf${period}`, user);
    for (const user of ['chuyenvien.snv', 'truongphong.snv']) expect((await fetchPrint(h, `report.xlsx${period}`, user, 403)).json().code, user).toBe('FORBIDDEN');
    for (const query of ['', `?fromDate=${h.days[0]}`, `?fromDate=${h.days[3]}&toDate=${h.days[0]}`, '?fromDate=01/12/2026&toDate=2026-12-31']) {
      expect((await fetchPrint(h, `report.pdf${query}`, 'vanthu.snv', 400)).json().code, query).toBe('VALIDATION_FAILED');
    }
  });

  it('[Q-14] records each printed report in the audit log', async () => {
    const entries = await auditEntries(h, 'outgoing.report_printed');
    expect(entries.find((e) => e.actorName === 'vanthu.snv' && e.details.format === 'xlsx' && e.details.documents === 5)).toMatchObject({
      agencyId: h.fx.t.agencies.snv,
      objectType: 'outgoing_report',
      details: { fromDate: h.days[0], toDate: h.days[3], recipients: 9 },
    });
    expect(entries.map((e) => e.actorName)).not.toContain('chuyenvien.snv');
  });
});
