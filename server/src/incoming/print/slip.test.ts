import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness/engines.js';
import { call, login, startTestApp, type TestApp } from '../../../test/harness/app.js';
import { buildHistory, DIRECTION_COMMENT, HAND_ON_NOTE, type History } from './forms-scenario.js';
import { BLANK_DATE, SLIP_SECTIONS, SLIP_TITLE } from './slip-pdf.js';
import { pageLines, pdfInfo } from '../../infra/print/testing.js';

/** The slip's lines before the first section, and within each of the three. */
function sections(lines: string[]): string[][] {
  const at = SLIP_SECTIONS.map((s) => lines.indexOf(s));
  expect(at.every((i, k) => i > (at[k - 1] ?? -1)), lines.join('\n')).toBe(true);
  return [lines.slice(0, at[0]), lines.slice(at[0] + 1, at[1]), lines.slice(at[1] + 1, at[2]), lines.slice(at[2] + 1)];
}

describeEngines('phiếu giải quyết văn bản đến', (db) => {
  let t: TestApp;
  let h: History;
  const slip = async (n: number, user = 'vanthu.snv') => {
    const res = await call(t.app, await h.as(user), 'GET', `/api/incoming/${h.docs[n]}/slip.pdf`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res;
  };
  const slipLines = async (n: number) => (await pageLines((await slip(n)).rawPayload)).flat();

  beforeAll(async () => {
    t = await startTestApp(db());
    h = await buildHistory(t);
  });
  afterAll(async () => t.close());

  it('[Q-11.3đ] is one A4 portrait page named for the document', async () => {
    const res = await slip(1);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="phieu-giai-quyet-van-ban-den-so-01-2026.pdf"');
    expect(res.headers['cache-control']).toBe('no-store');
    const info = await pdfInfo(res.rawPayload);
    expect(info.mediaBox.map(Math.round)).toEqual([0, 0, 595, 842]);
    expect(info.pages).toBe(1);
    expect(info.fonts).toMatch(/LiberationSerif/);
  });

  it('[Q-11.3đ] heads the slip with the agency, the title and the document it goes with', async () => {
    const [top] = sections(await slipLines(1));
    expect(top).toEqual([
      'ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN',
      'SỞ NỘI VỤ TỈNH THÁI NGUYÊN',
      SLIP_TITLE,
      'Công văn số 1203/BNV-VTLTNN ngày 01/04/2026 của Bộ Nội vụ',
      'V/v báo cáo công tác văn thư, lưu trữ quý I năm 2026',
      'Số đến: 01, ngày đến: 03/04/2026',
    ]);
  });

  it('[Q-11.3đ] [Q-11.3c] (1) prints the head\'s direction: comment, lead and coordinating units with deadlines, the follow-up person, date and name', async () => {
    const [, direction] = sections(await slipLines(1));
    expect(direction).toEqual([
      DIRECTION_COMMENT,
      '- Chủ trì: Phòng Văn thư - Lưu trữ; thời hạn: 10/04/2026',
      '- Phối hợp: Phòng Tổ chức, biên chế; thời hạn: 09/04/2026',
      '- Để biết: Văn phòng Sở',
      '- Theo dõi, đôn đốc: Vũ Thị Hồng',
      '- Thời hạn giải quyết: 10/04/2026',
      'Ngày 06 tháng 04 năm 2026',
      'GIÁM ĐỐC',
      'Trần Văn Minh',
    ]);
  });

  it('[Q-11.3đ] (2) prints each unit head\'s hand-on: assignee, deadline, note, date and name', async () => {
    const [, , unit] = sections(await slipLines(1));
    expect(unit).toEqual(['Phòng Văn thư - Lưu trữ:', HAND_ON_NOTE, '- Giao: Phạm Thị Mai; thời hạn: 09/04/2026', 'Ngày 07 tháng 04 năm 2026', 'TRƯỞNG PHÒNG', 'Lê Văn Hải']);
  });

  it('[Q-11.3đ] (3) prints what the people handling it reported, with dates, in order', async () => {
    const [, , , proposals] = sections(await slipLines(1));
    expect(proposals).toEqual([
      '- Ngày 08/04/2026, Phạm Thị Mai báo cáo tiến độ: Đã tổng hợp số liệu của các phòng',
      '- Ngày 09/04/2026, Phạm Thị Mai báo cáo kết quả: Đã dự thảo báo cáo trình lãnh đạo Sở',
    ]);
    // A long line wraps; each report starts with its dash.
    const [, , , late] = sections(await slipLines(2));
    expect(late.join(' ').split(/ (?=- Ngày)/)).toEqual([
      '- Ngày 14/04/2026, Phạm Thị Mai đề nghị gia hạn đến ngày 20/04/2026: Chờ số liệu của các phòng',
      '- Ngày 17/04/2026, Phạm Thị Mai báo cáo kết quả: Đã báo cáo kết quả kiểm tra',
    ]);
  });

  it('[Q-11.3đ] a person as lead is named; a unit that nobody took up leaves section 2 to fill in', async () => {
    const [, direction, unit] = sections(await slipLines(3));
    expect(direction.slice(0, 2)).toEqual(['- Chủ trì: Đỗ Văn Nam; thời hạn: 13/04/2026', '- Phối hợp: Phòng Văn thư - Lưu trữ; thời hạn: 13/04/2026']);
    expect(unit.filter((l) => /^\.+$/.test(l)).length).toBeGreaterThan(0);
    expect(unit).toContain(BLANK_DATE);
  });

  it('a document not yet directed prints a blank slip to fill in by hand', async () => {
    const [top, direction, unit, proposals] = sections(await slipLines(6));
    expect(top.join(' ')).toContain('Giấy mời số 27/GM-SKHCN ngày 04/04/2026 của Sở Khoa học và Công nghệ tỉnh Thái Nguyên');
    for (const part of [direction, unit, proposals]) {
      expect(part.filter((l) => /^\.+$/.test(l)).length).toBeGreaterThanOrEqual(3);
      expect(part).toEqual(expect.arrayContaining([BLANK_DATE, '(Ký, ghi rõ họ tên)']));
    }
  });

  it('[Q-11.3đ] any role of the agency may print it; another agency\'s document is not found', async () => {
    for (const user of ['chuyenvien2.snv', 'luutru.snv', 'giamdoc.snv']) await slip(1, user);
    const other = await call(t.app, await login(t.app, 'vanthu.skhcn'), 'GET', `/api/incoming/${h.docs[1]}/slip.pdf`);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('NOT_FOUND');
    expect((await call(t.app, await h.as('vanthu.snv'), 'GET', '/api/incoming/00000000-0000-4000-8000-000000000000/slip.pdf')).statusCode).toBe(404);
    expect((await call(t.app, null, 'GET', `/api/incoming/${h.docs[1]}/slip.pdf`)).statusCode).toBe(401);
  });

  it('[Q-11.3đ] records each print in the audit log', async () => {
    await slip(4, 'chuyenvien2.snv');
    const entries = (await call(t.app, await login(t.app, 'admin'), 'GET', '/api/audit?action=incoming.slip_printed')).json();
    expect(entries[0]).toMatchObject({ actorName: 'chuyenvien2.snv', agencyId: t.agencies.snv, objectType: 'incoming_document', objectId: h.docs[4], details: { year: 2026, arrivalNumber: 4 } });
  });
});
