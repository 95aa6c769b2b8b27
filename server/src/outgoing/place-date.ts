/**
 * "Thái Nguyên, ngày 05 tháng 01 năm 2026" (Phụ lục I, II.4): a leading 0 for days below 10 and
 * for months 1 and 2, so that nobody can add a digit in front later.
 */
export function placeDateLine(place: string, legalDate: string): string {
  const [year, month, day] = legalDate.split('-').map(Number);
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month <= 2 ? `0${month}` : String(month);
  return `${place}, ngày ${dd} tháng ${mm} năm ${year}`;
}
