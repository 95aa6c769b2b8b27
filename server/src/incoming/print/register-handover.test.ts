import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness/engines.js';
import { call, startTestApp, type TestApp } from '../../../test/harness/app.js';
import { buildHistory, type History } from './forms-scenario.js';
import { REGISTER_COLUMNS } from './register-rows.js';
import { HEADER_ROW, SHEET_NAME } from './register-xlsx.js';
import { pageLines, pageWords, squash } from '../../infra/print/testing.js';
import { tablePages } from './testkit.js';

const VTLT = 'Phòng Văn thư - Lưu trữ';
const TCBC = 'Phòng Tổ chức, biên chế';
/** Đơn vị hoặc người nhận and Ngày chuyển of entries 01–07 of the forms scenario (see forms-scenario.ts). */
const HANDED = [
  [`Chủ trì: ${VTLT}\nPhối hợp: ${TCBC}`, '06/04/2026'],
  [`Chủ trì: ${VTLT}`, '06/04/2026'],
  [`Chủ trì: Đỗ Văn Nam\nPhối hợp: ${VTLT}`, '06/04/2026'],
  [`Chủ trì: ${TCBC}`, '06/04/2026'],
  [`Chủ trì: ${VTLT}`, '20/04/2026'],
  ['', ''],
  ['', ''],
];
const RECIPIENT = REGISTER_COLUMNS.findIndex((c) => c.header === 'Đơn vị hoặc người nhận');
const HANDED_ON = REGISTER_COLUMNS.findIndex((c) => c.header === 'Ngày chuyển');
const RECEIVED = REGISTER_COLUMNS.findIndex((c) => c.header === 'Ký nhận');

describeEngines('sổ đăng ký văn bản đến: hand-over columns', (db) => {
  let t: TestApp;
  let h: History;
  const get = async (path: string) => {
    const res = await call(t.app, await h.as('vanthu.snv'), 'GET', `/api/incoming/${path}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res;
  };
  const printed = async () => tablePages(await pageWords((await get('register.pdf')).rawPayload)).flatMap((p) => p.rows);
  const handed = (row: string[]) => [squash(row[RECIPIENT]), row[HANDED_ON]];

  beforeAll(async () => {
    t = await startTestApp(db());
    h = await buildHistory(t);
  });
  afterAll(async () => t.close());

  it('[Q-11.2a] the PDF prints whom each directed entry was handed to, lead first, and the day; Ký nhận stays blank', async () => {
    const rows = await printed();
    expect(rows.map((r) => r[1])).toEqual(['01', '02', '03', '04', '05', '06', '07']);
    expect(rows.map(handed)).toEqual(HANDED.map(([who, on]) => [squash(who), on]));
    expect(rows.map((r) => r[RECEIVED])).toEqual(HANDED.map(() => ''));
  });

  it('[Q-11.2a] the spreadsheet has the same cells', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await get('register.xlsx')).rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(SHEET_NAME)!;
    const cell = (i: number, c: number) => sheet.getRow(HEADER_ROW + 2 + i).getCell(c + 1).value ?? '';
    expect(HANDED.map((_, i) => [cell(i, RECIPIENT), cell(i, HANDED_ON)])).toEqual(HANDED);
  });

  it('[Q-11.2a] a new direction prints the new lead and day; a document sent back to the clerk prints what was typed at registration and no day; the slip lists coordinators in the same order', async () => {
    t.clock.set('2026-04-23T09:00:00+07:00');
    const redirect = await call(t.app, await h.as('giamdoc.snv'), 'POST', `/api/incoming/${h.docs[4]}/direct`, { lead: { unitId: h.units.VP }, coordinating: [{ unitId: h.units.TCBC }, { userId: h.users['chuyenvien.snv'] }] });
    expect(redirect.statusCode, redirect.body).toBe(200);
    const back = await call(t.app, await h.as('truongphong.snv'), 'POST', `/api/incoming/${h.docs[5]}/return`, { reason: 'Đề nghị giao Văn phòng Sở' });
    expect(back.statusCode, back.body).toBe(200);
    const rows = await printed();
    expect(handed(rows[3])).toEqual([squash(`Chủ trì: Văn phòng Sở\nPhối hợp: Phạm Thị Mai; ${TCBC}`), '23/04/2026']);
    expect(handed(rows[4])).toEqual(['', '']);
    // The slip lists the same coordinating units and people in the same order.
    const slip = (await pageLines((await get(`${h.docs[4]}/slip.pdf`)).rawPayload)).flat();
    expect(slip.filter((l) => l.startsWith('- Phối hợp:'))).toEqual(['- Phối hợp: Phạm Thị Mai', `- Phối hợp: ${TCBC}`]);
  });
});
