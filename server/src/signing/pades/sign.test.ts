import { execFile } from 'node:child_process';
import { sign } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFStream } from '@cantoo/pdf-lib';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadP12Signer } from '../backends/p12.js';
import { SigningError } from '../errors.js';
import { OID } from '../pki/oids.js';
import { sha256, type KeySigner } from '../signer.js';
import { makeTestPdf, noisePng } from '../testing/test-pdf.js';
import { createTestPki, P12_PASSWORD, type TestPki } from '../testing/test-pki.js';
import { contentsOf, lastSlot } from './byte-range.js';
import { completePdf, preparePdf, signPdf } from './sign.js';
import { verifyPdf } from './verify.js';

const run = promisify(execFile);

let pki: TestPki;
let pdf: Buffer;
let rsa: KeySigner;
let ecdsa: KeySigner;
const signingTime = new Date();

beforeAll(async () => {
  [pki, pdf] = await Promise.all([createTestPki(), makeTestPdf({ pages: 2 })]);
  rsa = loadP12Signer(pki.p12.rsa, P12_PASSWORD);
  ecdsa = loadP12Signer(pki.p12.ecdsa, P12_PASSWORD);
});
afterAll(() => pki?.cleanup());

const trusted = () => ({ trustAnchors: [pki.root], crls: pki.crls });

async function refusal(promise: Promise<unknown> | (() => unknown)): Promise<SigningError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (err) {
    if (err instanceof SigningError) return err;
    throw err;
  }
  throw new Error('expected a SigningError');
}

/** Our signature fields are merged field + widget dictionaries. */
function signatureDictionary(doc: PDFDocument, fieldName: string): { widget: PDFDict; signature: PDFDict } {
  const widget = doc.getForm().getField(fieldName).acroField.dict;
  return { widget, signature: widget.lookup(PDFName.of('V'), PDFDict) };
}

