/**
 * Test and bench support: real office documents made by LibreOffice itself from HTML (so the
 * repository holds no binary fixtures), and the text of a PDF read back with poppler's pdftotext.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { zip } from '../formats/test-samples.js';
import { freshProfile } from './profile.js';
import type { ConvertibleFormat } from './office-pdf.js';

const run = promisify(execFile);

export const SOFFICE = process.env.VANTHU_SOFFICE ?? 'soffice';

/** Whether LibreOffice can run here. Missing, it skips tests locally but fails them under CI=true. */
export function hasSoffice(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v "$1"', 'sh', SOFFICE], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI === 'true') throw new Error(`Thiếu LibreOffice (${SOFFICE}) cần cho kiểm thử chuyển đổi PDF (gói libreoffice-writer-nogui, xem .ci/run).`);
    console.warn(`Thiếu LibreOffice (${SOFFICE}): bỏ qua các kiểm thử chuyển đổi PDF thật. Cài gói libreoffice-writer-nogui để chạy chúng.`);
    return false;
  }
}

/** The heading of a decision as agencies draft it: the number is left blank until registration. */
export function decisionHtml(bodyParagraphs = 2): string {
  const body = Array.from(
    { length: bodyParagraphs },
    (_, i) =>
      `<p>Điều ${i + 1}. Ban hành kèm theo Quyết định này Quy chế công tác văn thư của Sở Nội vụ; ` +
      'văn bản đến, văn bản đi được đăng ký vào sổ, chuyển giao đúng thời hạn, bảo đảm bí mật nhà nước, ' +
      'lập hồ sơ và nộp lưu vào Lưu trữ cơ quan theo quy định của Nghị định số 30/2020/NĐ-CP về công tác văn thư. ' +
      'Thủ trưởng các phòng, đơn vị thuộc Sở chịu trách nhiệm tổ chức thực hiện, kiểm tra, đôn đốc việc chấp hành.</p>',
  ).join('\n');
  return (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Quyết định</title></head><body>\n' +
    '<p>SỞ NỘI VỤ</p>\n' +
    // Non-breaking spaces keep the blank for the number, as in the printed form.
    `<p>Số:${'&nbsp;'.repeat(6)}/QĐ-SNV</p>\n` +
    '<p><b>QUYẾT ĐỊNH</b></p>\n<p>Về việc ban hành Quy chế văn thư</p>\n' +
    `${body}\n</body></html>\n`
  );
}

const EXPORT_FILTERS: Record<ConvertibleFormat, string> = {
  docx: 'docx:MS Word 2007 XML',
  odt: 'odt:writer8',
  doc: 'doc:MS Word 97',
  rtf: 'rtf:Rich Text Format',
};

/** Saves `html` as `<dir>/<name>.<format>` with LibreOffice, using a profile of its own. */
export async function makeOfficeFile(dir: string, name: string, html: string, format: ConvertibleFormat): Promise<string> {
  const scratch = await mkdtemp(join(tmpdir(), 'vanthu-sample-'));
  try {
    const source = join(scratch, `${name}.html`);
    await writeFile(source, html);
    const profile = await freshProfile(join(scratch, 'profile'));
    // Writer's HTML filter: the default (Writer/Web) has no export to office formats.
    const args = [profile, '--headless', '--norestore', '--infilter=HTML (StarWriter)', '--convert-to', EXPORT_FILTERS[format], '--outdir', dir, source];
    await run(SOFFICE, args, { timeout: 60_000 });
    return join(dir, `${name}.${format}`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The PDF's text, laid out as pdftotext reads it. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-pdftext-'));
  try {
    const file = join(dir, 'a.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Page count from the PDF's page objects (LibreOffice writes them uncompressed). */
export const pageCount = (pdf: Buffer): number => pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;

/**
 * A .docx whose only picture is not embedded but linked to `target` (an http:// or file:// URL),
 * as Word writes "Insert and Link": rendering it would make the server fetch the target.
 */
export function linkedImageDocx(target: string): Buffer {
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const picture =
    '<w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="1" name="Hình 1"/>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>' +
    '<pic:nvPicPr><pic:cNvPr id="1" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr>' +
    '<pic:blipFill><a:blip r:link="rIdLogo"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>' +
    '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>' +
    '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>';
  const document =
    `${xml}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="${rel}" ` +
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    `<w:body><w:p><w:r><w:t>Công văn có ảnh liên kết</w:t></w:r></w:p><w:p><w:r>${picture}</w:r></w:p></w:body></w:document>`;
  return zip([
    {
      name: '[Content_Types].xml',
      data:
        `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="word/document.xml"/></Relationships>`,
    },
    {
      name: 'word/_rels/document.xml.rels',
      data: `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdLogo" Type="${rel}/image" Target="${target}" TargetMode="External"/></Relationships>`,
    },
    { name: 'word/document.xml', data: document },
  ]);
}
