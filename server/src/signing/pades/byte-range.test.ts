import { describe, expect, it } from 'vitest';
import { BYTE_RANGE_PLACEHOLDER, contentsOf, fillByteRange, isEmptySlot, lastSlot, scanByteRanges, signedParts, slotOf, writeContents } from './byte-range.js';
import { formatPdfDate, parsePdfDate } from './pdf-date.js';

/** A tiny stand-in for a signature update: only the bytes these functions look at. */
function fakeUpdate(contentsLength: number): string {
  return `1 0 obj\n<< /Type /Sig /ByteRange ${BYTE_RANGE_PLACEHOLDER} /Contents <${'0'.repeat(contentsLength * 2)}> >>\nendobj\n%%EOF\n`;
}

describe('byte ranges', () => {
  it('fills the placeholder with the real offsets without changing the length', () => {
    const pdf = Buffer.from(`%PDF-1.7\n${fakeUpdate(4)}`, 'latin1');
    const length = pdf.length;
    const slot = fillByteRange(pdf, 0, 4)!;
    expect(pdf.length).toBe(length);
    const start = pdf.indexOf('<0000');
    expect(slot).toEqual({ byteRange: [0, start, start + 10, length - start - 10], contentsStart: start, contentsEnd: start + 10 });
    expect(pdf.toString('latin1')).toMatch(/\/ByteRange \[0 \d+ \d+ \d+ +\] \/Contents/);
    expect(scanByteRanges(pdf).map((f) => f.byteRange)).toEqual([slot.byteRange]);
    expect(Buffer.concat(signedParts(pdf, slot.byteRange)).toString('latin1')).not.toContain('<0000');
  });

  it('only fills the placeholder of the last update', () => {
    const first = Buffer.from(`%PDF-1.7\n${fakeUpdate(2)}`, 'latin1');
    fillByteRange(first, 0, 2);
    const both = Buffer.concat([first, Buffer.from(fakeUpdate(3), 'latin1')]);
    const before = Buffer.from(both.subarray(0, first.length));
    const slot = fillByteRange(both, first.length, 3)!;
    expect(both.subarray(0, first.length).equals(before)).toBe(true);
    expect(lastSlot(both)).toEqual(slot);
    expect(scanByteRanges(both)).toHaveLength(2);
  });

  it('refuses a byte range that does not frame a hex string inside the file', () => {
    const pdf = Buffer.from('0123<abcd>6789', 'latin1');
    expect(slotOf(pdf, [0, 4, 10, 4])).toEqual({ byteRange: [0, 4, 10, 4], contentsStart: 4, contentsEnd: 10 });
    expect(slotOf(pdf, [0, 4, 10, 5])).toBeUndefined(); // past the end: a truncated file
    expect(slotOf(pdf, [0, 3, 10, 4])).toBeUndefined(); // does not start at '<'
    expect(slotOf(Buffer.from('0123<abxd>6789', 'latin1'), [0, 4, 10, 4])).toBeUndefined();
    expect(slotOf(pdf, [1, 4, 10, 4])).toBeUndefined(); // must start at the first byte
  });

  it('writes a CMS into an empty slot and refuses one that does not fit', () => {
    const pdf = Buffer.from('ab<00000000>cd', 'latin1');
    const slot = slotOf(pdf, [0, 2, 12, 2])!;
    expect(isEmptySlot(pdf, slot)).toBe(true);
    const signed = writeContents(pdf, slot, Buffer.from([0x30, 0x01]))!;
    expect(signed.toString('latin1')).toBe('ab<30010000>cd');
    expect(pdf.toString('latin1')).toBe('ab<00000000>cd');
    expect(contentsOf(signed, slot)).toEqual(Buffer.from([0x30, 0x01, 0, 0]));
    expect(isEmptySlot(signed, slot)).toBe(false);
    expect(writeContents(pdf, slot, Buffer.alloc(5))).toBeUndefined();
  });
});

describe('PDF dates', () => {
  it('writes Vietnam time and reads it back', () => {
    const at = new Date('2021-05-04T02:30:15Z');
    expect(formatPdfDate(at)).toBe("D:20210504093015+07'00'");
    expect(parsePdfDate(formatPdfDate(at))).toEqual(at);
  });

  it('reads the forms other software writes', () => {
    expect(parsePdfDate('D:20210504023015Z')).toEqual(new Date('2021-05-04T02:30:15Z'));
    expect(parsePdfDate("D:20210504093015+07'00")).toEqual(new Date('2021-05-04T02:30:15Z'));
    expect(parsePdfDate('D:2021')).toEqual(new Date('2021-01-01T00:00:00Z'));
    expect(parsePdfDate('hôm qua')).toBeUndefined();
  });
});