describe('PAdES signing', () => {
  it('appends an incremental update and leaves every earlier byte as it was', async () => {
    const once = await signPdf(pdf, rsa, { signingTime });
    const twice = await signPdf(once, ecdsa, { signingTime });
    expect(once.subarray(0, pdf.length).equals(pdf)).toBe(true);
    expect(twice.subarray(0, once.length).equals(once)).toBe(true);
    const doc = await PDFDocument.load(twice);
    expect(doc.getForm().getFields().map((f) => f.getName())).toEqual(['Signature1', 'Signature2']);
  });

  it('writes a PAdES B-B signature: ETSI.CAdES.detached, SHA-256, three signed attributes, the time in /M', async () => {
    const signed = await signPdf(pdf, rsa, { signingTime: new Date('2026-01-02T03:04:05Z'), reason: 'Phát hành văn bản', location: 'Thái Nguyên' });
    const doc = await PDFDocument.load(signed);
    const { widget, signature } = signatureDictionary(doc, 'Signature1');
    expect(signature.get(PDFName.of('Filter'))).toBe(PDFName.of('Adobe.PPKLite'));
    expect(signature.get(PDFName.of('SubFilter'))).toBe(PDFName.of('ETSI.CAdES.detached'));
    expect(signature.get(PDFName.of('M'))?.toString()).toBe("(D:20260102100405+07'00')");
    expect(widget.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber())).toEqual([0, 0, 0, 0]);

    const cms = pkijs.ContentInfo.fromBER(new Uint8Array(contentsOf(signed, lastSlot(signed)!)));
    const signedData = new pkijs.SignedData({ schema: cms.content });
    expect(signedData.encapContentInfo.eContent).toBeUndefined();
    expect(signedData.certificates).toHaveLength(2);
    const [info] = signedData.signerInfos;
    expect(info.digestAlgorithm.algorithmId).toBe(OID.sha256);
    expect(info.signedAttrs!.attributes.map((a) => a.type).sort()).toEqual([OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort());
    const ess = info.signedAttrs!.attributes.find((a) => a.type === OID.signingCertificateV2)!.values[0] as asn1js.Sequence;
    const certHash = ((ess.valueBlock.value[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.OctetString;
    expect(Buffer.from(certHash.valueBlock.valueHexView)).toEqual(sha256(pki.rsa.certificate));
  });

  it('draws a visible signature in the given box on the given page', async () => {
    const signed = await signPdf(pdf, ecdsa, {
      signingTime,
      appearance: {
        page: 2,
        rect: { x: 320, y: 90, width: 200, height: 60 },
        image: noisePng(2000),
        lines: ['Ký bởi: Nguyễn Văn Ánh', 'Sở Nội vụ tỉnh Thái Nguyên'],
      },
    });
    const doc = await PDFDocument.load(signed);
    const { widget } = signatureDictionary(doc, 'Signature1');
    const page2 = doc.getPage(1);
    expect(widget.get(PDFName.of('P'))).toBe(page2.ref);
    expect(page2.node.lookup(PDFName.of('Annots'), PDFArray).asArray().some((r) => doc.context.lookup(r as PDFRef) === widget)).toBe(true);
    expect(widget.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber())).toEqual([320, 90, 520, 150]);
    const appearance = widget.lookup(PDFName.of('AP'), PDFDict).lookup(PDFName.of('N'), PDFStream).dict;
    expect(appearance.get(PDFName.of('Subtype'))).toBe(PDFName.of('Form'));
    expect(appearance.lookup(PDFName.of('BBox'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber())).toEqual([0, 0, 200, 60]);
    const resources = appearance.lookup(PDFName.of('Resources'), PDFDict);
    expect(resources.has(PDFName.of('Font')) && resources.has(PDFName.of('XObject'))).toBe(true);
    expect((await verifyPdf(signed, trusted())).indication).toBe('VALID');
  });

  it('refuses encrypted, broken and out-of-range requests with Vietnamese messages', async () => {
    const plain = join(pki.dir, 'plain.pdf');
    const locked = join(pki.dir, 'locked.pdf');
    await writeFile(plain, pdf);
    await run('qpdf', ['--encrypt', '', 'chu-so-huu', '256', '--', plain, locked]);
    const encrypted = await refusal(signPdf(await readFile(locked), rsa, { signingTime }));
    expect([encrypted.reason, encrypted.message]).toEqual(['PDF_ENCRYPTED', 'Tệp PDF được mã hoá; cần gỡ mã hoá trước khi ký số.']);
    expect((await refusal(signPdf(Buffer.from('không phải PDF'), rsa, { signingTime }))).reason).toBe('PDF_UNREADABLE');
    const page = await refusal(signPdf(pdf, rsa, { signingTime, appearance: { page: 3, rect: { x: 0, y: 0, width: 10, height: 10 } } }));
    expect([page.reason, page.message]).toEqual(['APPEARANCE_INVALID', 'Tài liệu không có trang 3 để đặt chữ ký.']);
    const once = await signPdf(pdf, rsa, { signingTime, fieldName: 'ChuKyGiamDoc' });
    expect((await refusal(signPdf(once, rsa, { signingTime, fieldName: 'ChuKyGiamDoc' }))).reason).toBe('FIELD_EXISTS');
  });
});

/** The signing agent's part, played by the openssl CLI: it receives only the 32-byte hash. */
async function signHashElsewhere(digest: Buffer, keyFile: string): Promise<Buffer> {
  const file = join(pki.dir, `digest-${Math.random().toString(36).slice(2)}.bin`);
  await writeFile(file, digest);
  const { stdout } = await run('openssl', ['pkeyutl', '-sign', '-inkey', keyFile, '-in', file, '-pkeyopt', 'digest:sha256'], { encoding: 'buffer' });
  return stdout;
}

describe('two-phase signing for keys outside the server', () => {
  it.each(['rsa', 'ecdsa'] as const)('[Q-5.4] %s: the server holds only certificates; a hash signed elsewhere completes a valid signature', async (who) => {
    const identity = pki[who];
    const { prepared, toBeSigned, digest } = await preparePdf(pdf, identity.chain, { signingTime, reason: 'Ký từ thiết bị cá nhân' });
    expect(digest).toEqual(sha256(toBeSigned));
    const signed = completePdf(prepared, await signHashElsewhere(digest, identity.keyFile), identity.chain, toBeSigned);
    expect(signed.length).toBe(prepared.length);
    const result = await verifyPdf(signed, trusted());
    expect(result.indication, result.message).toBe('VALID');
    expect(result.signatures[0].reason).toBe('Ký từ thiết bị cá nhân');
  });

  it('accepts the raw r‖s that WebCrypto and PKCS#11 tokens return for ECDSA', async () => {
    const { prepared, toBeSigned } = await preparePdf(pdf, pki.ecdsa.chain, { signingTime });
    const raw = sign('sha256', toBeSigned, { key: pki.ecdsa.keyPem, dsaEncoding: 'ieee-p1363' });
    const result = await verifyPdf(completePdf(prepared, raw, pki.ecdsa.chain), trusted());
    expect(result.indication, result.message).toBe('VALID');
  });

  it('refuses to complete when the prepared document changed in between', async () => {
    const { prepared, toBeSigned, digest } = await preparePdf(pdf, pki.rsa.chain, { signingTime });
    const value = await signHashElsewhere(digest, pki.rsa.keyFile);
    const changed = Buffer.from(prepared);
    changed[200] ^= 0x01;
    const withExpectation = await refusal(() => completePdf(changed, value, pki.rsa.chain, toBeSigned));
    expect([withExpectation.reason, withExpectation.message]).toEqual(['PREPARED_CHANGED', 'Tài liệu đã bị thay đổi kể từ khi chuẩn bị ký; cần chuẩn bị và ký lại.']);
    expect((await refusal(() => completePdf(changed, value, pki.rsa.chain))).reason).toBe('SIGNATURE_MISMATCH');
  });

  it('refuses a signature made by another key than the certificate’s', async () => {
    const { prepared, digest } = await preparePdf(pdf, pki.ecdsa.chain, { signingTime });
    const other = await signHashElsewhere(digest, pki.revoked.keyFile);
    expect((await refusal(() => completePdf(prepared, other, pki.ecdsa.chain))).reason).toBe('SIGNATURE_MISMATCH');
  });

  it('completes a prepared document once only, and only a prepared one', async () => {
    const { prepared, digest } = await preparePdf(pdf, pki.ecdsa.chain, { signingTime });
    const value = await signHashElsewhere(digest, pki.ecdsa.keyFile);
    const signed = completePdf(prepared, value, pki.ecdsa.chain);
    expect((await refusal(() => completePdf(signed, value, pki.ecdsa.chain))).reason).toBe('ALREADY_SIGNED');
    expect((await refusal(() => completePdf(pdf, value, pki.ecdsa.chain))).reason).toBe('NO_PLACEHOLDER');
    expect((await refusal(preparePdf(pdf, [Buffer.from('không phải chứng thư')], { signingTime }))).reason).toBe('CHAIN_INVALID');
  });
});
