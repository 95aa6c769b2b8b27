/**
 * A decision (quyết định) laid out like NĐ30 Appendix I, for the placement tests: A4,
 * margins 20/15/20/30 mm, headings at the top, body text that mentions the signer, and at the
 * bottom right of the last page the signature block — "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", room for
 * the signature, the name in bold — beside "Nơi nhận:" on the left. Returns where it drew things,
 * so tests compare what the code finds with what was laid out, not with what pdfjs reads.
 */
import { readFile } from 'node:fs/promises';
import fontkit from '@cantoo/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import { DEFAULT_FONT_PATH } from '../pades/appearance.js';

export const BOLD_FONT_PATH = DEFAULT_FONT_PATH.replace('Regular', 'Bold');
export const A4 = { width: 595.28, height: 841.89 };
const MM = 72 / 25.4;
const MARGIN = { top: 20 * MM, right: 15 * MM, bottom: 20 * MM, left: 30 * MM };
/** The number and the date sit this far below the headings' first baseline. */
const ISSUE_ROW_OFFSET = 40;

export interface DecisionOptions {
  pages?: number;
  /** The name under the block; null leaves it out (a block with no name, nothing to find). */
  signerName?: string | null;
  /** Baseline of "KT. GIÁM ĐỐC" on the last page. */
  blockBaseline?: number;
  /** Blank room between the title's baseline and the name's baseline. */
  signatureRoom?: number;
  /** The number line under the agency's name; null leaves it out (nothing to reserve). */
  numberLine?: string | null;
  /** The place-and-date line under the national motto; null leaves it out. */
  dateLine?: string | null;
}

export interface DecisionLayout {
  /** 1-based number of the last page, where the block is. */
  page: number;
  /** Top of "KT. GIÁM ĐỐC", the first line of the title block. */
  titleTop: number;
  /** Baseline of "PHÓ GIÁM ĐỐC", the title line right above the signature. */
  titleBaseline: number;
  nameBaseline: number;
  nameTop: number;
  /** Horizontal centre of the name line (and of the whole block). */
  nameCentre: number;
  /** Lowest point of the top headings' first line on page 1, which a stamp must stay above. */
  headingTop: number;
  /** Baseline of the row with the number line (left) and the place-and-date line (right) on page 1. */
  issueBaseline: number;
}

const BODY = [
  'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020',
  'của Chính phủ về công tác văn thư;',
  'Theo đề nghị của Chánh Văn phòng Sở.',
  'Điều 1. Ủy quyền ký các văn bản điện tử về văn thư, lưu trữ cho:',
  'Nguyễn Văn Ánh',
  'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
  'Điều 3. Chánh Văn phòng và ông Nguyễn Văn Ánh chịu trách nhiệm',
  'thi hành Quyết định này.',
];

export async function makeDecisionPdf(options: DecisionOptions = {}): Promise<{ pdf: Buffer; layout: DecisionLayout }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const boldBytes = await readFile(BOLD_FONT_PATH);
  const regular = await doc.embedFont(await readFile(DEFAULT_FONT_PATH), { subset: true });
  const bold = await doc.embedFont(boldBytes, { subset: true });
  // The font's ascent, the height its accented capitals reach: what "the top of a line" means here.
  const metrics = fontkit.create(boldBytes) as { ascent: number; unitsPerEm: number };
  const ascent = (size: number) => (metrics.ascent / metrics.unitsPerEm) * size;
  const pages = options.pages ?? 1;
  const blockColumn = A4.width - MARGIN.right - 110;
  let headingTop = 0;
  let issueBaseline = 0;

  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([A4.width, A4.height]);
    let y = A4.height - MARGIN.top - 12;
    if (n === 1) {
      headingTop = y + ascent(12);
      issueBaseline = y - ISSUE_ROW_OFFSET;
      y = drawHeadings(page, regular, bold, y, options);
    } else {
      page.drawText(String(n), { x: A4.width / 2, y: A4.height - MARGIN.top / 2, size: 13, font: regular });
    }
    // Earlier pages are full of text, so a name found there would be wrong by construction.
    const body = n < pages ? Array.from({ length: 30 }, (_, i) => BODY[i % BODY.length]) : BODY;
    for (const line of body) {
      page.drawText(line, { x: MARGIN.left, y, size: 13, font: regular, color: rgb(0, 0, 0) });
      y -= 20;
    }
  }

  const last = doc.getPage(pages - 1);
  const block = options.blockBaseline ?? 300;
  const room = options.signatureRoom ?? 85;
  const centred = (text: string, baseline: number, size = 14) => {
    last.drawText(text, { x: blockColumn - bold.widthOfTextAtSize(text, size) / 2, y: baseline, size, font: bold });
  };
  last.drawText('Nơi nhận:', { x: MARGIN.left, y: block, size: 12, font: bold });
  last.drawText('- Như Điều 3;', { x: MARGIN.left, y: block - 15, size: 11, font: regular });
  last.drawText('- Lưu: VT, TCCB.', { x: MARGIN.left, y: block - 29, size: 11, font: regular });
  centred('KT. GIÁM ĐỐC', block);
  centred('PHÓ GIÁM ĐỐC', block - 17);
  const nameBaseline = block - 17 - room;
  if (options.signerName !== null) centred(options.signerName ?? 'Nguyễn Văn Ánh', nameBaseline);

  return {
    pdf: Buffer.from(await doc.save()),
    layout: {
      page: pages,
      titleTop: block + ascent(14),
      titleBaseline: block - 17,
      nameBaseline,
      nameTop: nameBaseline + ascent(14),
      nameCentre: blockColumn,
      headingTop,
      issueBaseline,
    },
  };
}

/** Agency and number on the left, national heading and date on the right, then the title. Returns the next baseline. */
function drawHeadings(page: PDFPage, regular: PDFFont, bold: PDFFont, top: number, options: DecisionOptions): number {
  const left = MARGIN.left + 105;
  const right = A4.width - MARGIN.right - 125;
  const centred = (text: string, centre: number, y: number, size: number, font: PDFFont) =>
    page.drawText(text, { x: centre - font.widthOfTextAtSize(text, size) / 2, y, size, font });
  centred('ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN', left, top, 11, regular);
  centred('SỞ NỘI VỤ', left, top - 16, 12, bold);
  const numberLine = options.numberLine === undefined ? 'Số: 123/QĐ-SNV' : options.numberLine;
  if (numberLine !== null) centred(numberLine, left, top - ISSUE_ROW_OFFSET, 13, regular);
  centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', right, top, 12, bold);
  centred('Độc lập - Tự do - Hạnh phúc', right, top - 16, 13, bold);
  const dateLine = options.dateLine === undefined ? 'Thái Nguyên, ngày 04 tháng 5 năm 2021' : options.dateLine;
  if (dateLine !== null) centred(dateLine, right, top - ISSUE_ROW_OFFSET, 13, regular);
  centred('QUYẾT ĐỊNH', A4.width / 2, top - 80, 14, bold);
  centred('Về việc ủy quyền ký văn bản điện tử', A4.width / 2, top - 98, 14, bold);
  return top - 130;
}
