import CFB from 'cfb';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectFormat, FORMATS, type DetectResult, type FileFormat } from './detect.js';
import * as sample from './test-samples.js';

let dir: string;
let counter = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vanthu-formats-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Stored under a neutral name, as uploads are, so only `originalName` can carry an extension. */
async function detect(bytes: Buffer | string, originalName?: string): Promise<DetectResult> {
  const path = join(dir, `upload-${++counter}`);
  await writeFile(path, bytes);
  return detectFormat(path, originalName);
}

function expectAccepted(result: DetectResult, format: FileFormat): void {
  expect(result).toEqual({ ok: true, format, mediaType: FORMATS[format].mediaType });
}

function expectRefused(result: DetectResult, code: string, detected: string): string {
  expect(result).toMatchObject({ ok: false, code, detected });
  return result.ok ? '' : result.message;
}

const ACCEPTED_LIST = '.pdf, .doc, .docx, .odt, .rtf, .txt, .csv, .xls, .xlsx, .ods, .jpg, .jpeg, .png';
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(56), Buffer.from('PE\0\0', 'latin1')]);
const VIETNAMESE = 'Kính gửi: Ủy ban nhân dân tỉnh\nV/v: báo cáo tình hình thực hiện nhiệm vụ năm 2024.\n';

describe('accepted formats, identified by content', () => {
  const cases: [string, () => Buffer | string, string, FileFormat][] = [
    ['PDF', () => sample.pdf(), 'to-trinh.pdf', 'pdf'],
    ['Word .docx', sample.docx, 'cong-van.docx', 'docx'],
    ['Word 97-2003 .doc (WordDocument stream)', () => sample.ole2({ WordDocument: Buffer.alloc(600, 1), '1Table': Buffer.alloc(100) }), 'cong-van.doc', 'doc'],
    ['OpenDocument text .odt', () => sample.odf('application/vnd.oasis.opendocument.text'), 'bao-cao.odt', 'odt'],
    ['RTF', () => '{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times New Roman;}} Công văn}', 'thu-moi.rtf', 'rtf'],
    ['Vietnamese UTF-8 text', () => VIETNAMESE, 'ghi-chu.txt', 'txt'],
    ['CSV with ; delimiters', () => 'STT;Họ và tên;Đơn vị\n1;Nguyễn Văn A;Phòng Hành chính\n2;Trần Thị B;"Phòng Tài chính; Kế toán"\n', 'danh-sach.csv', 'csv'],
    ['Excel .xlsx', sample.xlsx, 'so-lieu.xlsx', 'xlsx'],
    ['Excel 97-2003 .xls (Workbook stream)', () => sample.ole2({ Workbook: Buffer.alloc(600, 2) }), 'so-lieu.xls', 'xls'],
    ['Excel 5 .xls (Book stream)', () => sample.ole2({ Book: Buffer.alloc(600, 2) }), 'cu.xls', 'xls'],
    ['OpenDocument spreadsheet .ods', () => sample.odf('application/vnd.oasis.opendocument.spreadsheet'), 'bang.ods', 'ods'],
    ['JPEG named .jpg', sample.jpeg, 'anh-chup.jpg', 'jpeg'],
    ['JPEG named .jpeg', sample.jpeg, 'anh-chup.JPEG', 'jpeg'],
    ['PNG', sample.png, 'so-do.png', 'png'],
  ];
  it.each(cases)('[Q-9.3] accepts %s', async (_label, make, name, format) => {
    expectAccepted(await detect(make(), name), format);
  });

  it.each(cases)('[Q-9.3] identifies %s without any file name', async (_label, make, _name, format) => {
    // Without a name, tabular text is plain text: csv needs the .csv name to be chosen.
    expectAccepted(await detect(make()), format === 'csv' ? 'txt' : format);
  });
});

