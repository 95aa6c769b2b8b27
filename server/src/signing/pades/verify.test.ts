import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, PDFName, PDFString, StandardFonts } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadP12Signer } from '../backends/p12.js';
import type { KeySigner } from '../signer.js';
import { makeTestPdf } from '../testing/test-pdf.js';
import { createTestPki, keySigner, P12_PASSWORD, type TestPki } from '../testing/test-pki.js';
import { lastSlot, signedParts } from './byte-range.js';
import { buildSignedData } from './cms.js';
import { embedCms, preparePdf, signPdf } from './sign.js';
import { verifyPdf, type VerifyOptions } from './verify.js';

const run = promisify(execFile);

let pki: TestPki;
let pdf: Buffer;
let rsa: KeySigner;
let ecdsa: KeySigner;
let signedOnce: Buffer;
let signedTwice: Buffer;
const signingTime = new Date(Date.now() - 60_000);

beforeAll(async () => {
  [pki, pdf] = await Promise.all([createTestPki(), makeTestPdf({ pages: 2 })]);
  rsa = loadP12Signer(pki.p12.rsa, P12_PASSWORD);
  ecdsa = loadP12Signer(pki.p12.ecdsa, P12_PASSWORD);
  signedOnce = await signPdf(pdf, rsa, { signingTime, reason: 'Ban hành văn bản', location: 'Thái Nguyên' });
  signedTwice = await signPdf(signedOnce, ecdsa, { signingTime, reason: 'Đóng dấu cơ quan' });
});
afterAll(() => pki?.cleanup());

const trusted = (extra: Partial<VerifyOptions> = {}): VerifyOptions => ({ trustAnchors: [pki.root], crls: pki.crls, ...extra });

/** An incremental update by an ordinary editor, made after signing. */
async function editAfterSigning(signed: Buffer, edit: (doc: PDFDocument) => Promise<void> | void): Promise<Buffer> {
  const doc = await PDFDocument.load(signed, { forIncrementalUpdate: true, updateMetadata: false });
  await edit(doc);
  return Buffer.from(await doc.commit({ useObjectStreams: false }));
}

describe('verifying signatures VănThư made', () => {
  it('[Q-4.1] shows who signed, when, for what, and that the signature is valid', async () => {
    const result = await verifyPdf(signedOnce, trusted());
    expect(result.indication).toBe('VALID');
    expect(result.message).toBe('Chữ ký số hợp lệ.');
    const [signature] = result.signatures;
    expect(signature).toMatchObject({
      indication: 'VALID',
      fieldName: 'Signature1',
      subFilter: 'ETSI.CAdES.detached',
      reason: 'Ban hành văn bản',
      location: 'Thái Nguyên',
      coversWholeFile: true,
      revision: 2,
      revocation: 'good',
      changesAfter: [],
      signingTimeSource: 'pdf-m',
      signer: {
        commonName: 'Nguyễn Văn Ánh',
        organization: 'Sở Nội vụ tỉnh Thái Nguyên',
        subject: 'CN=Nguyễn Văn Ánh, O=Sở Nội vụ tỉnh Thái Nguyên, C=VN',
        issuerCommonName: 'VănThư Test Sub CA',
        serialNumber: pki.rsa.serialNumber,
      },
    });
    expect(signature.signingTime).toEqual(new Date(Math.floor(signingTime.getTime() / 1000) * 1000));
    expect(signature.chain).toHaveLength(3);
    expect(signature.message).toMatch(/^Chữ ký hợp lệ\. Người ký: Nguyễn Văn Ánh \(Sở Nội vụ tỉnh Thái Nguyên\), ký lúc \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00\.$/);
  });

  it('[Q-6.1d] two signatures in a row: both valid, the first reports the second as the only later change', async () => {
    const result = await verifyPdf(signedTwice, trusted());
    expect(result.indication).toBe('VALID');
    expect(result.message).toBe('Cả 2 chữ ký số đều hợp lệ.');
    expect(result.signatures.map((s) => [s.indication, s.coversWholeFile, s.changesAfter, s.signer?.serialNumber])).toEqual([
      ['VALID', false, ['signature'], pki.rsa.serialNumber],
      ['VALID', true, [], pki.ecdsa.serialNumber],
    ]);
    expect(result.signatures[0].message).toContain('Sau khi ký, tệp có thêm: chữ ký khác.');
  });

  it('never reports a certificate as good without revocation information', async () => {
    const result = await verifyPdf(signedOnce, { trustAnchors: [pki.root] });
    expect([result.indication, result.subIndication, result.signatures[0].revocation]).toEqual(['INDETERMINATE', 'TRY_LATER', 'unknown']);
    expect(result.signatures[0].message).toContain('Chưa xác định được tình trạng thu hồi của chứng thư "Nguyễn Văn Ánh"');
  });

  it('treats a CRL past its next update as no information', async () => {
    const inTwoMonths = new Date(Date.now() + 60 * 86_400_000);
    const result = await verifyPdf(signedOnce, trusted({ now: inTwoMonths }));
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'TRY_LATER']);
  });

  it('accepts an intermediate CA the agency trusts directly', async () => {
    const result = await verifyPdf(signedOnce, trusted({ trustAnchors: [pki.rsa.chain[1]] }));
    expect(result.indication, result.message).toBe('VALID');
    expect(result.signatures[0].chain).toHaveLength(2);
  });

  it('reads a file saved with a classic cross-reference table as well', async () => {
    const classic = await makeTestPdf({ classicXref: true });
    const signed = await signPdf(await signPdf(classic, ecdsa, { signingTime }), rsa, { signingTime });
    expect((await verifyPdf(signed, trusted())).indication).toBe('VALID');
  });
});

