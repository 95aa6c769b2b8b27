import { describe, expect, it } from 'vitest';
import { addDays } from './legal-time.js';
import { leapMonthOf, lunarMonthLength, lunarToSolar, solarToLunar } from './lunar.js';

describe('lunar calendar (UTC+7)', () => {
  it.each([
    [2020, '2020-01-25'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
  ])('Tết %i falls on %s', (year, date) => {
    expect(lunarToSolar(year, 1, 1)).toBe(date);
    expect(solarToLunar(date)).toEqual({ year, month: 1, day: 1, leap: false });
  });

  it.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('Giỗ Tổ Hùng Vương (10/3) %i falls on %s', (year, date) => {
    expect(lunarToSolar(year, 3, 10)).toBe(date);
  });

  // The 1984 December solstice fell at 23:18 on the 21st in UTC+7 but 00:18 on the 22nd in UTC+8,
  // the day of a new moon: in China that month held the solstice (month 11), in Vietnam it was
  // already month 12, so Tết Ất Sửu came a month earlier (China: 20 February).
  it('uses the UTC+7 meridian: Tết 1985 is 21 January, not China’s 20 February', () => {
    expect(lunarToSolar(1985, 1, 1)).toBe('1985-01-21');
    expect(lunarToSolar(1984, 12, 1)).toBe('1984-12-22');
    expect(solarToLunar('1985-02-20')).toEqual({ year: 1985, month: 2, day: 1, leap: false });
  });

  it('uses the UTC+7 meridian: Tết 2007 is 17 February (China: 18 February)', () => {
    // The new moon was at 23:14 on 17 Feb in Vietnam, 00:14 on 18 Feb in Beijing.
    expect(lunarToSolar(2007, 1, 1)).toBe('2007-02-17');
  });

  it('2023 has a leap month 2 starting 2023-03-22', () => {
    expect(leapMonthOf(2023)).toBe(2);
    expect(lunarToSolar(2023, 2, 1)).toBe('2023-02-20');
    expect(lunarToSolar(2023, 2, 1, true)).toBe('2023-03-22');
    expect(solarToLunar('2023-03-22')).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(solarToLunar('2023-03-21')).toEqual({ year: 2023, month: 2, day: 30, leap: false });
    expect(lunarToSolar(2023, 3, 1)).toBe('2023-04-20');
  });

  it('2025 has a leap month 6 starting 2025-07-25', () => {
    expect(leapMonthOf(2025)).toBe(6);
    expect(lunarToSolar(2025, 6, 1, true)).toBe('2025-07-25');
    expect(lunarToSolar(2025, 7, 1)).toBe('2025-08-23');
  });

  it.each([
    [2001, 4], [2004, 2], [2006, 7], [2009, 5], [2012, 4], [2014, 9], [2017, 6],
    [2020, 4], [2028, 5], [2031, 3], [2033, 11], [2036, 6],
  ])('lunar year %i has leap month %i', (year, month) => {
    expect(leapMonthOf(year)).toBe(month);
  });

  it('a leap month 11 belongs to the year it follows: 11 nhuận 2033 comes before Tết 2034', () => {
    const leap11 = lunarToSolar(2033, 11, 1, true);
    expect(leap11 > lunarToSolar(2033, 11, 1)).toBe(true);
    expect(leap11 < lunarToSolar(2033, 12, 1)).toBe(true);
    expect(solarToLunar(leap11)).toEqual({ year: 2033, month: 11, day: 1, leap: true });
  });

  it('years without a leap month report none and reject one', () => {
    expect(leapMonthOf(2024)).toBeNull();
    expect(leapMonthOf(2026)).toBeNull();
    expect(() => lunarToSolar(2024, 6, 1, true)).toThrow(RangeError);
    expect(() => lunarToSolar(2025, 5, 1, true)).toThrow(RangeError);
  });

  it('knows 29- and 30-day months: Tháng Chạp had 30 days before Tết 2024, 29 before Tết 2025', () => {
    expect(lunarMonthLength(2023, 12)).toBe(30);
    expect(lunarToSolar(2023, 12, 30)).toBe('2024-02-09');
    expect(lunarMonthLength(2024, 12)).toBe(29);
    expect(lunarToSolar(2024, 12, 29)).toBe('2025-01-28');
    expect(() => lunarToSolar(2024, 12, 30)).toThrow(RangeError);
  });

  it('rejects malformed input', () => {
    expect(() => lunarToSolar(2025, 13, 1)).toThrow(RangeError);
    expect(() => lunarToSolar(2025, 1, 0)).toThrow(RangeError);
    expect(() => lunarToSolar(2025, 1, 1.5)).toThrow(RangeError);
    expect(() => lunarToSolar(1500, 1, 1)).toThrow(RangeError);
    expect(() => solarToLunar('2025-02-30')).toThrow(RangeError);
  });

  it('round-trips every day of 2000–2040, and lunar days follow each other without gaps', () => {
    let prev = solarToLunar('1999-12-31');
    for (let d = '2000-01-01'; d <= '2040-12-31'; d = addDays(d, 1)) {
      const l = solarToLunar(d);
      expect(lunarToSolar(l.year, l.month, l.day, l.leap)).toBe(d);
      if (l.day === 1) {
        expect([29, 30]).toContain(prev.day);
        expect(lunarMonthLength(prev.year, prev.month, prev.leap)).toBe(prev.day);
        // A new month is the leap twin of the previous one, or the next month number.
        const sameNumber = l.leap && l.month === prev.month && l.year === prev.year;
        const next = !l.leap && (l.month === prev.month + 1 ? l.year === prev.year : l.month === 1 && prev.month === 12 && l.year === prev.year + 1);
        expect(sameNumber || next).toBe(true);
      } else {
        expect(l).toEqual({ ...prev, day: prev.day + 1 });
      }
      prev = l;
    }
  });

  it('keeps the calendar’s invariants over 1900–2199: Tết between 21 Jan and 20 Feb, 12 or 13 months', () => {
    for (let year = 1900; year <= 2199; year++) {
      const tet = lunarToSolar(year, 1, 1);
      expect(tet.slice(5) >= '01-21' && tet.slice(5) <= '02-20', `Tết ${year} = ${tet}`).toBe(true);
      const days = Math.round((Date.parse(lunarToSolar(year + 1, 1, 1)) - Date.parse(tet)) / 86_400_000);
      expect(leapMonthOf(year) === null ? [353, 354, 355] : [383, 384, 385]).toContain(days);
    }
  });
});