describe('content details', () => {
  it('[Q-9.3] finds %PDF- after a preamble within the first 1024 bytes, not later', async () => {
    expectAccepted(await detect(sample.pdf('x'.repeat(1000)), 'a.pdf'), 'pdf');
    expectRefused(await detect(sample.pdf('x'.repeat(1100)), 'a.pdf'), 'FORMAT_MISMATCH', 'txt');
  });

  it('[Q-9.3] accepts UTF-8 text with a BOM and a character split at the 64 KiB sample edge', async () => {
    expectAccepted(await detect(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(VIETNAMESE)]), 'a.txt'), 'txt');
    const straddling = 'a'.repeat(64 * 1024 - 1) + 'ệ' + VIETNAMESE;
    expect(Buffer.from(straddling).subarray(64 * 1024 - 1, 64 * 1024 + 2).toString()).toBe('ệ');
    expectAccepted(await detect(straddling, 'dai.txt'), 'txt');
  });

  it('[Q-9.3] accepts tab-separated and quoted multi-line CSV, and tabular text named .txt as txt', async () => {
    expectAccepted(await detect('Mã\tTên\n01\tHà Nội\n79\tTP. Hồ Chí Minh\n', 'tinh.csv'), 'csv');
    expectAccepted(await detect('ma,ghi_chu\n1,"dòng một\ndòng hai"\n2,"có phẩy, vẫn một ô"\n', 'ghi-chu.csv'), 'csv');
    expectAccepted(await detect('a,b\n1,2\n', 'bang.txt'), 'txt');
  });

  it('[Q-9.3] refuses a .csv whose lines do not share a delimiter', async () => {
    const message = expectRefused(await detect(VIETNAMESE + 'Trân trọng, kính chào.\n', 'bao-cao.csv'), 'FORMAT_MISMATCH', 'txt');
    expect(message).toContain("Tệp 'bao-cao.csv' có đuôi .csv nhưng nội dung không phải bảng dữ liệu");
  });

  it('[Q-9.3] treats a text that merely starts with "MZ" as text, not as an executable', async () => {
    expectAccepted(await detect('MZ là ký hiệu viết tắt trong biên bản.\n', 'bien-ban.txt'), 'txt');
  });

  it('[Q-9.3] judges a name whose last segment is not an extension by content only', async () => {
    expectAccepted(await detect(sample.docx(), 'Quyết định 15.2024'), 'docx');
    expectAccepted(await detect(sample.pdf(), 'C:\\fakepath\\to-trinh.PDF'), 'pdf');
  });

  it('[Q-9.3] reads a .doc whose directory sits at the end of a large file (DIFAT chain)', async () => {
    const big = sample.ole2({ WordDocument: Buffer.alloc(600, 1), Data: Buffer.alloc(8_000_000, 7) });
    const moved = sample.withDirectoryAtEnd(big);
    expect(CFB.read(moved, { type: 'buffer' }).FullPaths.some((p) => p.endsWith('/WordDocument'))).toBe(true);
    expectAccepted(await detect(moved, 'lon.doc'), 'doc');
  });

  it('[Q-9.3] reads only the needed parts of huge files (8 GiB sparse, beyond any buffer)', async () => {
    const cases: [Buffer, FileFormat][] = [
      [sample.pdf(), 'pdf'],
      [sample.ole2({ WordDocument: Buffer.alloc(600, 1) }), 'doc'],
    ];
    for (const [bytes, format] of cases) {
      const path = join(dir, `huge-${format}`);
      await writeFile(path, bytes);
      await truncate(path, 8 * 1024 ** 3);
      expectAccepted(await detectFormat(path, `lon.${format}`), format);
    }
  });

  it('[Q-9.3] refuses an empty file', async () => {
    const result = await detect('', 'trong.pdf');
    expect(result).toEqual({ ok: false, code: 'EMPTY_FILE', message: "Tệp 'trong.pdf' rỗng (0 byte)." });
  });
});

