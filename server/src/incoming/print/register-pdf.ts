/**
 * The Sổ đăng ký văn bản đến as a PDF for printing, signing and binding (Q-11.2a): a cover page as in
 * NĐ 30/2020 Phụ lục IV, then the ten-column table with its header repeated on every page.
 */
import { renderPdf } from '../../infra/pdf-render.js';
import { coverLines, printedNumber, REGISTER_COLUMNS, REGISTER_TITLE, type RegisterCover, type RegisterRow } from './register-rows.js';

const MM = 72 / 25.4;

/**
 * NĐ 30 Phụ lục I margins, at the narrow end of each range to leave the table room: the binding
 * edge (30 mm) stays on the left, as a landscape register is bound along its short side.
 * Order is pdfmake's: left, top, right, bottom.
 */
export const PAGE_MARGINS: readonly [number, number, number, number] = [30 * MM, 20 * MM, 15 * MM, 20 * MM];

/**
 * Widths in points, in column order. Dates and numbers fit on one line at 10 pt; the summary takes
 * what is left (about 5 cm); Ngày chuyển and Ký nhận are wide enough to write and sign in by hand.
 */
export const COLUMN_WIDTHS: readonly (number | '*')[] = [48, 30, 80, 66, 48, '*', 72, 48, 54, 62];
export const CELL_PADDING = 3;
export const LINE_WIDTH = 0.5;

const CENTRED_COLUMNS = new Set([0, 1, 3, 4, 7]);

export interface RegisterPdfOptions {
  /** A folder with Times-metric fonts under the bundled file names; the bundled Liberation Serif otherwise. */
  fontDir?: string | null;
}

function coverPage(cover: RegisterCover): object[] {
  const lines = coverLines(cover);
  const blockWidth = 300;
  const ruleWidth = 90;
  return [
    {
      // Top left, as the agency block of NĐ 30 documents: names centred over a short rule.
      columns: [
        {
          width: blockWidth,
          stack: [
            ...(cover.parentAgencyName ? [{ text: cover.parentAgencyName, fontSize: 13 }] : []),
            { text: cover.agencyName, fontSize: 13, bold: true },
            // The stack's centring applies to the canvas too, so the rule is drawn from 0.
            { canvas: [{ type: 'line', x1: 0, y1: 4, x2: ruleWidth, y2: 4, lineWidth: LINE_WIDTH }] },
          ],
          alignment: 'center',
        },
        { width: '*', text: '' },
      ],
    },
    { text: REGISTER_TITLE, fontSize: 28, bold: true, alignment: 'center', margin: [0, 110, 0, 12] },
    { text: lines.year, fontSize: 16, bold: true, alignment: 'center' },
    {
      stack: [lines.dates, lines.numbers, lines.volume],
      fontSize: 14,
      alignment: 'center',
      lineHeight: 1.5,
      margin: [0, 70, 0, 0],
      pageBreak: 'after',
    },
  ];
}

function table(rows: readonly RegisterRow[]): object {
  const header = REGISTER_COLUMNS.map((c) => ({ text: c.header, bold: true, alignment: 'center', verticalAlignment: 'middle' }));
  const numbering = REGISTER_COLUMNS.map((_, i) => ({ text: `(${i + 1})`, italics: true, fontSize: 9, alignment: 'center' }));
  const body = rows.map((row) =>
    REGISTER_COLUMNS.map((column, i) => {
      const value = column.value(row);
      return { text: typeof value === 'number' ? printedNumber(value) : value, alignment: CENTRED_COLUMNS.has(i) ? 'center' : 'left' };
    }),
  );
  return {
    // pdfmake rewrites the widths array in place; it gets a copy.
    table: { headerRows: 2, dontBreakRows: true, widths: [...COLUMN_WIDTHS], body: [header, numbering, ...body] },
    layout: {
      hLineWidth: () => LINE_WIDTH,
      vLineWidth: () => LINE_WIDTH,
      paddingLeft: () => CELL_PADDING,
      paddingRight: () => CELL_PADDING,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
  };
}

/** NĐ 30 Phụ lục I: page numbers centred in the top margin, none on the first page (here the cover). */
function pageNumber(currentPage: number): object | null {
  if (currentPage === 1) return null;
  const [left, top, right] = PAGE_MARGINS;
  return { text: String(currentPage), fontSize: 13, alignment: 'center', margin: [left, top / 2 - 7, right, 0] };
}

export async function buildRegisterPdf(cover: RegisterCover, rows: readonly RegisterRow[], options: RegisterPdfOptions = {}): Promise<Buffer> {
  return renderPdf(
    {
      pageOrientation: 'landscape',
      pageMargins: [...PAGE_MARGINS],
      language: 'vi-VN',
      info: {
        title: `Sổ đăng ký văn bản đến năm ${cover.year}`,
        author: cover.agencyName,
        subject: 'Mẫu sổ theo Phụ lục IV Nghị định 30/2020/NĐ-CP',
        creator: 'VănThư',
      },
      defaultStyle: { fontSize: 10, lineHeight: 1.1 },
      header: pageNumber,
      content: [...coverPage(cover), table(rows)],
    },
    options.fontDir,
  );
}
