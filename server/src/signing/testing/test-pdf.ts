/** Vietnamese test documents made with @cantoo/pdf-lib and Liberation Serif 2. */
import { deflateSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import fontkit from '@cantoo/fontkit';
import { PDFDocument, rgb } from '@cantoo/pdf-lib';
import { DEFAULT_FONT_PATH } from '../pades/appearance.js';

export const TEST_TEXT = [
  'ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN',
  'SỞ NỘI VỤ',
  'Số: 123/QĐ-SNV',
  'QUYẾT ĐỊNH',
  'Về việc ủy quyền ký văn bản điện tử',
  'Giám đốc Sở Nội vụ tỉnh Thái Nguyên quyết định: Điều 1. Ủy quyền cho ông Nguyễn Văn Ánh…',
];

export interface TestPdfOptions {
  pages?: number;
  /** Adds a noise image of about this many kilobytes to every page, to reach a given file size. */
  imageKilobytesPerPage?: number;
  /** Classic cross-reference table instead of pdf-lib's default object and xref streams. */
  classicXref?: boolean;
}

export async function makeTestPdf(options: TestPdfOptions = {}): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(await readFile(DEFAULT_FONT_PATH), { subset: true });
  for (let n = 1; n <= (options.pages ?? 1); n++) {
    const page = doc.addPage([595.28, 841.89]);
    TEST_TEXT.forEach((line, i) => page.drawText(line, { x: 56, y: 780 - i * 22, size: 13, font, color: rgb(0, 0, 0) }));
    page.drawText(`Trang ${n}`, { x: 280, y: 40, size: 10, font });
    if (options.imageKilobytesPerPage) {
      const image = await doc.embedPng(noisePng(options.imageKilobytesPerPage * 1024));
      page.drawImage(image, { x: 56, y: 250, width: 300, height: 300 });
    }
  }
  return Buffer.from(await doc.save({ useObjectStreams: !options.classicXref }));
}

/** An RGB PNG of random pixels: incompressible, so the file size is predictable. */
export function noisePng(bytes: number): Buffer {
  const side = Math.max(1, Math.round(Math.sqrt(bytes / 3)));
  const row = side * 3 + 1;
  const raw = randomBytes(row * side);
  for (let y = 0; y < side; y++) raw[y * row] = 0;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** One PNG chunk: length, type, data, CRC. */
export function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