describe('refused content', () => {
  const cases: [string, () => Buffer | string, string | undefined, string][] = [
    ['a Windows executable', () => EXE, 'setup.exe', 'exe'],
    ['a Linux executable', () => Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...Array(8).fill(0)]), undefined, 'elf'],
    ['a shell script', () => '#!/bin/sh\nrm -rf /\n', 'run.sh', 'script'],
    ['an HTML page', () => '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>', 'trang.html', 'html'],
    ['an SVG image', () => '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'logo.svg', 'svg'],
    ['an XML file', () => '<?xml version="1.0"?>\n<congvan><so>15</so></congvan>', 'du-lieu.xml', 'xml'],
    ['a GIF image', () => Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'anh.gif', 'gif'],
    ['a TIFF image', () => Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0, 0, 0]), 'scan.tif', 'tiff'],
    ['a plain zip archive', () => sample.zip([{ name: 'a.txt', data: 'xin chào' }]), 'tai-lieu.zip', 'zip'],
    ['an OpenDocument presentation', () => sample.odf('application/vnd.oasis.opendocument.presentation'), 'trinh-chieu.odp', 'odp'],
    ['a PowerPoint .pptx', sample.pptx, 'trinh-chieu.pptx', 'pptx'],
    ['a PowerPoint 97-2003 .ppt', () => sample.ole2({ 'PowerPoint Document': Buffer.alloc(600), 'Current User': Buffer.alloc(60) }), 'cu.ppt', 'ppt'],
    ['an Outlook .msg', () => sample.ole2({ '__properties_version1.0': Buffer.alloc(100) }), 'thu.msg', 'msg'],
    [
      'an Outlook .msg even when it carries an attached Word document',
      () => sample.ole2({ '__properties_version1.0': Buffer.alloc(100), '__attach_version1.0_#00000000/__substg1.0_3701000D/WordDocument': Buffer.alloc(600, 1) }),
      'thu.msg',
      'msg',
    ],
    ['a password-protected Office file', () => sample.ole2({ EncryptionInfo: Buffer.alloc(200), EncryptedPackage: Buffer.alloc(600) }), 'mat.docx', 'office-encrypted'],
    ['binary data of unknown kind', () => Buffer.from([0x00, 0x01, 0x02, 0x03, 0xfe, 0x00]), 'du-lieu.bin', 'binary'],
  ];
  it.each(cases)('[Q-9.3] refuses %s', async (_label, make, name, detected) => {
    const message = expectRefused(await detect(make(), name), 'UNSUPPORTED_FORMAT', detected);
    expect(message).toMatch(/^Định dạng tệp không được chấp nhận \(.+\)\. Chỉ nhận: /);
    expect(message).toContain(ACCEPTED_LIST);
  });

  it('[Q-9.3] refuses macro-enabled .docm and .xlsm, saying why', async () => {
    for (const [bytes, name, id] of [[sample.docm(), 'mau.docm', 'docm'], [sample.xlsm(), 'mau.xlsm', 'xlsm']] as const) {
      const message = expectRefused(await detect(bytes, name), 'UNSUPPORTED_FORMAT', id);
      expect(message).toContain('có macro');
      expect(message).toContain('mã độc');
    }
  });

  it('[Q-9.3] refuses a .docx package that carries a VBA project', async () => {
    expectRefused(await detect(sample.docxWithVba(), 'mau.docx'), 'FORMAT_MISMATCH', 'office-macro');
  });

  it('[Q-9.3] refuses text that is not UTF-8, asking for UTF-8', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VIETNAMESE, 'utf16le')]);
    const windows1258 = Buffer.from('Vi\xeat Nam\r\n', 'latin1');
    for (const [bytes, id] of [[utf16, 'utf16'], [windows1258, 'not-utf8']] as const) {
      const message = expectRefused(await detect(bytes, 'ghi-chu.txt'), 'UNSUPPORTED_FORMAT', id);
      expect(message).toContain('UTF-8');
    }
    // Without a BOM, UTF-16 is full of NUL bytes: binary.
    expectRefused(await detect(Buffer.from(VIETNAMESE, 'utf16le'), 'ghi-chu.txt'), 'FORMAT_MISMATCH', 'binary');
  });

  it('[Q-9.3] reports a damaged office file as such, not as a renamed one', async () => {
    const truncated = sample.docx().subarray(0, 200);
    const message = expectRefused(await detect(truncated, 'cong-van.docx'), 'UNSUPPORTED_FORMAT', 'zip-damaged');
    expect(message).toContain('bị hỏng');
  });
});

