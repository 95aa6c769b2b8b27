import { open } from 'node:fs/promises';
import type { FileFormat } from './detect.js';
import { ole2RootNames } from './ole2.js';
import { readZipFacts, type ZipFacts } from './zip.js';

/** What the bytes are, before the file name is taken into account. */
export type Content =
  | { kind: 'empty' }
  | { kind: 'binary'; format: Exclude<FileFormat, 'txt' | 'csv'> }
  /** UTF-8 text; txt or csv is decided with the name. */
  | { kind: 'text'; text: string; complete: boolean }
  | Refusal;

export interface Refusal {
  kind: 'refused';
  /** Short machine id, reported as `detected`. */
  id: string;
  /** Vietnamese description, e.g. 'tệp chạy Windows (.exe)'. */
  what: string;
  /** Vietnamese reason or advice when the description alone does not explain the refusal. */
  why?: string;
  /** Accepted extensions this content may honestly carry: a UTF-16 .txt or a truncated .docx is not a renamed file. */
  honestExtensions?: string[];
}

/** Enough for the text checks; also covers the PDF window and the OLE2 header. */
const HEAD_BYTES = 64 * 1024;
const PDF_WINDOW = 1024;

const refused = (id: string, what: string, why?: string, honestExtensions?: string[]): Refusal => ({
  kind: 'refused',
  id,
  what,
  why,
  honestExtensions,
});

const startsWith = (head: Buffer, magic: number[] | string): boolean => {
  const bytes = typeof magic === 'string' ? Buffer.from(magic, 'latin1') : Buffer.from(magic);
  return head.length >= bytes.length && head.subarray(0, bytes.length).equals(bytes);
};

const DAMAGED_WHY = 'không đọc được cấu trúc tệp, có thể tệp tải lên chưa trọn vẹn';

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Recognised only so the refusal can name what the user sent. */
const REFUSED_MAGIC: { magic: number[] | string; id: string; what: string }[] = [
  { magic: [0x7f, 0x45, 0x4c, 0x46], id: 'elf', what: 'tệp chạy Linux (ELF)' },
  { magic: '#!', id: 'script', what: 'tập lệnh (script)' },
  { magic: 'GIF8', id: 'gif', what: 'ảnh GIF' },
  { magic: [0x49, 0x49, 0x2a, 0x00], id: 'tiff', what: 'ảnh TIFF' },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], id: 'tiff', what: 'ảnh TIFF' },
  { magic: [0x1f, 0x8b], id: 'gzip', what: 'tệp nén GZIP' },
  { magic: 'Rar!\x1a\x07', id: 'rar', what: 'tệp nén RAR' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], id: '7z', what: 'tệp nén 7z' },
];

export async function sniffContent(path: string): Promise<Content> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    if (size === 0) return { kind: 'empty' };
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    const bytes = head.subarray(0, bytesRead);

    if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'binary', format: 'png' };
    if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'binary', format: 'jpeg' };
    if (startsWith(bytes, 'PK\x03\x04') || startsWith(bytes, 'PK\x05\x06')) return classifyZip(path);
    if (startsWith(bytes, OLE2_MAGIC)) {
      try {
        return classifyOle2(await ole2RootNames(file, size));
      } catch {
        return refused('ole2-damaged', 'tệp Office đời cũ bị hỏng', DAMAGED_WHY, ['doc', 'xls']);
      }
    }
    if (startsWith(bytes, '{\\rtf')) return { kind: 'binary', format: 'rtf' };
    // Windows executables always carry NULs in their header; a text that happens to start "MZ" does not.
    if (startsWith(bytes, 'MZ') && bytes.subarray(0, 64).includes(0)) {
      return refused('exe', 'tệp chạy Windows (.exe)');
    }
    const known = REFUSED_MAGIC.find((m) => startsWith(bytes, m.magic));
    if (known) return refused(known.id, known.what);
    // Checked after executables so an .exe cannot pass as PDF by embedding the marker.
    if (bytes.subarray(0, PDF_WINDOW).includes('%PDF-', 0, 'latin1')) return { kind: 'binary', format: 'pdf' };
    return sniffText(bytes, bytesRead === size);
  } finally {
    await file.close();
  }
}

const ODF_TYPES: Record<string, Content> = {
  'application/vnd.oasis.opendocument.text': { kind: 'binary', format: 'odt' },
  'application/vnd.oasis.opendocument.spreadsheet': { kind: 'binary', format: 'ods' },
  'application/vnd.oasis.opendocument.presentation': refused('odp', 'bản trình chiếu OpenDocument (.odp)'),
  'application/epub+zip': refused('epub', 'sách điện tử EPUB'),
};

const MACRO_WHY = 'tệp có macro có thể chứa mã độc; hãy lưu lại thành .docx hoặc .xlsx không có macro';

