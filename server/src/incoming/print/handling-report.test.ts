import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness/engines.js';
import { call, login, startTestApp, type TestApp } from '../../../test/harness/app.js';
import { buildHistory, type History } from './forms-scenario.js';
import { PERSON_HEADERS, REPORT_TITLE, SECTION_TITLES, UNIT_HEADERS } from './handling-report-rows.js';
import { REPORT_HEADER_ROW, REPORT_SHEETS } from './handling-report-xlsx.js';
import { pageLines, pdfInfo } from '../../infra/print/testing.js';

const VTLT = 'Phòng Văn thư - Lưu trữ';
const TCBC = 'Phòng Tổ chức, biên chế';
const APRIL = '?fromDate=2026-04-01&toDate=2026-04-30';
/** received, on time, late, in progress, overdue */
const counts = (received: number, onTime: number, late: number, inProgress: number, overdue: number) => ({ received, onTime, late, inProgress, overdue });

describeEngines('báo cáo tình hình giải quyết văn bản đến', (db) => {
  let t: TestApp;
  let h: History;
  const report = async (query = APRIL, user = 'giamdoc.snv') => {
    const res = await call(t.app, await h.as(user), 'GET', `/api/incoming/reports/handling${query}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json();
  };
  const byName = (lines: { unitName?: string; fullName?: string }[]) => Object.fromEntries(lines.map((l) => [l.fullName ?? l.unitName, l]));

  beforeAll(async () => {
    t = await startTestApp(db());
    h = await buildHistory(t);
  });
  afterAll(async () => t.close());

  it('[Q-6.2c] counts each unit\'s lead work of April on 22 April: on time, late, within deadline, overdue', async () => {
    const r = await report();
    expect(r).toMatchObject({ agencyName: 'Sở Nội vụ tỉnh Thái Nguyên', unitId: null, fromDate: '2026-04-01', toDate: '2026-04-30', asOf: '2026-04-22' });
    // Every unit in use is listed, with or without work.
    expect(r.units.map((u: { unitName: string }) => u.unitName)).toEqual([TCBC, VTLT, 'Thanh tra Sở', 'Văn phòng Sở']);
    const units = byName(r.units);
    // 03 was given to Đỗ Văn Nam in person and counts for his unit; 04 nobody took up.
    expect(units[TCBC]).toMatchObject({ unitId: h.units.TCBC, ...counts(2, 1, 0, 0, 1) });
    expect(units[VTLT]).toMatchObject({ unitId: h.units.VTLT, ...counts(3, 1, 1, 1, 0) });
    expect(units['Văn phòng Sở']).toMatchObject(counts(0, 0, 0, 0, 0));
    expect(r.unitTotal).toEqual(counts(5, 2, 1, 1, 1));
  });

  it('[Q-6.2c] counts each person\'s work: lead given in person and hand-ons from the unit head', async () => {
    const r = await report();
    expect(r.people).toEqual([
      { userId: h.users['chuyenvien2.snv'], fullName: 'Đỗ Văn Nam', unitName: TCBC, ...counts(1, 1, 0, 0, 0) },
      { userId: h.users['chuyenvien.snv'], fullName: 'Phạm Thị Mai', unitName: VTLT, ...counts(3, 1, 1, 1, 0) },
    ]);
    expect(r.peopleTotal).toEqual(counts(4, 2, 1, 1, 0));
  });

  it('[Q-6.2c] a past period is judged at its end: work finished later is still in progress then', async () => {
    const r = await report('?fromDate=2026-04-01&toDate=2026-04-10');
    expect(r.asOf).toBe('2026-04-10');
    const units = byName(r.units);
    expect(units[VTLT]).toMatchObject(counts(2, 1, 0, 1, 0));
    expect(units[TCBC]).toMatchObject(counts(2, 0, 0, 2, 0));
    expect(byName(r.people)['Phạm Thị Mai']).toMatchObject(counts(2, 1, 0, 1, 0));
    // 05 was given on 20 April: only in a period that holds that day.
    expect((await report('?fromDate=2026-04-20&toDate=2026-04-20')).unitTotal).toEqual(counts(1, 0, 0, 1, 0));
  });

  it('[Q-6.2c] a unit head sees their own unit only', async () => {
    const r = await report(APRIL, 'truongphong.snv');
    expect(r).toMatchObject({ unitId: h.units.VTLT, unitName: VTLT });
    expect(r.units).toEqual([{ unitId: h.units.VTLT, unitName: VTLT, ...counts(3, 1, 1, 1, 0) }]);
    expect(r.people.map((p: { fullName: string }) => p.fullName)).toEqual(['Phạm Thị Mai']);
    expect(r.unitTotal).toEqual(counts(3, 1, 1, 1, 0));
  });

  it('[Q-6.2c] agency heads and deputies, clerks and the inspector see it; staff and others may not; each agency its own', async () => {
    for (const user of ['phogiamdoc.snv', 'vanthu.snv', 'thanhtra.snv']) expect((await report(APRIL, user)).unitTotal.received, user).toBe(5);
    for (const user of ['chuyenvien.snv', 'luutru.snv']) {
      for (const path of ['handling', 'handling.pdf', 'handling.xlsx']) {
        const res = await call(t.app, await login(t.app, user), 'GET', `/api/incoming/reports/${path}${APRIL}`);
        expect(res.statusCode, `${user} ${path}`).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      }
    }
    const other = await report(APRIL, 'giamdoc.skhcn');
    expect(other.agencyName).toBe('Sở Khoa học và Công nghệ tỉnh Thái Nguyên');
    expect(other.unitTotal.received).toBe(0);
  });

  it('refuses a missing, reversed or malformed period', async () => {
    const clerk = await h.as('vanthu.snv');
    for (const query of ['', '?fromDate=2026-04-01', '?fromDate=2026-04-30&toDate=2026-04-01', '?fromDate=01/04/2026&toDate=2026-04-30']) {
      const res = await call(t.app, clerk, 'GET', `/api/incoming/reports/handling${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
  });

  it('[Q-6.2c] prints the same tables as a PDF, row by row', async () => {
    const res = await call(t.app, await h.as('giamdoc.snv'), 'GET', `/api/incoming/reports/handling.pdf${APRIL}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="bao-cao-giai-quyet-van-ban-den-2026-04-01-2026-04-30.pdf"');
    expect((await pdfInfo(res.rawPayload)).mediaBox.map(Math.round)).toEqual([0, 0, 842, 595]);
    const lines = (await pageLines(res.rawPayload)).flat();
    expect(lines.slice(0, 5)).toEqual(['ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN', 'SỞ NỘI VỤ TỈNH THÁI NGUYÊN', REPORT_TITLE, 'Từ ngày 01/04/2026 đến ngày 30/04/2026', 'Số liệu tính đến ngày 22/04/2026']);
    const units = lines.slice(lines.indexOf(SECTION_TITLES[0]), lines.indexOf(SECTION_TITLES[1]));
    expect(units).toEqual(expect.arrayContaining([`1 ${TCBC} 2 1 0 0 1`, `2 ${VTLT} 3 1 1 1 0`, '3 Thanh tra Sở 0 0 0 0 0', 'Tổng cộng 5 2 1 1 1']));
    const people = lines.slice(lines.indexOf(SECTION_TITLES[1]));
    expect(people).toEqual(expect.arrayContaining([`1 Đỗ Văn Nam ${TCBC} 1 1 0 0 0`, `2 Phạm Thị Mai ${VTLT} 3 1 1 1 0`, 'Tổng cộng 4 2 1 1 0']));
  });

  it('[Q-6.2c] exports the same tables as XLSX, counts as numbers, one sheet each', async () => {
    const res = await call(t.app, await h.as('truongphong.snv'), 'GET', `/api/incoming/reports/handling.xlsx${APRIL}`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = (sheet: ExcelJS.Worksheet, width: number, from: number, n: number) =>
      Array.from({ length: n }, (_, r) => Array.from({ length: width }, (_, c) => sheet.getRow(from + r).getCell(c + 1).value ?? ''));
    const units = workbook.getWorksheet(REPORT_SHEETS[0])!;
    expect(rows(units, UNIT_HEADERS.length, REPORT_HEADER_ROW, 3)).toEqual([UNIT_HEADERS, [1, VTLT, 3, 1, 1, 1, 0], ['', 'Tổng cộng', 3, 1, 1, 1, 0]]);
    expect(units.getCell(5, 1).value).toBe(`Đơn vị: ${VTLT}`);
    const people = workbook.getWorksheet(REPORT_SHEETS[1])!;
    expect(rows(people, PERSON_HEADERS.length, REPORT_HEADER_ROW, 3)).toEqual([PERSON_HEADERS, [1, 'Phạm Thị Mai', VTLT, 3, 1, 1, 1, 0], ['', 'Tổng cộng', '', 3, 1, 1, 1, 0]]);
  });

  it('[Q-6.2c] records each printed report in the audit log, not each look at it', async () => {
    await report();
    const entries = (await call(t.app, await login(t.app, 'admin'), 'GET', '/api/audit?action=incoming.handling_report_printed')).json();
    expect(entries.map((e: { details: { format: string } }) => e.details.format).sort()).toEqual(['pdf', 'xlsx']);
    expect(entries.find((e: { actorName: string }) => e.actorName === 'truongphong.snv')).toMatchObject({
      agencyId: t.agencies.snv,
      objectType: 'incoming_handling_report',
      details: { fromDate: '2026-04-01', toDate: '2026-04-30', asOf: '2026-04-22', unitId: h.units.VTLT, received: 3 },
    });
  });
});