describe('name and content disagree', () => {
  it('[Q-9.3] refuses a .pdf that is really a Word document, naming both', async () => {
    const message = expectRefused(await detect(sample.docx(), 'a.pdf'), 'FORMAT_MISMATCH', 'docx');
    expect(message).toContain("Tệp 'a.pdf' có đuôi .pdf nhưng nội dung là tài liệu Word (.docx)");
  });

  it('[Q-9.3] refuses an executable renamed .pdf', async () => {
    const message = expectRefused(await detect(EXE, 'hoa-don.pdf'), 'FORMAT_MISMATCH', 'exe');
    expect(message).toContain("Tệp 'hoa-don.pdf' có đuôi .pdf nhưng nội dung là tệp chạy Windows (.exe)");
    expect(message).toContain('không được chấp nhận');
  });

  it('[Q-9.3] refuses an HTML page named .txt', async () => {
    const message = expectRefused(await detect('<html><body>Thông báo</body></html>', 'thong-bao.txt'), 'FORMAT_MISMATCH', 'html');
    expect(message).toContain('có đuôi .txt nhưng nội dung là trang HTML');
  });

  it('[Q-9.3] refuses a macro-enabled document renamed .docx', async () => {
    expectRefused(await detect(sample.docm(), 'mau.docx'), 'FORMAT_MISMATCH', 'docm');
  });

  const swapped: [string, () => Buffer | string, string, string][] = [
    ['.xlsx content named .xls', sample.xlsx, 'bang.xls', 'xlsx'],
    ['.doc content named .docx', () => sample.ole2({ WordDocument: Buffer.alloc(600, 1) }), 'cv.docx', 'doc'],
    ['PNG content named .jpg', sample.png, 'anh.jpg', 'png'],
    ['.odt content named .docx', () => sample.odf('application/vnd.oasis.opendocument.text'), 'vb.docx', 'odt'],
    ['RTF content named .doc', () => '{\\rtf1 Công văn}', 'cv.doc', 'rtf'],
    ['plain text named .pdf', () => VIETNAMESE, 'vb.pdf', 'txt'],
    ['PDF named .exe', () => sample.pdf(), 'tai-lieu.exe', 'pdf'],
    ['plain text named .html', () => VIETNAMESE, 'trang.html', 'txt'],
  ];
  it.each(swapped)('[Q-9.3] refuses %s', async (_label, make, name, detected) => {
    const message = expectRefused(await detect(make(), name), 'FORMAT_MISMATCH', detected);
    const ext = name.slice(name.lastIndexOf('.'));
    expect(message).toContain(`Tệp '${name}' có đuôi ${ext} nhưng nội dung là `);
    expect(message).toContain(`(.${FORMATS[detected as FileFormat].extensions[0]})`);
  });
});

describe('FORMATS table', () => {
  it('[Q-9.3] lists exactly the accepted formats, each with a media type and a Vietnamese label', () => {
    expect(Object.keys(FORMATS).sort()).toEqual(['csv', 'doc', 'docx', 'jpeg', 'ods', 'odt', 'pdf', 'png', 'rtf', 'txt', 'xls', 'xlsx']);
    expect(Object.values(FORMATS).flatMap((f) => f.extensions).map((e) => `.${e}`).join(', ')).toBe(ACCEPTED_LIST);
    for (const { mediaType, label } of Object.values(FORMATS)) {
      expect(mediaType).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
      expect(label).toMatch(/^(Tài liệu|Văn bản|Bảng|Ảnh) /);
    }
  });
});
