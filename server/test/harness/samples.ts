import { deflateSync } from 'node:zlib';
import { concatTransformationMatrix, drawObject, PDFDocument, PDFName, popGraphicsState, pushGraphicsState } from '@cantoo/pdf-lib';

/** A real 1×1 PNG (signature, IHDR, IDAT, IEND with their CRCs). */
export function pngBytes(): Buffer {
  return pngImage(1, 1, true);
}

/** A real PNG of one flat colour (RGB) or grey, of the given size. */
export function pngImage(width: number, height: number, colour: boolean): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = colour ? 2 : 0; // RGB or greyscale
  const channels = colour ? 3 : 1;
  const row = Buffer.alloc(1 + width * channels, 0xc8);
  row[0] = 0; // filter: none
  if (colour) for (let x = 0; x < width; x++) row.writeUIntBE(0xcc2222, 1 + x * 3, 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A minimal PDF with an xref table, padded to `size` bytes with a comment. */
export function pdfBytes(text = 'VanThu', padTo = 0): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = `%PDF-1.7\n%${text}\n`;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  if (padTo > Buffer.byteLength(body)) body += `%${'x'.repeat(padTo - Buffer.byteLength(body))}\n`;
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A multipart/form-data body with one file in the field "file". */
export function multipart(filename: string, content: Buffer, boundary = 'vanthu-boundary'): { payload: Buffer; contentType: string } {
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

export const A4: [number, number] = [595.28, 841.89];

/** A "scanned" PDF: one flat image (DeviceRGB or DeviceGray) filling each page at `dpi`, as a scanner writes it. */
export async function scanPdf(options: { dpi: number; colour: boolean; pages?: number; pageSize?: [number, number]; version?: string }): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const size = options.pageSize ?? A4;
  const [w, h] = [Math.round((size[0] / 72) * options.dpi), Math.round((size[1] / 72) * options.dpi)];
  const channels = options.colour ? 3 : 1;
  const image = doc.context.register(
    doc.context.flateStream(Buffer.alloc(w * h * channels, 0xb4), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: w,
      Height: h,
      ColorSpace: options.colour ? 'DeviceRGB' : 'DeviceGray',
      BitsPerComponent: 8,
    }),
  );
  for (let i = 0; i < (options.pages ?? 1); i++) {
    const page = doc.addPage(size);
    page.node.setXObject(PDFName.of('Scan'), image);
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(size[0], 0, 0, size[1], 0, 0), drawObject('Scan'), popGraphicsState());
  }
  const bytes = Buffer.from(await doc.save());
  if (options.version) bytes.write(`%PDF-${options.version}`, 0, 'latin1');
  return bytes;
}

