/**
 * Issue 11 item 3: what may follow a signature. Only a new signature field that carries a
 * signature (verified in its own right) and the form filling DocMDP permits are acceptable;
 * an unsigned signature field, or any other annotation or widget, that draws on a page is a
 * visible change, judged like changed page content. The signed files come from an independent
 * signer (poppler's pdfsig, NSS) as well as from VănThư; the forgery is an ordinary incremental
 * update, and poppler's renderer shows that it really covers the signed text.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadP12Signer } from '../backends/p12.js';
import { addOverlay } from '../testing/overlay-widget.js';
import { renderPage } from '../testing/poppler.js';
import { makeTestPdf } from '../testing/test-pdf.js';
import { createTestPki, P12_PASSWORD, type TestPki } from '../testing/test-pki.js';
import { hasTool, nssImportKey, nssTrusting, pdfsig, run } from '../testing/tools.js';
import { signPdf } from './sign.js';
import { verifyPdf } from './verify.js';

const tools = { pdfsig: hasTool('pdfsig') && hasTool('certutil') && hasTool('pk12util'), poppler: hasTool('pdftoppm') };
const PAGE_HEIGHT = 841.89;
/** Over "Số: 123/QĐ-SNV", the third line of the test document. */
const OVER_NUMBER = { x: 50, y: 730, width: 220, height: 22 };
const signingTime = new Date(Date.now() - 60_000);

let pki: TestPki;
let pdf: Buffer;
let certified: Buffer;
let nss: string;
let nick: string;

beforeAll(async () => {
  [pki, pdf] = await Promise.all([createTestPki(), makeTestPdf()]);
  certified = await signPdf(pdf, loadP12Signer(pki.p12.ecdsa, P12_PASSWORD), { signingTime, certify: true, reason: 'Ký ban hành' });
  if (tools.pdfsig) {
    nss = await nssTrusting(pki.dir, pki.rootFile);
    nick = await nssImportKey(nss, pki.p12.rsa, P12_PASSWORD);
  }
});
afterAll(() => pki?.cleanup());

const trusted = () => ({ trustAnchors: [pki.root], crls: pki.crls });

/** pdfsig -add-signature: poppler and NSS sign, not VănThư. */
async function signWithPdfsig(input: Buffer, name: string): Promise<Buffer> {
  const [from, to] = [join(pki.dir, `${name}-in.pdf`), join(pki.dir, `${name}.pdf`)];
  await writeFile(from, input);
  await run('pdfsig', ['-nssdir', nss, '-add-signature', '-nick', nick, '-reason', 'Ký bằng pdfsig', from, to]);
  return readFile(to);
}

