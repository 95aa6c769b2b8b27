/**
 * The signed part of a PDF is everything but the /Contents hex string of its signature
 * dictionary: /ByteRange [0 a b c] names [0, a) and [b, b + c). These functions work on bytes
 * only and never change a file's length, because the signature covers the length too.
 */
export type ByteRange = [number, number, number, number];

/** Written before the final offsets are known; ten digits each is room for files up to 9 GB. */
export const BYTE_RANGE_PLACEHOLDER = '[0 9999999999 9999999999 9999999999]';

export interface SignatureSlot {
  byteRange: ByteRange;
  /** Offset of the `<` opening the /Contents hex string. */
  contentsStart: number;
  /** Offset just past its closing `>`. */
  contentsEnd: number;
}

export interface FoundByteRange {
  /** Offset of the `/ByteRange` key. */
  at: number;
  byteRange: ByteRange;
}

const KEY = Buffer.from('/ByteRange');

/** Every `/ByteRange [n n n n]` written in the file, in file order, whatever revision it is in. */
export function scanByteRanges(pdf: Buffer): FoundByteRange[] {
  const found: FoundByteRange[] = [];
  for (let at = pdf.indexOf(KEY); at >= 0; at = pdf.indexOf(KEY, at + KEY.length)) {
    const text = pdf.toString('latin1', at + KEY.length, at + KEY.length + 200);
    const m = /^\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text);
    if (m) found.push({ at, byteRange: [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] });
  }
  return found;
}

/** The slot a byte range leaves, when it is a well-formed hex string inside the file. */
export function slotOf(pdf: Buffer, byteRange: ByteRange): SignatureSlot | undefined {
  const [start, firstLength, secondStart, secondLength] = byteRange;
  if (start !== 0 || firstLength <= 0 || secondStart <= firstLength || secondStart + secondLength > pdf.length) return undefined;
  if (pdf[firstLength] !== 0x3c /* < */ || pdf[secondStart - 1] !== 0x3e /* > */) return undefined;
  for (let i = firstLength + 1; i < secondStart - 1; i++) if (!isHexDigit(pdf[i])) return undefined;
  return { byteRange, contentsStart: firstLength, contentsEnd: secondStart };
}

/** The slot of the signature added last, where a two-phase signature is completed. */
export function lastSlot(pdf: Buffer): SignatureSlot | undefined {
  const last = scanByteRanges(pdf).at(-1);
  return last && slotOf(pdf, last.byteRange);
}

/**
 * Replaces the placeholder found at or after `from` with the real offsets of the hex string
 * that follows it, padded with spaces to the same width. Returns undefined when either part of
 * the placeholder is missing.
 */
export function fillByteRange(pdf: Buffer, from: number, contentsLength: number): SignatureSlot | undefined {
  const at = pdf.indexOf(BYTE_RANGE_PLACEHOLDER, from, 'latin1');
  const emptyContents = Buffer.from(`<${'0'.repeat(contentsLength * 2)}>`, 'latin1');
  const contentsStart = pdf.indexOf(emptyContents, from);
  if (at < 0 || contentsStart < 0) return undefined;
  const contentsEnd = contentsStart + emptyContents.length;
  const byteRange: ByteRange = [0, contentsStart, contentsEnd, pdf.length - contentsEnd];
  const text = `[${byteRange.join(' ')}`.padEnd(BYTE_RANGE_PLACEHOLDER.length - 1, ' ') + ']';
  pdf.write(text, at, 'latin1');
  return { byteRange, contentsStart, contentsEnd };
}

/** The two signed parts, in order. */
export function signedParts(pdf: Buffer, [start, firstLength, secondStart, secondLength]: ByteRange): Buffer[] {
  return [pdf.subarray(start, start + firstLength), pdf.subarray(secondStart, secondStart + secondLength)];
}

/** The DER in the hex string, with the zero padding after it still attached. */
export function contentsOf(pdf: Buffer, slot: SignatureSlot): Buffer {
  const hex = pdf.toString('latin1', slot.contentsStart + 1, slot.contentsEnd - 1).replace(/\s+/g, '');
  return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
}

export function isEmptySlot(pdf: Buffer, slot: SignatureSlot): boolean {
  for (let i = slot.contentsStart + 1; i < slot.contentsEnd - 1; i++) if (pdf[i] !== 0x30 /* 0 */) return false;
  return true;
}

/** A copy of `pdf` with `cms` written into the slot; undefined when it does not fit. */
export function writeContents(pdf: Buffer, slot: SignatureSlot, cms: Buffer): Buffer | undefined {
  const room = slot.contentsEnd - slot.contentsStart - 2;
  const hex = cms.toString('hex').toUpperCase();
  if (hex.length > room) return undefined;
  const out = Buffer.from(pdf);
  out.write(hex, slot.contentsStart + 1, 'latin1');
  return out;
}

function isHexDigit(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);
}
