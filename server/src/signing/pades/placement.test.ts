import pdfmake from 'pdfmake';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FONT_PATH } from './appearance.js';
import { A4, makeDecisionPdf, type DecisionLayout } from '../testing/decision-pdf.js';
import { blueScribble } from '../testing/test-images.js';
import { groupLines, type PageText, type TextLine, type TextPiece } from './page-text.js';
import { findSignerBox, fittedRect, locateSignerBox, mmToPoints, sealBox, stampBox, type SignerBox } from './placement.js';

let single: { pdf: Buffer; layout: DecisionLayout };
let multi: { pdf: Buffer; layout: DecisionLayout };

beforeAll(async () => {
  [single, multi] = await Promise.all([makeDecisionPdf(), makeDecisionPdf({ pages: 3, blockBaseline: 560, signatureRoom: 70 })]);
});

/** The rules of Q-8.2a for the signer's box, against the layout the fixture drew. */
function expectBetweenTitleAndName(box: SignerBox | null, layout: DecisionLayout): void {
  expect(box).not.toBeNull();
  const { page, rect, title, name } = box!;
  expect(page).toBe(layout.page);
  expect([title.text, name.text]).toEqual(['PHÓ GIÁM ĐỐC', 'Nguyễn Văn Ánh']);
  expect(rect.y).toBeCloseTo(layout.nameTop, 0);
  expect(rect.y + rect.height).toBeCloseTo(layout.titleBaseline, 1);
  expect(rect.x + rect.width / 2).toBeCloseTo(layout.nameCentre, 1);
  expect(rect.width).toBeCloseTo(2 * rect.height, 5);
}

describe('[Q-8.2a] the signer’s box: between the position title and the name, on the last page', () => {
  it('finds the block at the bottom right of a one-page decision, not the name in the body text', async () => {
    const box = await findSignerBox(single.pdf, { signerName: 'Nguyễn Văn Ánh' });
    expectBetweenTitleAndName(box, single.layout);
    expect(box!.name.bold).toBe(true);
    expect(box!.name.y).toBeCloseTo(single.layout.nameBaseline, 1);
  });

  it.each([
    ['NFD', 'Nguyễn Văn Ánh'.normalize('NFD')],
    ['capitals', 'NGUYỄN VĂN ÁNH'],
    ['no diacritics', 'Nguyen Van Anh'],
    ['extra spaces', '  Nguyễn  Văn Ánh '],
  ])('matches the name typed in %s', async (_, signerName) => {
    expectBetweenTitleAndName(await findSignerBox(single.pdf, { signerName }), single.layout);
  });

  it('reads only the last page of a longer document, wherever the block is on it', async () => {
    expectBetweenTitleAndName(await findSignerBox(multi.pdf, { signerName: 'Nguyễn Văn Ánh' }), multi.layout);
  });

  it('checks the position title when given one', async () => {
    expectBetweenTitleAndName(await findSignerBox(single.pdf, { signerName: 'Nguyễn Văn Ánh', positionTitle: 'Phó Giám đốc' }), single.layout);
    expect(await findSignerBox(single.pdf, { signerName: 'Nguyễn Văn Ánh', positionTitle: 'Chánh Văn phòng' })).toBeNull();
  });

  it('finds the block in a PDF another tool made (pdfmake: columns, its own text runs)', async () => {
    const pdf = await pdfmakeDecision();
    const box = (await findSignerBox(pdf, { signerName: 'Nguyễn Văn Ánh', positionTitle: 'Phó Giám đốc' }))!;
    expect([box.title.text, box.name.text, box.name.bold]).toEqual(['PHÓ GIÁM ĐỐC', 'Nguyễn Văn Ánh', true]);
    expect(box.rect.x + box.rect.width / 2).toBeCloseTo(PDFMAKE_BLOCK_CENTRE, 0);
    expect(box.rect.y + box.rect.height).toBe(box.title.y);
    expect(box.rect.height).toBeGreaterThan(50);
  });

  it('gives null, for the user to place the box, when the name is missing or is another person’s', async () => {
    const { pdf } = await makeDecisionPdf({ signerName: null });
    expect(await findSignerBox(pdf, { signerName: 'Nguyễn Văn Ánh' })).toBeNull();
    expect(await findSignerBox(single.pdf, { signerName: 'Trần Thị Bình' })).toBeNull();
  });

  it('says so, in Vietnamese, when the file is not a readable PDF', async () => {
    await expect(findSignerBox(Buffer.from('không phải PDF'), { signerName: 'Nguyễn Văn Ánh' })).rejects.toMatchObject({
      reason: 'PDF_UNREADABLE',
      message: 'Không đọc được tệp PDF (tệp hỏng hoặc không phải PDF).',
    });
  });
});

