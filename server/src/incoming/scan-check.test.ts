import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from '@cantoo/pdf-lib';
import { A4, scanPdf } from '../../test/harness/samples.js';
import { checkDigitisedScan } from './scan-check.js';

describe('digitised paper documents', () => {
  let dir: string;
  const file = async (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    await writeFile(path, bytes);
    return path;
  };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vanthu-scan-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('[Q-11.2b] accepts a colour A4 scan at 200 dpi, 100 % scale, PDF 1.4 or later', async () => {
    const report = await checkDigitisedScan(await file('ok.pdf', await scanPdf({ dpi: 200, colour: true, pages: 2 })));
    expect(report).toMatchObject({ ok: true, pages: 2, problems: [] });
  });

  it('a file that is not a readable PDF is refused in words, without the server\'s file path', async () => {
    const path = await file('hong.pdf', Buffer.from('%PDF-1.7\nkhông phải PDF'));
    const report = await checkDigitisedScan(path);
    expect(report).toMatchObject({ ok: false, problems: [{ code: 'UNREADABLE', message: expect.stringMatching(/^Không đọc được tệp PDF \(tệp hỏng hoặc không phải PDF\)/) }] });
    expect(report.problems[0].message).not.toContain(dir);
  });

  it('[Q-11.2b] names the page and the resolution of a scan below 200 dpi', async () => {
    const report = await checkDigitisedScan(await file('low.pdf', await scanPdf({ dpi: 150, colour: true })));
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([{ page: 1, code: 'LOW_RESOLUTION', message: 'Trang 1 có độ phân giải 150 dpi; bản số hóa cần tối thiểu 200 dpi.' }]);
  });

  it('[Q-11.2b] refuses a greyscale scan', async () => {
    const report = await checkDigitisedScan(await file('grey.pdf', await scanPdf({ dpi: 300, colour: false })));
    expect(report.problems.map((p) => p.code)).toEqual(['NOT_COLOUR']);
    expect(report.problems[0].message).toMatch(/Trang 1 .*ảnh màu/);
  });

  it('[Q-11.2b] refuses a page that is not a paper size (not 100 % scale) and a PDF older than 1.4', async () => {
    const shrunk = await checkDigitisedScan(await file('shrunk.pdf', await scanPdf({ dpi: 300, colour: true, pageSize: [500, 700] })));
    expect(shrunk.problems.map((p) => p.code)).toEqual(['NOT_FULL_SCALE']);
    const old = await checkDigitisedScan(await file('old.pdf', await scanPdf({ dpi: 300, colour: true, version: '1.3' })));
    expect(old.problems).toEqual([{ code: 'PDF_VERSION', message: 'Tệp là PDF 1.3; bản số hóa phải là PDF 1.4 trở lên.' }]);
  });

  it('[Q-11.2b] a text PDF has no scanned image; a broken file is reported, not thrown', async () => {
    const doc = await PDFDocument.create();
    doc.addPage(A4);
    expect((await checkDigitisedScan(await file('text.pdf', Buffer.from(await doc.save())))).problems.map((p) => p.code)).toEqual(['NO_IMAGE']);
    expect((await checkDigitisedScan(await file('broken.pdf', Buffer.from('%PDF-1.7\nnot really')))).problems[0].code).toBe('UNREADABLE');
  });
});
