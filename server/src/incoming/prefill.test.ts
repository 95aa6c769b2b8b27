import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fontkit from '@cantoo/fontkit';
import { PDFDocument } from '@cantoo/pdf-lib';
import { describeEngines } from '../../test/harness/engines.js';
import { call, login, startTestApp, type Session, type TestApp } from '../../test/harness/app.js';
import { multipart } from '../../test/harness/samples.js';
import { DEFAULT_FONT_PATH, loadP12Signer, signPdf } from '../signing/index.js';
import { createTestPki, P12_PASSWORD, type TestPki } from '../signing/testing/test-pki.js';
import { readLayout } from './prefill.js';

/** A document laid out as NĐ30 Appendix I: heading left, national motto right, then number, date, type, summary. */
async function officialPdf(lines: [number, number, string][]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(await readFile(DEFAULT_FONT_PATH), { subset: true });
  const page = doc.addPage([595.28, 841.89]);
  for (const [x, y, text] of lines) page.drawText(text, { x, y, size: 13, font });
  return Buffer.from(await doc.save());
}

const DECISION: [number, number, string][] = [
  [60, 780, 'ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN'],
  [300, 780, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
  [90, 762, 'SỞ NỘI VỤ'],
  [330, 762, 'Độc lập - Tự do - Hạnh phúc'],
  [70, 735, 'Số: 125/QĐ-SNV'],
  [320, 735, 'Thái Nguyên, ngày 5 tháng 3 năm 2026'],
  [240, 700, 'QUYẾT ĐỊNH'],
  [140, 682, 'Về việc ban hành Danh mục hồ sơ năm 2026'],
];

describe('reading the layout of an official document', () => {
  it('finds number, symbol, date, issuer, type and summary; a Công văn by its "V/v" line', () => {
    const whole = ['ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'SỞ NỘI VỤ Độc lập - Tự do - Hạnh phúc', 'Số: 125/QĐ-SNV Thái Nguyên, ngày 5 tháng 3 năm 2026', 'QUYẾT ĐỊNH', 'Về việc ban hành Danh mục hồ sơ năm 2026'];
    const left = ['ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN', 'SỞ NỘI VỤ', 'Số: 125/QĐ-SNV', 'QUYẾT ĐỊNH'];
    expect(readLayout(whole, left)).toMatchObject({
      issuerName: 'SỞ NỘI VỤ',
      codeNumber: '125',
      codeNotation: 'QĐ-SNV',
      issuedDate: '2026-03-05',
      typeName: 'Quyết định',
      subject: 'Về việc ban hành Danh mục hồ sơ năm 2026',
    });
    expect(readLayout(['BỘ NỘI VỤ', 'Số: 4521/BNV-VTLTNN', 'V/v hướng dẫn lập hồ sơ điện tử', 'Hà Nội, ngày 12 tháng 11 năm 2026'])).toEqual({
      codeNumber: '4521',
      codeNotation: 'BNV-VTLTNN',
      issuedDate: '2026-11-12',
      issuerName: 'BỘ NỘI VỤ',
      typeName: 'Công văn',
      subject: 'Về việc hướng dẫn lập hồ sơ điện tử',
    });
  });
});

describeEngines('prefill from an uploaded PDF', (db) => {
  let t: TestApp;
  let pki: TestPki;
  let clerk: Session;
  beforeAll(async () => {
    [t, pki] = await Promise.all([startTestApp(db()), createTestPki()]);
    clerk = await login(t.app, 'vanthu.ubnd');
  });
  afterAll(async () => {
    await t.close();
    await pki.cleanup();
  });

  it('suggests the fields from the text layer, the issuer from the directory and the signer from the signature', async () => {
    const pdf = await signPdf(await officialPdf(DECISION), loadP12Signer(pki.p12.rsa, P12_PASSWORD), { signingTime: new Date() });
    const body = multipart('qd-125.pdf', pdf);
    const fileId = (await t.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf, 'content-type': body.contentType }, payload: body.payload })).json().id;
    const res = await call(t.app, clerk, 'POST', '/api/incoming/prefill', { fileId });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      issuerName: 'Sở Nội vụ tỉnh Thái Nguyên',
      issuerCode: '000.00.05.H55',
      codeNumber: '125',
      codeNotation: 'QĐ-SNV',
      issuedDate: '2026-03-05',
      typeName: 'Quyết định',
      subject: 'Về việc ban hành Danh mục hồ sơ năm 2026',
      signerName: 'Nguyễn Văn Ánh',
      pageAmount: 1,
    });
  });
});
