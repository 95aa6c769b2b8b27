import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLIDAY_RULES, type HolidayRule, holidaysOfYear } from './holidays.js';

const dates = (list: { date: string }[]) => list.map((h) => h.date);

describe('public holidays', () => {
  it('lists every holiday of 2026 under the Labour Code 2019 Art. 112', () => {
    expect(holidaysOfYear(2026)).toEqual([
      { date: '2026-01-01', name: 'Tết Dương lịch' },
      { date: '2026-02-16', name: 'Tết Âm lịch' }, // 29 Tháng Chạp Ất Tỵ
      { date: '2026-02-17', name: 'Tết Âm lịch' }, // mùng 1 Bính Ngọ
      { date: '2026-02-18', name: 'Tết Âm lịch' },
      { date: '2026-02-19', name: 'Tết Âm lịch' },
      { date: '2026-02-20', name: 'Tết Âm lịch' },
      { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương' },
      { date: '2026-04-30', name: 'Ngày Chiến thắng' },
      { date: '2026-05-01', name: 'Ngày Quốc tế Lao động' },
      { date: '2026-09-02', name: 'Quốc khánh' },
    ]);
  });

  it('starts Tết on 30 Tháng Chạp when the month is full (2024) and on the 29th when it is not (2025)', () => {
    const tet = (year: number) => dates(holidaysOfYear(year).filter((h) => h.name === 'Tết Âm lịch'));
    expect(tet(2024)).toEqual(['2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13']);
    expect(tet(2025)).toEqual(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01']);
  });

  it('places Giỗ Tổ on 10/3 lunar each year', () => {
    const gioTo = (year: number) => holidaysOfYear(year).find((h) => h.name === 'Giỗ Tổ Hùng Vương')?.date;
    expect(gioTo(2024)).toBe('2024-04-18');
    expect(gioTo(2025)).toBe('2025-04-07');
  });

  it('takes lunar-rule dates from the lunar year before: Tết eve of lunar 2025 lands in solar 2026, and only once', () => {
    const rules: HolidayRule[] = [{ name: 'Rằm tháng Chạp', calendar: 'lunar', month: 12, day: 15 }];
    expect(holidaysOfYear(2026, rules)).toEqual([{ date: '2026-02-02', name: 'Rằm tháng Chạp' }]);
    expect(holidaysOfYear(2025, rules)).toEqual([{ date: '2025-01-14', name: 'Rằm tháng Chạp' }]);
  });

  it('keeps a lunar rule of late in the lunar year when it falls in December of the same solar year', () => {
    const rules: HolidayRule[] = [{ name: 'Mùng 1 tháng 11', calendar: 'lunar', month: 11, day: 1 }];
    expect(dates(holidaysOfYear(2025, rules))).toEqual(['2025-12-20']);
  });

  it('cuts a span at the solar year boundary and picks up the part that started the year before', () => {
    const rules: HolidayRule[] = [{ name: 'Cuối năm', calendar: 'solar', month: 12, day: 31, span: 3 }];
    expect(dates(holidaysOfYear(2026, rules))).toEqual(['2026-01-01', '2026-01-02', '2026-12-31']);
  });

  it('reads "last" of a lunar month followed by its leap month as the eve of the next month', () => {
    const rules: HolidayRule[] = [{ name: 'Cuối tháng 6', calendar: 'lunar', month: 6, day: 'last' }];
    expect(dates(holidaysOfYear(2025, rules))).toEqual(['2025-08-22']); // last of 6 nhuận; 7/1 is 2025-08-23
    expect(dates(holidaysOfYear(2026, rules))).toEqual(['2026-08-12']); // 7/1 is 2026-08-13 (new moon 00:37 UTC+7)
  });

  it('skips a date that does not exist that year', () => {
    const lunar30: HolidayRule[] = [{ name: '30 Tết', calendar: 'lunar', month: 12, day: 30 }];
    expect(holidaysOfYear(2025, lunar30)).toEqual([]);
    expect(dates(holidaysOfYear(2024, lunar30))).toEqual(['2024-02-09']);
    const feb29: HolidayRule[] = [{ name: '29/2', calendar: 'solar', month: 2, day: 29 }];
    expect(holidaysOfYear(2026, feb29)).toEqual([]);
    expect(dates(holidaysOfYear(2028, feb29))).toEqual(['2028-02-29']);
  });

  it('marks only the Tết block as not earning compensatory days', () => {
    expect(DEFAULT_HOLIDAY_RULES.filter((r) => r.compensate === false).map((r) => r.name)).toEqual(['Tết Âm lịch']);
  });
});
