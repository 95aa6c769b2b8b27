/** Vietnamese text arrives in NFC or NFD depending on the keyboard; we store NFC. */
export function nfc(value: string): string {
  return value.normalize('NFC').trim();
}

/** Lower-case without diacritics, for matching without accents ("đ" has no decomposition). */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}