const PAGE = { x: 0, y: 0, width: A4.width, height: A4.height };
const line = (text: string, x: number, y: number, extra: Partial<TextLine> = {}): TextLine => {
  const width = text.length * 7;
  return { text, x, y, width, size: 14, top: y + 12.5, bold: false, ...extra };
};
const pageOf = (lines: TextLine[], extra: Partial<PageText> = {}): PageText => ({ page: 1, box: PAGE, rotate: 0, lines, ...extra });

describe('[Q-8.2a] the rules on made-up layouts', () => {
  it('prefers the bold name line, then the lowest one', () => {
    const lines = [
      line('GIÁM ĐỐC', 380, 400),
      line('Lê Thu', 390, 330, { bold: true }),
      line('GIÁM ĐỐC', 380, 250),
      line('Lê Thu', 390, 180),
    ];
    expect(locateSignerBox(pageOf(lines), { signerName: 'Lê Thu' })!.name.y).toBe(330);
    expect(locateSignerBox(pageOf(lines.map((l) => ({ ...l, bold: false }))), { signerName: 'Lê Thu' })!.name.y).toBe(180);
  });

  it('takes the exact spelling over one that differs only in diacritics (Thu and Thú are two people)', () => {
    const lines = [line('GIÁM ĐỐC', 380, 600), line('Lê Thu', 390, 500), line('PHÓ GIÁM ĐỐC', 380, 400), line('Lê Thú', 390, 300)];
    expect(locateSignerBox(pageOf(lines), { signerName: 'Lê Thu' })!.name.y).toBe(500);
    expect(locateSignerBox(pageOf(lines), { signerName: 'Lê Thú' })!.name.y).toBe(300);
    expect(locateSignerBox(pageOf(lines.slice(2)), { signerName: 'Lê Thu' })!.name.text).toBe('Lê Thú');
  });

  it('passes over a note in brackets and a column beside it, and needs the title in capitals', () => {
    const lines = [line('TL. CHỦ TỊCH', 380, 400), line('CHÁNH VĂN PHÒNG', 370, 383), line('(Đã ký)', 400, 340), line('Nơi nhận:', 60, 300), line('Lê Thu', 390, 300, { bold: true })];
    expect(locateSignerBox(pageOf(lines), { signerName: 'Lê Thu', positionTitle: 'Chủ tịch' })?.title.text).toBe('CHÁNH VĂN PHÒNG');
    const running = [line('đã được thông qua tại phiên họp', 380, 383), ...lines.slice(2)];
    expect(locateSignerBox(pageOf(running), { signerName: 'Lê Thu' })).toBeNull();
  });

  it('needs room for a signature, and an upright page', () => {
    const tight = [line('GIÁM ĐỐC', 380, 325), line('Lê Thu', 390, 300)];
    expect(locateSignerBox(pageOf(tight), { signerName: 'Lê Thu' })).toBeNull();
    const roomy = [line('GIÁM ĐỐC', 380, 400), line('Lê Thu', 390, 300)];
    expect(locateSignerBox(pageOf(roomy), { signerName: 'Lê Thu' })).not.toBeNull();
    expect(locateSignerBox(pageOf(roomy, { rotate: 90 }), { signerName: 'Lê Thu' })).toBeNull();
  });

  it('narrows the box rather than let it leave the page, staying centred on the name', () => {
    const nearEdge = [line('GIÁM ĐỐC', 520, 400), line('Lê Thu', 540, 300)];
    const { rect } = locateSignerBox(pageOf(nearEdge), { signerName: 'Lê Thu' })!;
    expect(rect.x + rect.width).toBeCloseTo(A4.width, 5);
    expect(rect.x + rect.width / 2).toBeCloseTo(540 + 21, 5);
  });

  it('splits a row where pdfjs put a wide blank between two columns, and joins the words of one column', () => {
    const piece = (text: string, x: number, width: number): TextPiece => ({ text, x, y: 300, width, size: 12, ascent: 10.7, bold: true });
    const lines = groupLines([piece('Nơi nhận:', 60, 52), piece(' ', 112, 268), piece('KT.', 380, 20), piece('GIÁM ĐỐC', 403, 70)]);
    expect(lines.map((l) => [l.text, l.x, l.width])).toEqual([['Nơi nhận:', 60, 52], ['KT. GIÁM ĐỐC', 380, 93]]);
  });
});