describe('[Q-6.1d] detecting what is wrong', () => {
  it('a flipped byte in the signed content: INVALID, HASH_FAILURE', async () => {
    const tampered = Buffer.from(signedTwice);
    const at = tampered.indexOf('/MediaBox');
    tampered[at + 1] = 'm'.charCodeAt(0);
    const result = await verifyPdf(tampered, trusted());
    expect([result.indication, result.subIndication]).toEqual(['INVALID', 'HASH_FAILURE']);
    expect(result.signatures.map((s) => s.subIndication)).toEqual(['HASH_FAILURE', 'HASH_FAILURE']);
    expect(result.message).toBe('2/2 chữ ký không hợp lệ. Chữ ký thứ 1: Chữ ký không hợp lệ: Nội dung tài liệu đã bị thay đổi sau khi ký (giá trị băm không khớp).');
  });

  it('a signature value that does not verify: INVALID, SIG_CRYPTO_FAILURE', async () => {
    const { prepared, toBeSigned } = await preparePdf(pdf, pki.rsa.chain, { signingTime });
    const forged = Buffer.from(await rsa.sign(toBeSigned));
    forged[10] ^= 0xff;
    const result = await verifyPdf(embedCms(prepared, buildSignedData(toBeSigned, forged, pki.rsa.chain, 'RSA')), trusted());
    expect([result.indication, result.subIndication]).toEqual(['INVALID', 'SIG_CRYPTO_FAILURE']);
  });

  it('page content changed by an incremental update after signing: INVALID, and the page is named', async () => {
    const edited = await editAfterSigning(signedOnce, async (doc) => {
      const font = await doc.embedFont(StandardFonts.Helvetica);
      doc.getPage(1).drawText('DA SUA SAU KHI KY', { x: 60, y: 400, size: 20, font });
    });
    expect(edited.subarray(0, signedOnce.length).equals(signedOnce)).toBe(true);
    const result = await verifyPdf(edited, trusted());
    const [signature] = result.signatures;
    expect([result.indication, signature.subIndication, signature.changesAfter]).toEqual(['INVALID', 'SIG_CONSTRAINTS_FAILURE', ['page-content']]);
    expect(signature.message).toBe('Chữ ký không hợp lệ: Nội dung trang (trang 2) đã bị thay đổi sau khi ký.');
  });

  it('a page added after signing counts as changed content', async () => {
    const edited = await editAfterSigning(signedOnce, (doc) => void doc.addPage());
    const result = await verifyPdf(edited, trusted());
    expect(result.signatures[0].changesAfter).toContain('page-content');
    expect(result.indication).toBe('INVALID');
  });

  it('an annotation added after signing that draws on the page (a white square): INVALID, like changed content (issue 11 item 3)', async () => {
    const edited = await editAfterSigning(signedOnce, (doc) => {
      const note = doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Square', Rect: [50, 50, 300, 300], C: [1, 1, 1], IC: [1, 1, 1] }));
      doc.getPage(0).node.set(PDFName.of('Annots'), doc.context.obj([note]));
    });
    const result = await verifyPdf(edited, trusted());
    expect([result.indication, result.signatures[0].changesAfter]).toEqual(['INVALID', ['annotation']]);
    expect(result.signatures[0].message).toBe('Chữ ký không hợp lệ: Sau khi ký, tệp có thêm chú thích vẽ lên trang 1: nội dung hiển thị không còn đúng như khi ký.');
  });

  it('an annotation added after signing that is hidden (F=2): INDETERMINATE, it may still cover signed content', async () => {
    const edited = await editAfterSigning(signedOnce, (doc) => {
      const note = doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Square', F: 2, Rect: [50, 50, 300, 300], C: [1, 1, 1], IC: [1, 1, 1] }));
      doc.getPage(0).node.set(PDFName.of('Annots'), doc.context.obj([note]));
    });
    const result = await verifyPdf(edited, trusted());
    expect([result.indication, result.signatures[0].changesAfter]).toEqual(['INDETERMINATE', ['annotation']]);
  });

  it('a script added to the document after signing: INDETERMINATE, an unexplained change', async () => {
    const edited = await editAfterSigning(signedOnce, (doc) => {
      doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
    });
    const result = await verifyPdf(edited, trusted());
    expect([result.indication, result.signatures[0].changesAfter]).toEqual(['INDETERMINATE', ['other']]);
    expect(result.signatures[0].message).toBe(
      'Chưa xác định được chữ ký có hợp lệ hay không: Tệp có thay đổi khác sau khi ký (không phải chữ ký hay điền biểu mẫu); cần xem xét.',
    );
  });

  it('filling a form field reserved for the number after signing is fine', async () => {
    const doc = await PDFDocument.load(pdf);
    doc.getForm().createTextField('so_ky_hieu').addToPage(doc.getPage(0), { x: 400, y: 700, width: 150, height: 20 });
    const withField = await signPdf(Buffer.from(await doc.save()), rsa, { signingTime });
    const filled = await editAfterSigning(withField, (d) => d.getForm().getTextField('so_ky_hieu').setText('123/QD-SNV'));
    const result = await verifyPdf(filled, trusted());
    expect([result.indication, result.signatures[0].changesAfter], result.message).toEqual(['VALID', ['form-fill']]);
  });

  it('an expired certificate: INDETERMINATE, OUT_OF_BOUNDS_NO_POE', async () => {
    const result = await verifyPdf(await signPdf(pdf, keySigner(pki.expired), { signingTime }), trusted());
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE']);
    expect(result.signatures[0].message).toContain('Chứng thư số đã hết hạn vào thời điểm ký (hết hạn 2021-01-01T07:00:00+07:00)');
  });

  it('[Q-6.1d] an expired certificate claiming a time it was valid: the claim proves nothing, INDETERMINATE (proof-of-existence.test.ts)', async () => {
    const signed = await signPdf(pdf, keySigner(pki.expired), { signingTime: new Date('2020-06-01T00:00:00Z') });
    const result = await verifyPdf(signed, trusted());
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE']);
  });

  it('a signing time before the certificate was issued: INVALID, NOT_YET_VALID', async () => {
    const result = await verifyPdf(await signPdf(pdf, rsa, { signingTime: new Date('2020-01-01T00:00:00Z') }), trusted());
    expect([result.indication, result.subIndication]).toEqual(['INVALID', 'NOT_YET_VALID']);
  });

  it('a revoked certificate: INDETERMINATE, REVOKED_NO_POE, with the date and reason', async () => {
    const result = await verifyPdf(await signPdf(pdf, keySigner(pki.revoked), { signingTime }), trusted());
    expect([result.indication, result.subIndication, result.signatures[0].revocation]).toEqual(['INDETERMINATE', 'REVOKED_NO_POE', 'revoked']);
    expect(result.signatures[0].message).toMatch(/Chứng thư số đã bị thu hồi từ .*\+07:00 \(lý do: lộ khoá bí mật\)/);
  });

  it('a certificate from a CA outside the trust list: INDETERMINATE, NO_CERTIFICATE_CHAIN_FOUND', async () => {
    const result = await verifyPdf(await signPdf(pdf, keySigner(pki.untrusted), { signingTime }), trusted());
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND']);
    expect(result.signatures[0].signer?.commonName).toBe('Hoàng Văn Lạ');
    // Trusting that CA changes the answer: the trust list, not the signature, was the problem.
    const trustedNow = await verifyPdf(await signPdf(pdf, keySigner(pki.untrusted), { signingTime }), trusted({ trustAnchors: [pki.untrustedRoot] }));
    expect(trustedNow.subIndication).toBe('TRY_LATER');
  });

  it('a certificate not issued for signing: INDETERMINATE, CHAIN_CONSTRAINTS_FAILURE', async () => {
    const result = await verifyPdf(await signPdf(pdf, keySigner(pki.noSigningUsage), { signingTime }), trusted());
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE']);
  });

  it('a prepared signature never completed: INVALID, FORMAT_FAILURE', async () => {
    const { prepared } = await preparePdf(pdf, pki.rsa.chain, { signingTime });
    const result = await verifyPdf(prepared, trusted());
    expect([result.indication, result.subIndication, result.signatures[0].message]).toEqual(['INVALID', 'FORMAT_FAILURE', 'Chữ ký không hợp lệ: Ô chữ ký còn trống: việc ký chưa hoàn tất.']);
  });
});

