/**
 * What the printed forms of NĐ 30 Phụ lục IV share, for văn bản đến and văn bản đi alike: rendering
 * with the bundled Times-metric font, the NĐ 30 margins, the agency block at the top left, the
 * cover of a register, numbered pages and ruled tables.
 */
import { renderPdf } from '../pdf-render.js';

export const MM = 72 / 25.4;
export const LINE_WIDTH = 0.5;
export const CELL_PADDING = 3;

/** NĐ 30 Phụ lục I margins (left for binding, top, right, bottom), pdfmake's order. */
export const FORM_MARGINS: readonly [number, number, number, number] = [30 * MM, 20 * MM, 15 * MM, 20 * MM];

/** A4 in points, as pdfmake sizes it. */
export const A4 = { short: 595.28, long: 841.89 } as const;

export interface FormInfo {
  title: string;
  author: string;
  orientation: 'portrait' | 'landscape';
  content: object[];
  fontDir?: string | null;
  /** The file's subject line; the forms' common one when not given. */
  subject?: string;
}

export function renderFormPdf(form: FormInfo): Promise<Buffer> {
  return renderPdf(
    {
      pageOrientation: form.orientation,
      pageMargins: [...FORM_MARGINS],
      language: 'vi-VN',
      info: { title: form.title, author: form.author, subject: form.subject ?? 'Mẫu theo Phụ lục IV Nghị định 30/2020/NĐ-CP', creator: 'VănThư' },
      defaultStyle: { fontSize: 10, lineHeight: 1.1 },
      header: pageNumber,
      content: form.content,
    },
    form.fontDir,
  );
}

/** NĐ 30 Phụ lục I: page numbers centred in the top margin, none on the first page. */
function pageNumber(currentPage: number): object | null {
  if (currentPage === 1) return null;
  const [left, top, right] = FORM_MARGINS;
  return { text: String(currentPage), fontSize: 13, alignment: 'center', margin: [left, top / 2 - 7, right, 0] };
}

/** Agency names in capitals, as the top-left block of NĐ 30 documents prints them. */
export interface AgencyHeading {
  parentAgencyName: string | null;
  agencyName: string;
}

export function agencyHeading(agency: { name: string; parentName: string | null }): AgencyHeading {
  const upper = (s: string) => s.toLocaleUpperCase('vi');
  return { parentAgencyName: agency.parentName ? upper(agency.parentName) : null, agencyName: upper(agency.name) };
}

/** The agency block: names centred over a short rule, in the top-left corner. */
export function agencyBlock(heading: AgencyHeading, fontSize = 13, blockWidth = 260): object {
  const ruleWidth = 90;
  return {
    columns: [
      {
        width: blockWidth,
        stack: [
          ...(heading.parentAgencyName ? [{ text: heading.parentAgencyName, fontSize }] : []),
          { text: heading.agencyName, fontSize, bold: true },
          // The stack's centring applies to the canvas too, so the rule is drawn from 0.
          { canvas: [{ type: 'line', x1: 0, y1: 4, x2: ruleWidth, y2: 4, lineWidth: LINE_WIDTH }] },
        ],
        alignment: 'center',
      },
      { width: '*', text: '' },
    ],
  };
}

/** What a register's cover says under its title: the year, then the lines of its span and volume. */
export interface CoverText {
  heading: AgencyHeading;
  title: string;
  year: string;
  details: readonly string[];
}

/** The cover of a register (Phụ lục IV): agency block, title, year, span and volume, then a page break. */
export function coverPage(cover: CoverText, layout: { titleSize?: number; blockWidth?: number } = {}): object[] {
  return [
    agencyBlock(cover.heading, 13, layout.blockWidth),
    { text: cover.title, fontSize: layout.titleSize ?? 28, bold: true, alignment: 'center', margin: [0, 110, 0, 12] },
    { text: cover.year, fontSize: 16, bold: true, alignment: 'center' },
    { stack: [...cover.details], fontSize: 14, alignment: 'center', lineHeight: 1.5, margin: [0, 70, 0, 0], pageBreak: 'after' },
  ];
}

export interface GridColumn {
  header: string;
  width: number | '*';
  align?: 'left' | 'center' | 'right';
}

/**
 * A ruled table with its header and the "(1) (2) …" numbering row repeated on every page; rows
 * never split across pages, so each stays readable where it is bound.
 */
export function grid(columns: readonly GridColumn[], rows: readonly (readonly string[])[], options: { numbered?: boolean; boldRows?: ReadonlySet<number> } = {}): object {
  const header = columns.map((c) => ({ text: c.header, bold: true, alignment: 'center', verticalAlignment: 'middle' }));
  const numbering = columns.map((_, i) => ({ text: `(${i + 1})`, italics: true, fontSize: 9, alignment: 'center' }));
  const numbered = options.numbered ?? true;
  const body = rows.map((row, r) => columns.map((c, i) => ({ text: row[i] ?? '', alignment: c.align ?? 'left', bold: options.boldRows?.has(r) ?? false })));
  return {
    table: {
      headerRows: numbered ? 2 : 1,
      dontBreakRows: true,
      widths: columns.map((c) => c.width),
      body: [header, ...(numbered ? [numbering] : []), ...body],
    },
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
