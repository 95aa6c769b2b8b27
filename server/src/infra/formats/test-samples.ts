/*
 * Builders for small but structurally real sample files, used by detect.test.ts.
 * Built from bytes so the tests do not depend on binary fixtures in the repo.
 */
import CFB from 'cfb';
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

/** A one-page PDF with a correct xref table. */
export function pdf(preamble = ''): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = `${preamble}%PDF-1.4\n`;
  const offsets = objects.map((obj, i) => {
    const at = Buffer.byteLength(body, 'latin1');
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
    return at;
  });
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A 1×1 grey PNG. */
export function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([len, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8; // bit depth; colour type 0 (grey) and the rest stay 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 0x80]))), // filter byte, one pixel
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A decodable 1×1 grey baseline JPEG. Both Huffman tables hold a single
 * 1-bit code for symbol 0, so the only block is "DC diff 0, end of block" = bits 00.
 */
export function jpeg(): Buffer {
  const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
  const oneCodeTable = (classAndId: number) => [classAndId, 1, ...Array(15).fill(0), 0x00];
  return Buffer.from([
    0xff, 0xd8,
    ...segment(0xe0, [...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xdb, [0x00, ...Array(64).fill(1)]),
    ...segment(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
    ...segment(0xc4, oneCodeTable(0x00)),
    ...segment(0xc4, oneCodeTable(0x10)),
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    0x3f, // bits 00 then 1-padding
    0xff, 0xd9,
  ]);
}

export interface ZipEntry {
  name: string;
  data: string | Buffer;
  /** ODF requires `mimetype` to be stored uncompressed. */
  stored?: boolean;
}

/** A minimal PKZIP writer: local headers, central directory, end record. */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = Buffer.from(entry.data);
    const packed = entry.stored ? raw : deflateRawSync(raw);
    const name = Buffer.from(entry.name, 'utf8');
    const common = [u16(20), u16(0x0800), u16(entry.stored ? 0 : 8), u16(0), u16(0x21), u32(crc32(raw)), u32(packed.length), u32(raw.length), u16(name.length), u16(0)];
    const local = Buffer.concat([u32(0x04034b50), ...common, name, packed]);
    centrals.push(Buffer.concat([u32(0x02014b50), u16(20), ...common, u16(0), u16(0), u16(0), u32(0), u32(offset), name]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(directory.length), u32(offset), u16(0)]);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = (overrides: Record<string, string>) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  Object.entries(overrides)
    .map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`)
    .join('') +
  '</Types>';

const rels = (target: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/>` +
  '</Relationships>';

const WORD_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const DOCM_MAIN = 'application/vnd.ms-word.document.macroEnabled.main+xml';
const SHEET_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const XLSM_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
const PPTX_MAIN = 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml';
const VBA = 'application/vnd.ms-office.vbaProject';

const wordDocumentXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  '<w:body><w:p><w:r><w:t>Công văn số 15/UBND</w:t></w:r></w:p></w:body></w:document>';

const workbookXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<sheets><sheet name="Trang 1" sheetId="1" r:id="rId1"/></sheets></workbook>';

const word = (main: string, extra: ZipEntry[] = []) =>
  zip([
    { name: '[Content_Types].xml', data: contentTypes({ '/word/document.xml': main, ...(extra.length ? { '/word/vbaProject.bin': VBA } : {}) }) },
    { name: '_rels/.rels', data: rels('word/document.xml') },
    { name: 'word/document.xml', data: wordDocumentXml },
    ...extra,
  ]);

const excel = (main: string) =>
  zip([
    { name: '[Content_Types].xml', data: contentTypes({ '/xl/workbook.xml': main }) },
    { name: '_rels/.rels', data: rels('xl/workbook.xml') },
    { name: 'xl/workbook.xml', data: workbookXml },
  ]);

export const docx = () => word(WORD_MAIN);
export const docm = () => word(DOCM_MAIN, [{ name: 'word/vbaProject.bin', data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) }]);
/** Claims to be a plain docx but smuggles a VBA project. */
export const docxWithVba = () =>
  zip([
    { name: '[Content_Types].xml', data: contentTypes({ '/word/document.xml': WORD_MAIN, '/word/vbaProject.bin': VBA }) },
    { name: 'word/document.xml', data: wordDocumentXml },
    { name: 'word/vbaProject.bin', data: 'x' },
  ]);
export const xlsx = () => excel(SHEET_MAIN);
export const xlsm = () => excel(XLSM_MAIN);
export const pptx = () =>
  zip([
    { name: '[Content_Types].xml', data: contentTypes({ '/ppt/presentation.xml': PPTX_MAIN }) },
    { name: 'ppt/presentation.xml', data: '<p:presentation/>' },
  ]);

/** ODF package: `mimetype` first and stored, then manifest and content. */
export function odf(mimetype: string): Buffer {
  return zip([
    { name: 'mimetype', data: mimetype, stored: true },
    {
      name: 'META-INF/manifest.xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">' +
        `<manifest:file-entry manifest:full-path="/" manifest:media-type="${mimetype}"/>` +
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>' +
        '</manifest:manifest>',
    },
    { name: 'content.xml', data: '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>' },
  ]);
}

/** An OLE2 compound file holding the given streams (paths may name nested storages). */
export function ole2(streams: Record<string, Buffer>): Buffer {
  const container = CFB.utils.cfb_new();
  for (const [path, data] of Object.entries(streams)) CFB.utils.cfb_add(container, path, data);
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

/**
 * Moves the directory of a cfb-written file to a new sector at the end of the
 * file, as Word does when saving, so that finding it needs a FAT sector listed
 * in a DIFAT sector rather than in the header. Needs a file of more than 109 FAT sectors.
 */
export function withDirectoryAtEnd(file: Buffer): Buffer {
  const oldDirectory = file.readUInt32LE(0x30);
  const sector = (id: number) => file.subarray((id + 1) * 512, (id + 2) * 512);
  const newDirectory = file.length / 512 - 1;
  const out = Buffer.concat([file, sector(oldDirectory)]);
  out.writeUInt32LE(newDirectory, 0x30);
  const fatIndex = Math.floor(newDirectory / 128);
  if (fatIndex < 109) throw new Error('sample too small to need the DIFAT chain');
  const difatSector = out.readUInt32LE(0x44);
  const fatSector = out.readUInt32LE((difatSector + 1) * 512 + (fatIndex - 109) * 4);
  out.writeUInt32LE(0xfffffffe, (fatSector + 1) * 512 + (newDirectory % 128) * 4); // end of chain
  return out;
}
