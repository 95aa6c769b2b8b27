/**
 * The Phiếu giải quyết văn bản đến (NĐ 30 Phụ lục IV mẫu VII) as an A4 portrait PDF: agency block,
 * title, the document it goes with, then the three sections. What the system does not hold yet is
 * left as dotted lines, so the same slip also serves the paper round.
 */
import { agencyBlock, renderFormPdf } from '../../infra/print/form-pdf.js';
import type { SlipContent, SlipSignature, SlipTarget } from './slip-data.js';

export const SLIP_TITLE = 'PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN';
export const SLIP_SECTIONS = ['1. Ý kiến của lãnh đạo cơ quan:', '2. Ý kiến của lãnh đạo đơn vị:', '3. Ý kiến đề xuất của người giải quyết:'] as const;

/** A full line of dots at 13 pt across the A4 portrait text width, for writing in by hand. */
const DOTS = '.'.repeat(140);
export const BLANK_DATE = 'Ngày …… tháng …… năm ……';

const section = (title: string) => ({ text: title, bold: true, margin: [0, 10, 0, 4] });
const dotted = (n: number) => Array.from({ length: n }, () => ({ text: DOTS, color: '#555555' }));
const assigned = (label: string, t: SlipTarget) => `- ${label}: ${t.name}${t.deadline ? `; thời hạn: ${t.deadline}` : ''}`;

/** A block on the right: what it holds, then room to sign by hand. */
function rightBlock(lines: object[], after: object[] = []): object {
  return {
    columns: [{ width: '*', text: '' }, { width: 230, alignment: 'center', stack: [...lines, { text: ' ', margin: [0, 0, 0, 22] }, ...after] }],
    unbreakable: true,
    margin: [0, 4, 0, 0],
  };
}

const signatureBlock = (s: SlipSignature) => rightBlock([{ text: s.date, italics: true }, { text: s.title, bold: true }], [{ text: s.name, bold: true }]);
/** Where nothing is recorded yet: a date to write in and a place to sign. */
const blankSignature = () => rightBlock([{ text: BLANK_DATE, italics: true }, { text: '(Ký, ghi rõ họ tên)', italics: true }]);

function directionSection(slip: SlipContent): object[] {
  const d = slip.direction;
  if (!d) return [...dotted(4), blankSignature()];
  return [
    ...(d.comment ? [{ text: d.comment }] : []),
    ...(d.lead ? [{ text: assigned('Chủ trì', d.lead) }] : []),
    ...d.coordinating.map((t) => ({ text: assigned('Phối hợp', t) })),
    ...(d.inform.length ? [{ text: `- Để biết: ${d.inform.join('; ')}` }] : []),
    ...(d.followUp ? [{ text: `- Theo dõi, đôn đốc: ${d.followUp}` }] : []),
    ...(d.deadline ? [{ text: `- Thời hạn giải quyết: ${d.deadline}` }] : []),
    signatureBlock(d.signature),
  ];
}

function unitSection(slip: SlipContent): object[] {
  if (!slip.unitOpinions.length) return [...dotted(3), blankSignature()];
  return slip.unitOpinions.flatMap((u) => [
    { text: `${u.unitName}:`, italics: true, margin: [0, 4, 0, 0] },
    ...(u.note ? [{ text: u.note }] : []),
    { text: assigned('Giao', { name: u.assignee, deadline: u.deadline }) },
    signatureBlock(u.signature),
  ]);
}

function proposalSection(slip: SlipContent): object[] {
  if (!slip.proposals.length) return [...dotted(4), blankSignature()];
  return slip.proposals.map((text) => ({ text: `- ${text}` }));
}

export async function buildSlipPdf(slip: SlipContent, options: { fontDir?: string | null } = {}): Promise<Buffer> {
  return renderFormPdf({
    title: `Phiếu giải quyết văn bản đến số ${slip.arrivalNumber}`,
    author: slip.heading.agencyName,
    orientation: 'portrait',
    fontDir: options.fontDir,
    content: [
      {
        fontSize: 13,
        stack: [
          agencyBlock(slip.heading),
          { text: SLIP_TITLE, fontSize: 14, bold: true, alignment: 'center', margin: [0, 24, 0, 6] },
          {
            alignment: 'center',
            stack: [
              { text: slip.documentLine },
              { text: slip.subject, bold: true },
              { text: slip.arrival, italics: true },
              ...(slip.cancelled ? [{ text: slip.cancelled, italics: true }] : []),
            ],
            margin: [0, 0, 0, 6],
          },
          section(SLIP_SECTIONS[0]),
          ...directionSection(slip),
          section(SLIP_SECTIONS[1]),
          ...unitSection(slip),
          section(SLIP_SECTIONS[2]),
          ...proposalSection(slip),
        ],
      },
    ],
  });
}