describe('[Q-6.1d] signatures made by other tools', () => {
  it('openssl cms -sign into our placeholder (signingTime attribute, no ESS): VALID, with a PAdES warning', async () => {
    const { prepared } = await preparePdf(pdf, pki.ecdsa.chain, { signingTime });
    const content = join(pki.dir, 'content.bin');
    await writeFile(content, Buffer.concat(signedParts(prepared, lastSlot(prepared)!.byteRange)));
    const { stdout: cms } = await run(
      'openssl',
      ['cms', '-sign', '-binary', '-in', content, '-signer', pki.ecdsa.certFile, '-inkey', pki.ecdsa.keyFile, '-certfile', pki.ecdsa.chainFile, '-md', 'sha256', '-outform', 'DER'],
      { encoding: 'buffer' },
    );
    const result = await verifyPdf(embedCms(prepared, cms), trusted());
    expect(result.indication, result.message).toBe('VALID');
    expect(result.signatures[0].signingTimeSource).toBe('signing-time-attribute');
    expect(result.signatures[0].warnings).toContain('Thiếu thuộc tính ESS signing-certificate-v2: chữ ký chưa đạt chuẩn PAdES B-B.');
  });
});

describe('files that are not what they should be', () => {
  it('an unsigned PDF', async () => {
    expect(await verifyPdf(pdf, trusted())).toEqual({ indication: 'INDETERMINATE', problem: 'NOT_SIGNED', message: 'Tệp PDF không có chữ ký số.', encrypted: false, signatures: [] });
  });

  it('something that is not a PDF at all', async () => {
    const result = await verifyPdf(Buffer.from('PK\x03\x04 không phải PDF'), trusted());
    expect([result.indication, result.problem, result.message]).toEqual(['INVALID', 'NOT_PDF', 'Tệp không phải là tệp PDF.']);
  });

  it('a PDF header followed by garbage', async () => {
    const result = await verifyPdf(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 0x41)]), trusted());
    expect([result.indication, result.subIndication, result.problem]).toEqual(['INVALID', 'FORMAT_FAILURE', 'UNREADABLE']);
  });

  it('a signed PDF cut short: INVALID, FORMAT_FAILURE, nothing thrown', async () => {
    const cut = signedTwice.subarray(0, signedTwice.length - 4000);
    const result = await verifyPdf(cut, trusted());
    expect(result.indication).toBe('INVALID');
    expect(result.signatures.at(-1)?.subIndication).toBe('FORMAT_FAILURE');
    expect(result.signatures.at(-1)?.message).toBe('Chữ ký không hợp lệ: Phạm vi ký (ByteRange) vượt quá độ dài tệp: tệp đã bị cắt bớt hoặc sửa đổi.');
  });

  it('an encrypted unsigned PDF', async () => {
    const plain = join(pki.dir, 'plain.pdf');
    const locked = join(pki.dir, 'locked.pdf');
    await writeFile(plain, pdf);
    await run('qpdf', ['--encrypt', '', 'chu-so-huu', '256', '--', plain, locked]);
    const result = await verifyPdf(await readFile(locked), trusted());
    expect(result).toMatchObject({ indication: 'INDETERMINATE', problem: 'ENCRYPTED', encrypted: true, message: 'Tệp PDF được mã hoá và không tìm thấy chữ ký số nào đọc được.' });
  });

  it('a signed PDF encrypted afterwards (rewritten by qpdf): not valid, nothing thrown', async () => {
    const signed = join(pki.dir, 'signed.pdf');
    const locked = join(pki.dir, 'signed-locked.pdf');
    await writeFile(signed, signedOnce);
    await run('qpdf', ['--encrypt', '', 'chu-so-huu', '256', '--', signed, locked]);
    const result = await verifyPdf(await readFile(locked), trusted());
    expect(result.indication).not.toBe('VALID');
    expect(result.message.length).toBeGreaterThan(10);
  });
});
