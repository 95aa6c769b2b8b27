/** PDF date strings (ISO 32000-1 §7.9.4), written in Vietnam time because that is the legal time. */

export function formatPdfDate(at: Date): string {
  const vn = new Date(at.getTime() + 7 * 3600_000).toISOString();
  const digits = vn.slice(0, 19).replace(/[-T:]/g, '');
  return `D:${digits}+07'00'`;
}

/** Lenient: omitted fields default as the standard says; an unreadable value gives undefined. */
export function parsePdfDate(text: string): Date | undefined {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(?:(\d{2})'?(\d{2})?'?)?)?/.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = m;
  const offset = !sign || sign === 'Z' || sign === 'z' ? 'Z' : `${sign}${oh}:${om}`;
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}
