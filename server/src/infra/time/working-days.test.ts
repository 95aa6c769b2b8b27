import { describe, expect, it, vi } from 'vitest';
import * as holidays from './holidays.js';
import { addDays } from './legal-time.js';
import { WorkingCalendar } from './working-days.js';

// Wrap the real function so memoisation can be observed.
vi.mock('./holidays.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('./holidays.js')>();
  return { ...real, holidayOccurrences: vi.fn(real.holidayOccurrences) };
});

const cal = new WorkingCalendar();

describe('WorkingCalendar', () => {
  it('[Q-6.2b] Saturday and Sunday are not working days, Monday–Friday are', () => {
    expect(cal.dayInfo('2026-03-07')).toEqual({ date: '2026-03-07', working: false, reason: 'weekend' });
    expect(cal.isWorkingDay('2026-03-08')).toBe(false);
    expect(cal.dayInfo('2026-03-09')).toEqual({ date: '2026-03-09', working: true, reason: 'working' });
  });

  it('[Q-6.2b] next working day after Friday 2026-04-24 skips the weekend and Giỗ Tổ Monday 2026-04-27 compensation', () => {
    expect(cal.dayInfo('2026-04-26')).toMatchObject({ working: false, reason: 'holiday', name: 'Giỗ Tổ Hùng Vương' });
    expect(cal.dayInfo('2026-04-27')).toEqual({
      date: '2026-04-27', working: false, reason: 'compensatory', name: 'Nghỉ bù Giỗ Tổ Hùng Vương',
    });
    expect(cal.nextWorkingDay('2026-04-24')).toBe('2026-04-28');
  });

  it('[Q-6.2b] 30/4 and 1/5 2026 (Thursday, Friday) are holidays: after Wednesday comes Monday 4 May', () => {
    expect(cal.dayInfo('2026-04-30')).toMatchObject({ working: false, reason: 'holiday', name: 'Ngày Chiến thắng' });
    expect(cal.dayInfo('2026-05-01')).toMatchObject({ working: false, reason: 'holiday', name: 'Ngày Quốc tế Lao động' });
    expect(cal.nextWorkingDay('2026-04-29')).toBe('2026-05-04');
  });

  it('[Q-6.2b] the Tết 2026 block (Mon 16 – Fri 20 Feb) is skipped whole', () => {
    expect(cal.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
  });

  it('[Q-6.2b] two holidays on one weekend give two compensatory days (30/4–1/5/2022 → Mon 2, Tue 3 May)', () => {
    expect(cal.dayInfo('2022-05-02').reason).toBe('compensatory');
    expect(cal.dayInfo('2022-05-03')).toMatchObject({ reason: 'compensatory', name: 'Nghỉ bù Ngày Quốc tế Lao động' });
    expect(cal.nextWorkingDay('2022-04-29')).toBe('2022-05-04');
  });

  it('[Q-6.2b] Tết Dương lịch on Sunday 1/1/2023 is compensated on Monday 2/1', () => {
    expect(cal.isWorkingDay('2023-01-02')).toBe(false);
    expect(cal.nextWorkingDay('2022-12-30')).toBe('2023-01-03');
  });

  it('[Q-6.2b] the Tết block earns no compensation for its weekend days (Tết 2025 ended on Saturday 1 Feb)', () => {
    expect(cal.dayInfo('2025-02-01')).toMatchObject({ working: false, reason: 'holiday', name: 'Tết Âm lịch' });
    expect(cal.isWorkingDay('2025-02-03')).toBe(true);
  });

  it('[Q-6.2b] compensate: false turns compensatory days back into working days', () => {
    const plain = new WorkingCalendar({ compensate: false });
    expect(plain.isWorkingDay('2026-04-27')).toBe(true);
    expect(plain.nextWorkingDay('2026-04-24')).toBe('2026-04-27');
  });

  it('[Q-6.2b] compensation reaches across the year boundary and queues behind other holidays', () => {
    const rules: holidays.HolidayRule[] = [
      ...holidays.DEFAULT_HOLIDAY_RULES,
      { name: 'Ngày cuối năm', calendar: 'solar', month: 12, day: 31 },
    ];
    const c = new WorkingCalendar({ rules });
    // Sat 31/12/2022 → Mon 2/1/2023; Sun 1/1/2023 → Tue 3/1/2023.
    expect(c.dayInfo('2023-01-02')).toMatchObject({ reason: 'compensatory', name: 'Nghỉ bù Ngày cuối năm' });
    expect(c.dayInfo('2023-01-03')).toMatchObject({ reason: 'compensatory', name: 'Nghỉ bù Tết Dương lịch' });
    expect(c.nextWorkingDay('2022-12-30')).toBe('2023-01-04');
  });

  it('[Q-6.2b] Government overrides win: a swapped working Saturday and an extra day off (30/4/2025)', () => {
    const c = new WorkingCalendar({
      overrides: [
        { date: '2025-04-26', kind: 'working', name: 'Làm bù cho ngày 02/5' },
        { date: '2025-05-02', kind: 'holiday', name: 'Nghỉ hoán đổi' },
      ],
    });
    expect(c.dayInfo('2025-04-26')).toEqual({ date: '2025-04-26', working: true, reason: 'override-working', name: 'Làm bù cho ngày 02/5' });
    expect(c.nextWorkingDay('2025-04-25')).toBe('2025-04-26');
    expect(c.dayInfo('2025-05-02')).toMatchObject({ working: false, reason: 'override-holiday' });
    expect(c.nextWorkingDay('2025-04-29')).toBe('2025-05-05');
    expect(cal.nextWorkingDay('2025-04-29')).toBe('2025-05-02'); // without the overrides
  });

  it('[Q-6.2b] an override beats a holiday and cancels a compensatory day without moving it', () => {
    const c = new WorkingCalendar({
      overrides: [
        { date: '2026-04-30', kind: 'working', name: 'Trực' },
        { date: '2026-04-27', kind: 'working', name: 'Không nghỉ bù' },
      ],
    });
    expect(c.dayInfo('2026-04-30').reason).toBe('override-working');
    expect(c.isWorkingDay('2026-04-27')).toBe(true);
    expect(c.isWorkingDay('2026-04-28')).toBe(true);
  });

  it('[Q-6.2b] an override that already names the compensatory day does not add a second one (2/9/2023)', () => {
    const c = new WorkingCalendar({
      overrides: [
        { date: '2023-09-01', kind: 'holiday', name: 'Quốc khánh (ngày thứ hai)' },
        { date: '2023-09-04', kind: 'holiday', name: 'Nghỉ bù Quốc khánh' },
      ],
    });
    expect(c.nextWorkingDay('2023-08-31')).toBe('2023-09-05');
  });

  it('[Q-6.2b] addWorkingDays counts working days after the date: Friday + 1 = Monday', () => {
    expect(cal.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
    expect(cal.addWorkingDays('2026-03-06', 5)).toBe('2026-03-13');
    expect(cal.addWorkingDays('2026-04-24', 3)).toBe('2026-05-04'); // 28, 29 Apr, then 4 May
    expect(cal.addWorkingDays('2026-03-06', 0)).toBe('2026-03-06');
    expect(cal.addWorkingDays('2026-03-07', 0)).toBe('2026-03-09');
    expect(() => cal.addWorkingDays('2026-03-06', -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-03-06', 1.5)).toThrow(RangeError);
  });

  it('[Q-6.2b] workingDaysBetween counts (from, to] and inverts addWorkingDays', () => {
    // 27/4 nghỉ bù, 30/4 and 1/5 holidays: 28, 29 Apr and 4–8 May remain.
    expect(cal.workingDaysBetween('2026-04-24', '2026-05-08')).toBe(7);
    expect(cal.workingDaysBetween('2026-03-06', '2026-03-06')).toBe(0);
    expect(cal.workingDaysBetween('2026-03-09', '2026-03-06')).toBe(0);
    for (let d = '2025-12-20'; d <= '2026-12-31'; d = addDays(d, 7)) {
      for (const n of [1, 5, 10, 30]) expect(cal.workingDaysBetween(d, cal.addWorkingDays(d, n))).toBe(n);
    }
  });

  it('[Q-6.2b] yearDays lists weekday days off and working weekends for the calendar screen', () => {
    const c = new WorkingCalendar({ overrides: [{ date: '2026-02-07', kind: 'working', name: 'Làm bù Tết' }] });
    expect(c.yearDays(2026).map((d) => `${d.date} ${d.reason}`)).toEqual([
      '2026-01-01 holiday',
      '2026-02-07 override-working',
      '2026-02-16 holiday',
      '2026-02-17 holiday',
      '2026-02-18 holiday',
      '2026-02-19 holiday',
      '2026-02-20 holiday',
      '2026-04-27 compensatory', // Giỗ Tổ itself is a Sunday, so not listed
      '2026-04-30 holiday',
      '2026-05-01 holiday',
      '2026-09-02 holiday',
    ]);
  });

  it('rejects bad input', () => {
    expect(() => cal.dayInfo('2026-02-30')).toThrow(RangeError);
    expect(() => cal.nextWorkingDay('26-01-01')).toThrow(RangeError);
    expect(
      () =>
        new WorkingCalendar({
          overrides: [
            { date: '2026-01-02', kind: 'holiday', name: 'a' },
            { date: '2026-01-02', kind: 'working', name: 'b' },
          ],
        }),
    ).toThrow(RangeError);
  });

  it('computes each year once however many days are asked', () => {
    const spy = vi.mocked(holidays.holidayOccurrences);
    const c = new WorkingCalendar();
    spy.mockClear();
    c.workingDaysBetween('2026-01-01', '2026-12-31');
    c.yearDays(2026);
    expect(spy).toHaveBeenCalledTimes(2); // 2025 (compensation spilling over) and 2026
  });
});
