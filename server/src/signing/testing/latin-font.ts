/**
 * Test support: a TrueType font without Vietnamese letters, made from the bundled Liberation Serif 2
 * by replacing its character map with one for printable ASCII only. Unlike Debian's old Liberation
 * 1.07 it is on every machine, so the refusal of such a font is tested everywhere, CI included.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fontkit from '@cantoo/fontkit';
import { FONT_FILES, resolveFontDir, type FontStyle } from '../../infra/fonts.js';

/** The bundled font of that style, mapping only U+0020–U+007E: "Đ", "ố" and the like have no glyph. */
export async function latinOnlyFont(style: FontStyle = 'normal'): Promise<Buffer> {
  const bytes = await readFile(join(resolveFontDir(), FONT_FILES[style]));
  const font = fontkit.create(bytes);
  if (!('glyphForCodePoint' in font)) throw new Error('expected a single font');
  const codes = Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i);
  return replaceTable(bytes, 'cmap', asciiCmap(codes.map((c) => [c, font.glyphForCodePoint(c)?.id ?? 0])));
}

/** A cmap with one (Windows, Unicode BMP) format 4 subtable: one segment per code, then the closing 0xFFFF. */
function asciiCmap(pairs: [number, number][]): Buffer {
  const segments = [...pairs.map(([code, glyph]) => ({ code, delta: (glyph - code) & 0xffff })), { code: 0xffff, delta: 1 }];
  const n = segments.length;
  const sub = Buffer.alloc(16 + 8 * n);
  const log = Math.floor(Math.log2(n));
  sub.writeUInt16BE(4, 0);
  sub.writeUInt16BE(sub.length, 2);
  sub.writeUInt16BE(0, 4);
  sub.writeUInt16BE(2 * n, 6);
  sub.writeUInt16BE(2 * 2 ** log, 8);
  sub.writeUInt16BE(log, 10);
  sub.writeUInt16BE(2 * n - 2 * 2 ** log, 12);
  segments.forEach((s, i) => {
    sub.writeUInt16BE(s.code, 14 + 2 * i); // endCode
    sub.writeUInt16BE(s.code, 16 + 2 * n + 2 * i); // startCode (after the reserved pad)
    sub.writeUInt16BE(s.delta, 16 + 4 * n + 2 * i); // idDelta; idRangeOffset stays 0
  });
  const header = Buffer.alloc(12);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(1, 2);
  header.writeUInt16BE(3, 4);
  header.writeUInt16BE(1, 6);
  header.writeUInt32BE(12, 8);
  return Buffer.concat([header, sub]);
}

const padded = (b: Buffer) => Buffer.concat([b, Buffer.alloc((4 - (b.length % 4)) % 4)]);

function checksum(table: Buffer): number {
  const p = padded(table);
  let sum = 0;
  for (let i = 0; i < p.length; i += 4) sum = (sum + p.readUInt32BE(i)) >>> 0;
  return sum;
}

/** The same font file with one table replaced, the directory and the offsets rebuilt. */
function replaceTable(font: Buffer, tag: string, replacement: Buffer): Buffer {
  const count = font.readUInt16BE(4);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 12 + 16 * i;
    const name = font.toString('latin1', at, at + 4);
    const data = name === tag ? replacement : font.subarray(font.readUInt32BE(at + 8), font.readUInt32BE(at + 8) + font.readUInt32BE(at + 12));
    return { name, data };
  });
  const directory = Buffer.alloc(12 + 16 * count);
  font.copy(directory, 0, 0, 12);
  let offset = directory.length;
  tables.forEach((t, i) => {
    const at = 12 + 16 * i;
    directory.write(t.name, at, 'latin1');
    directory.writeUInt32BE(checksum(t.data), at + 4);
    directory.writeUInt32BE(offset, at + 8);
    directory.writeUInt32BE(t.data.length, at + 12);
    offset += padded(t.data).length;
  });
  return Buffer.concat([directory, ...tables.map((t) => padded(t.data))]);
}
