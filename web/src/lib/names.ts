/**
 * Vietnamese lists are ordered by given name (the last word), then by the whole name:
 * "Nguyễn Thị Lan" comes before "Phạm Thị Mai" because Lan < Mai, not because Nguyễn < Phạm.
 */
export function compareVietnameseNames(a: string, b: string): number {
  const given = (name: string) => name.trim().split(/\s+/).pop() ?? '';
  return given(a).localeCompare(given(b), 'vi') || a.localeCompare(b, 'vi');
}

/** Ignores case and Vietnamese diacritics, so "nguyen" finds "Nguyễn" and "so noi vu" finds "Sở Nội vụ". */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/đ/gi, 'd').toLowerCase();
}
