/**
 * How NĐ 30 Phụ lục I writes numbers and dates on documents, registers and copies: a leading 0
 * below 10 for numbers and days, and for months 1 and 2, so nobody can add a digit in front later.
 */

/** "05", "12", "123" (Phần I, II.3). */
export const formatNumber = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** "Thái Nguyên, ngày 05 tháng 01 năm 2026" (II.4), from a legal date `YYYY-MM-DD`. */
export function placeDateLine(place: string, legalDate: string): string {
  const [year, month, day] = legalDate.split('-').map(Number);
  return `${place}, ngày ${formatNumber(day)} tháng ${month <= 2 ? `0${month}` : month} năm ${year}`;
}