describe.runIf(tools.pdfsig)('[Q-6.1d] an unsigned signature field drawn over signed text (issue 11 item 3)', () => {
  let byPdfsig: Buffer;
  beforeAll(async () => {
    byPdfsig = await signWithPdfsig(pdf, 'by-pdfsig');
  });

  it('[Q-6.1d] signed by pdfsig, then an empty /Sig widget paints "So: 999" over "Số: 123": INVALID, not "another signature"', async () => {
    expect((await verifyPdf(byPdfsig, trusted())).indication).toBe('VALID');
    const forged = await addOverlay(byPdfsig, { rect: OVER_NUMBER, text: 'So: 999/QD-SNV' });
    expect(forged.subarray(0, byPdfsig.length).equals(byPdfsig)).toBe(true);
    const result = await verifyPdf(forged, trusted());
    const [signature] = result.signatures;
    expect([result.indication, signature.subIndication], result.message).toEqual(['INVALID', 'SIG_CONSTRAINTS_FAILURE']);
    expect(signature.changesAfter).not.toContain('signature');
    expect(signature.message).toBe('Chữ ký không hợp lệ: Sau khi ký, tệp có thêm ô biểu mẫu hoặc ô chữ ký chưa ký vẽ lên trang 1: nội dung hiển thị không còn đúng như khi ký.');
    if (tools.poppler) {
      // An independent renderer shows that the signed line now looks different: most of its
      // pixels changed, though not one signed byte did.
      const dpi = 100;
      const [before, after] = await Promise.all([renderPage(byPdfsig, 1, PAGE_HEIGHT, dpi), renderPage(forged, 1, PAGE_HEIGHT, dpi)]);
      const line = { x: 56, y: 734, width: 110, height: 14 };
      const dark = (rgb: [number, number, number]) => rgb[0] + rgb[1] + rgb[2] < 300;
      const scale = dpi / 72;
      let changed = 0;
      for (let py = Math.floor((PAGE_HEIGHT - line.y - line.height) * scale); py < (PAGE_HEIGHT - line.y) * scale; py++) {
        for (let px = Math.floor(line.x * scale); px < (line.x + line.width) * scale; px++) if (dark(before.image.pixel(px, py)) !== dark(after.image.pixel(px, py))) changed++;
      }
      expect(before.count(line, dark)).toBeGreaterThan(50);
      expect(changed).toBeGreaterThan(before.count(line, dark) / 2);
    }
  });

  it('[Q-6.1d] the same widget claiming the earlier signature as its value (/V): still INVALID', async () => {
    const forged = await addOverlay(byPdfsig, { rect: OVER_NUMBER, text: 'So: 999/QD-SNV', value: 'earlier-signature' });
    const result = await verifyPdf(forged, trusted());
    expect([result.indication, result.signatures[0].subIndication]).toEqual(['INVALID', 'SIG_CONSTRAINTS_FAILURE']);
    expect(result.signatures[0].changesAfter).not.toContain('signature');
  });

  it('[Q-6.1d] after a DocMDP P=2 certification: the empty widget drawn over the text is INVALID too', async () => {
    const forged = await addOverlay(certified, { rect: OVER_NUMBER, text: 'So: 999/QD-SNV' });
    const result = await verifyPdf(forged, trusted());
    const [signature] = result.signatures;
    expect([result.indication, signature.subIndication, signature.certification?.permissions]).toEqual(['INVALID', 'SIG_CONSTRAINTS_FAILURE', 2]);
  });

  it('[Q-6.1d] the legitimate case stays VALID: pdfsig adds a real second signature after the P=2 certification', async () => {
    const twice = await signWithPdfsig(certified, 'certified-then-pdfsig');
    const result = await verifyPdf(twice, trusted());
    expect(result.indication, result.message).toBe('VALID');
    expect(result.signatures.map((s) => [s.subFilter, s.indication, s.changesAfter])).toEqual([
      ['ETSI.CAdES.detached', 'VALID', ['signature']],
      ['adbe.pkcs7.detached', 'VALID', []],
    ]);
    const file = join(pki.dir, 'certified-then-pdfsig.pdf');
    expect((await pdfsig(file, nss)).map((s) => s.valid)).toEqual([true, true]);
  });

  it('[Q-6.1d] a later "signature" that is itself INVALID is no allowed change for the earlier one: INDETERMINATE', async () => {
    const twice = await signWithPdfsig(certified, 'certified-then-broken');
    // One digit of the second signature's own revision (the year in its /M) changed: it no longer verifies.
    const broken = Buffer.from(twice);
    const at = broken.indexOf('(D:20', certified.length);
    expect(at).toBeGreaterThan(0);
    broken[at + 6] = broken[at + 6] === 0x30 ? 0x31 : 0x30;
    const result = await verifyPdf(broken, trusted());
    expect(result.signatures.map((s) => [s.indication, s.subIndication])).toEqual([
      ['INDETERMINATE', 'SIG_CONSTRAINTS_FAILURE'],
      ['INVALID', 'HASH_FAILURE'],
    ]);
    expect(result.signatures[0].message).toContain('Chữ ký thêm sau chữ ký này (chữ ký thứ 2) không hợp lệ');
  });

  it('[Q-6.1d] another annotation drawn over signed text (a white box): INVALID as well', async () => {
    const forged = await addOverlay(byPdfsig, { rect: OVER_NUMBER, text: 'So: 999/QD-SNV', as: 'annotation' });
    const result = await verifyPdf(forged, trusted());
    expect([result.indication, result.signatures[0].changesAfter]).toEqual(['INVALID', ['annotation']]);
  });
});

describe('[Q-6.1d] changes after a signature that draw nothing', () => {
  it('a hidden widget (F=2): no visible change, but still an unexplained addition, INDETERMINATE', async () => {
    const signed = await signPdf(pdf, loadP12Signer(pki.p12.rsa, P12_PASSWORD), { signingTime });
    const result = await verifyPdf(await addOverlay(signed, { rect: OVER_NUMBER, text: 'So: 999/QD-SNV', flags: 2 }), trusted());
    expect([result.indication, result.subIndication, result.signatures[0].changesAfter]).toEqual(['INDETERMINATE', 'SIG_CONSTRAINTS_FAILURE', ['annotation']]);
  });
});
