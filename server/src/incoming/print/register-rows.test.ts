import { describe, expect, it } from 'vitest';
import { BLANK, coverLines, printedDate, printedNumber, printedTypeAndSubject } from '../../infra/print/register-cover.js';
import { printedSymbol, REGISTER_COLUMNS, registerCover, registerRows, toRegisterRow } from './register-rows.js';
import { sampleDoc } from './testkit.js';


describe('register rows', () => {
  it('[Q-11.2a] has the ten columns of NĐ 30 Phụ lục IV mẫu VI, in order', () => {
    expect(REGISTER_COLUMNS.map((c) => c.header)).toEqual([
      'Ngày đến',
      'Số đến',
      'Tác giả',
      'Số, ký hiệu văn bản',
      'Ngày tháng văn bản',
      'Tên loại và trích yếu nội dung văn bản',
      'Đơn vị hoặc người nhận',
      'Ngày chuyển',
      'Ký nhận',
      'Ghi chú',
    ]);
  });

  it('[Q-11.2a] maps a document to the printed cells', () => {
    const row = toRegisterRow(sampleDoc({ arrivalNumber: 7 }));
    expect(REGISTER_COLUMNS.map((c) => c.value(row))).toEqual([
      '02/03/2026',
      7,
      'Ủy ban nhân dân tỉnh Thái Nguyên',
      '125/QĐ-UBND',
      '27/02/2026',
      'Quyết định: Về việc phê duyệt kế hoạch cải cách hành chính năm 2026',
      'Phòng Tổ chức, biên chế',
      '',
      '',
      '',
    ]);
    expect(row.cancelled).toBe(false);
  });

  it('writes dates dd/mm/yyyy and numbers below 10 with a leading 0', () => {
    expect(printedDate('2026-01-05')).toBe('05/01/2026');
    expect(printedDate(null)).toBe('');
    expect([1, 9, 10, 1234].map(printedNumber)).toEqual(['01', '09', '10', '1234']);
  });

  it('joins number and symbol with "/", or prints whichever part is known', () => {
    expect(printedSymbol('125', 'QĐ-UBND')).toBe('125/QĐ-UBND');
    expect(printedSymbol(null, 'UBND-VX')).toBe('UBND-VX');
    expect(printedSymbol('12', null)).toBe('12');
    expect(printedSymbol(null, null)).toBe('');
  });

  it('does not print the type name twice when the subject already starts with it', () => {
    expect(printedTypeAndSubject('Công văn', 'V/v đôn đốc nộp hồ sơ')).toBe('Công văn: V/v đôn đốc nộp hồ sơ');
    expect(printedTypeAndSubject('Quyết định', 'quyết định về việc khen thưởng')).toBe('quyết định về việc khen thưởng');
  });

  it('[Q-11.2a] a cancelled entry keeps its row and number and says why in Ghi chú', () => {
    const row = toRegisterRow(sampleDoc({ arrivalNumber: 3, status: 'cancelled', cancelReason: 'Đăng ký nhầm văn bản', description: 'Bản fax' }));
    expect(row).toMatchObject({ arrivalNumber: 3, cancelled: true, note: 'Đã hủy: Đăng ký nhầm văn bản\nBản fax', symbol: '125/QĐ-UBND' });
    expect(toRegisterRow(sampleDoc({ status: 'cancelled' })).note).toBe('Đã hủy');
  });

  it('[Q-11.2a] before any direction prints the recipient typed at registration and leaves Ngày chuyển and Ký nhận blank', () => {
    const row = toRegisterRow(sampleDoc());
    expect([row.recipient, row.handedOverOn, row.receivedBy]).toEqual(['Phòng Tổ chức, biên chế', '', '']);
  });

  it('[Q-11.2a] once handed on prints whom it was handed to (lead first) and the day; Ký nhận stays for the receiver to sign', () => {
    const handOver = { recipients: 'Chủ trì: Phòng Văn thư - Lưu trữ\nPhối hợp: Phòng Tổ chức, biên chế', on: '2026-03-04' };
    const doc = sampleDoc({ id: 'x', toPlaces: 'Giám đốc' });
    expect(toRegisterRow(doc, handOver)).toMatchObject({ recipient: handOver.recipients, handedOverOn: '04/03/2026', receivedBy: '' });
    expect(registerRows([doc, sampleDoc({ id: 'y', arrivalNumber: 2 })], {}, new Map([['x', handOver]])).map((r) => [r.recipient, r.handedOverOn])).toEqual([
      [handOver.recipients, '04/03/2026'],
      ['Phòng Tổ chức, biên chế', ''],
    ]);
  });

  it('[Q-11.2a] sorts by số đến ascending and keeps the number and date bounds inclusive', () => {
    const docs = [3, 1, 4, 2, 5].map((n) => sampleDoc({ arrivalNumber: n, arrivalDate: `2026-03-0${n}` }));
    expect(registerRows(docs).map((r) => r.arrivalNumber)).toEqual([1, 2, 3, 4, 5]);
    expect(registerRows(docs, { fromNumber: 2, toNumber: 4 }).map((r) => r.arrivalNumber)).toEqual([2, 3, 4]);
    expect(registerRows(docs, { fromDate: '2026-03-03', toDate: '2026-03-04' }).map((r) => r.arrivalNumber)).toEqual([3, 4]);
    expect(registerRows(docs, { fromNumber: 2, toDate: '2026-03-03' }).map((r) => r.arrivalNumber)).toEqual([2, 3]);
  });
});

describe('register cover', () => {
  const agency = { name: 'Sở Nội vụ tỉnh Thái Nguyên', parentName: 'Ủy ban nhân dân tỉnh Thái Nguyên' };

  it('[Q-11.2a] states the agency names in capitals and the first and last entries', () => {
    const rows = registerRows([sampleDoc({ arrivalNumber: 4, arrivalDate: '2026-01-05' }), sampleDoc({ arrivalNumber: 15, arrivalDate: '2026-02-10' })]);
    const cover = registerCover(agency, 2026, rows, { fromDate: '2026-01-01' }, 2);
    expect(cover).toEqual({
      parentAgencyName: 'ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN',
      agencyName: 'SỞ NỘI VỤ TỈNH THÁI NGUYÊN',
      year: 2026,
      fromDate: '05/01/2026',
      toDate: '10/02/2026',
      fromNumber: '04',
      toNumber: '15',
      volume: '02',
    });
    expect(coverLines(cover)).toEqual({ year: 'Năm: 2026', dates: 'Từ ngày 05/01/2026 đến ngày 10/02/2026', numbers: 'Từ số 04 đến số 15', volume: 'Quyển số: 02' });
  });

  it('with no entries falls back to the range asked for, and leaves the rest to write in', () => {
    const cover = registerCover({ name: 'Ủy ban nhân dân tỉnh Thái Nguyên', parentName: null }, 2025, [], { fromNumber: 1, toDate: '2025-06-30' });
    expect(cover).toMatchObject({ parentAgencyName: null, fromDate: null, toDate: '30/06/2025', fromNumber: '01', toNumber: null, volume: null });
    expect(coverLines(cover).dates).toBe(`Từ ngày ${BLANK} đến ngày 30/06/2025`);
    expect(coverLines(cover).volume).toBe(`Quyển số: ${BLANK}`);
  });
});
