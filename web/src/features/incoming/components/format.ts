import dayjs from 'dayjs';

/** Legal dates (YYYY-MM-DD) and instants alike, the way Vietnamese forms write them. */
export const formatDate = (value: string | null | undefined) => (value ? dayjs(value).format('DD/MM/YYYY') : '—');

export const formatDateTime = (value: string | null | undefined) => (value ? dayjs(value).format('HH:mm DD/MM/YYYY') : '—');

/** "Số, ký hiệu" as printed on the document: 12/UBND-VX. */
export function numberAndSymbol(doc: { codeNumber: string | null; codeNotation: string | null }): string {
  if (doc.codeNumber && doc.codeNotation) return `${doc.codeNumber}/${doc.codeNotation}`;
  return doc.codeNumber ?? doc.codeNotation ?? '—';
}

/** The server wants YYYY-MM-DD for dates; pickers give dayjs values. */
export const toIsoDate = (value: dayjs.Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);

/** Deadlines cannot lie in the past. */
export const beforeToday = (current: dayjs.Dayjs) => current.isBefore(dayjs().startOf('day'));