describe('[Q-8.2a] the seal’s box: real size, centred on the signer’s box, over the left third of the image', () => {
  const signer = { page: 2, rect: { x: 400, y: 200, width: 140, height: 70 } };

  it('converts the seal’s size from millimetres and covers the left third of the box', () => {
    const seal = sealBox(signer, 36);
    expect(seal.page).toBe(2);
    expect(seal.rect.width).toBeCloseTo(mmToPoints(36), 5);
    expect(mmToPoints(36)).toBeCloseTo(102.05, 2);
    expect(seal.rect.y + seal.rect.height / 2).toBeCloseTo(235, 5);
    expect(seal.rect.x + seal.rect.width).toBeCloseTo(400 + 140 / 3, 5);
    expect(sealBox(signer, { width: 40, height: 30 }).rect.height).toBeCloseTo(mmToPoints(30), 5);
  });

  it('measures from where the signer’s image is really drawn inside the box', () => {
    const image = fittedRect(signer.rect, { width: 240, height: 100 });
    expect(image).toEqual({ x: 400, y: 200 + (70 - 140 / 2.4) / 2, width: 140, height: 140 / 2.4 });
    const narrow = { ...signer, rect: { ...signer.rect, width: 300 } };
    const drawn = fittedRect(narrow.rect, { width: 240, height: 100 });
    expect(sealBox(narrow, 36, blueScribble()).rect.x + mmToPoints(36)).toBeCloseTo(drawn.x + drawn.width / 3, 5);
  });
});

describe('[Q-8.2b] [Q-8.2c] the stamp’s box: top right of the page', () => {
  it('sits inside the top margin, at the right margin', () => {
    const rect = stampBox(A4, { width: 150, height: 40 });
    expect(rect.x + rect.width).toBeCloseTo(A4.width - mmToPoints(15), 5);
    expect(rect.y + rect.height).toBeCloseTo(A4.height - mmToPoints(5), 5);
    expect(rect.x).toBeGreaterThan(A4.width / 2);
    expect(stampBox({ x: 10, y: 20, width: 600, height: 800 }, { width: 150, height: 40 }).x).toBeCloseTo(10 + 600 - mmToPoints(15) - 150, 5);
  });
});

/** A4 with pdfmake's default 40 pt margins; the block is the right column, 220 pt wide, centred text. */
const PDFMAKE_BLOCK_CENTRE = A4.width - 40 - 110;

async function pdfmakeDecision(): Promise<Buffer> {
  const dir = DEFAULT_FONT_PATH.slice(0, DEFAULT_FONT_PATH.lastIndexOf('/') + 1);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => path.startsWith(dir));
  const face = (style: string) => `${dir}LiberationSerif-${style}.ttf`;
  pdfmake.setFonts({ Serif: { normal: face('Regular'), bold: face('Bold'), italics: face('Italic'), bolditalics: face('BoldItalic') } });
  const doc = pdfmake.createPdf({
    pageSize: 'A4',
    defaultStyle: { font: 'Serif', fontSize: 14 },
    content: [
      'Điều 1. Ủy quyền cho ông Nguyễn Văn Ánh ký các văn bản điện tử thuộc lĩnh vực văn thư, lưu trữ của Sở Nội vụ.',
      {
        margin: [0, 20, 0, 0],
        columns: [
          { width: '*', stack: [{ text: 'Nơi nhận:', bold: true, italics: true, fontSize: 12 }, { text: '- Như Điều 3;', fontSize: 11 }] },
          { width: 220, alignment: 'center', stack: [{ text: 'KT. GIÁM ĐỐC', bold: true }, { text: 'PHÓ GIÁM ĐỐC', bold: true }, { text: 'Nguyễn Văn Ánh', bold: true, margin: [0, 60, 0, 0] }] },
        ],
      },
    ],
  });
  return Buffer.from(await doc.getBuffer());
}