async function classifyZip(path: string): Promise<Content> {
  let facts: ZipFacts;
  try {
    facts = await readZipFacts(path);
  } catch {
    return refused('zip-damaged', 'tệp nén ZIP bị hỏng', DAMAGED_WHY, ['docx', 'xlsx', 'odt', 'ods']);
  }
  if (facts.mimetype !== undefined) {
    const known = ODF_TYPES[facts.mimetype];
    if (known) return known;
    if (facts.mimetype.startsWith('application/vnd.oasis.opendocument.')) {
      return refused('odf', 'tài liệu OpenDocument loại khác (không phải văn bản hay bảng tính)');
    }
  }
  const types = facts.contentTypes;
  if (!types) return refused('zip', 'tệp nén ZIP');
  const has = (t: string) => types.includes(t);
  // Macros first: a package that carries a VBA project is refused whatever its main part says.
  if (has('application/vnd.ms-word.document.macroenabled.main+xml')) {
    return refused('docm', 'tài liệu Word có macro (.docm)', MACRO_WHY);
  }
  if (has('application/vnd.ms-excel.sheet.macroenabled.main+xml')) {
    return refused('xlsm', 'bảng tính Excel có macro (.xlsm)', MACRO_WHY);
  }
  if (types.some((t) => t.includes('macroenabled') || t.includes('vbaproject'))) {
    return refused('office-macro', 'tệp Office có macro', MACRO_WHY);
  }
  if (has('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml')) {
    return { kind: 'binary', format: 'docx' };
  }
  if (has('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml')) {
    return { kind: 'binary', format: 'xlsx' };
  }
  if (types.some((t) => t.includes('presentationml'))) return refused('pptx', 'bản trình chiếu PowerPoint (.pptx)');
  if (types.some((t) => t.includes('.template.main+xml'))) return refused('office-template', 'tệp mẫu Office (.dotx, .xltx)');
  return refused('ooxml', 'tệp Office Open XML loại khác');
}

function classifyOle2(rootNames: string[]): Content {
  // Directory names are case-insensitive in the compound file format.
  const names = new Set(rootNames.map((n) => n.toLowerCase()));
  if (names.has('worddocument')) return { kind: 'binary', format: 'doc' };
  // "Workbook" is BIFF8 (Excel 97+), "Book" the older BIFF5.
  if (names.has('workbook') || names.has('book')) return { kind: 'binary', format: 'xls' };
  if (names.has('powerpoint document')) return refused('ppt', 'bản trình chiếu PowerPoint 97-2003 (.ppt)');
  if (names.has('encryptedpackage')) {
    const why = 'hãy gỡ mật khẩu rồi gửi lại';
    return refused('office-encrypted', 'tệp Office được đặt mật khẩu', why, ['docx', 'xlsx']);
  }
  if (names.has('__properties_version1.0')) return refused('msg', 'thư Outlook (.msg)');
  return refused('ole2', 'tệp Office đời cũ loại khác');
}

const UTF8_ADVICE = 'hãy lưu lại tệp với bảng mã UTF-8';

function sniffText(head: Buffer, complete: boolean): Content {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    return refused('utf16', 'văn bản mã UTF-16', UTF8_ADVICE, ['txt', 'csv']);
  }
  if (head.includes(0)) return refused('binary', 'tệp nhị phân không rõ loại');
  let text: string;
  try {
    // `stream` keeps a multi-byte character cut at the end of the sample from counting as invalid.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
  } catch {
    return refused('not-utf8', 'văn bản không dùng bảng mã UTF-8', UTF8_ADVICE, ['txt', 'csv']);
  }
  const markup = markupKind(text);
  return markup ?? { kind: 'text', text, complete };
}

/** Markup is refused even as text: browsers and viewers would render or execute it. */
function markupKind(text: string): Refusal | undefined {
  const start = text.trimStart().slice(0, 2048);
  if (!/^<(\?xml|!doctype|!--|html|head|body|script|svg)\b/i.test(start)) return undefined;
  if (/<svg\b/i.test(start)) return refused('svg', 'ảnh SVG');
  if (/^<(\?xml)/i.test(start)) return refused('xml', 'tệp XML');
  return refused('html', 'trang HTML');
}

/**
 * A CSV is "tabular" when its first records share one delimiter (, ; or tab)
 * the same non-zero number of times, counting only outside double quotes.
 */
export function looksTabular(text: string, complete: boolean): boolean {
  const records = firstRecords(text, complete, 20).filter((r, i) => !(i === 0 && /^sep=.$/.test(r)));
  if (records.length === 0) return false;
  return [',', ';', '\t'].some((delimiter) => {
    const counts = records.map((r) => countOutsideQuotes(r, delimiter));
    return counts[0] > 0 && counts.every((c) => c === counts[0]);
  });
}

/** Splits on newlines outside quotes; an unfinished last record of a truncated sample is dropped. */
function firstRecords(text: string, complete: boolean, limit: number): string[] {
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length && records.length < limit; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) {
      records.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (complete && records.length < limit) records.push(text.slice(start));
  return records.map((r) => r.replace(/\r$/, '')).filter((r) => r.trim() !== '');
}

function countOutsideQuotes(record: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const c of record) {
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) count++;
  }
  return count;
}
