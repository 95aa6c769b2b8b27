import type { Ctx } from '../infra/context.js';
import { requireActor } from '../infra/context.js';
import { AppError, notFound } from '../shared/errors.js';
import { verifyWithTrustList } from '../signing/index.js';
import { listAgencies, type Agency } from '../agencies/index.js';
import { fold } from '../shared/text.js';
import { isolate } from '../infra/isolate/index.js';
import type { FirstPage } from './prefill-text.js';

/** Reading a page's text is quick for a sound PDF; a junk one may keep pdf.js busy for seconds. */
const READ_LIMITS = { timeoutMs: 10_000, heapMb: 512 };
const BYTE_RANGE = Buffer.from('/ByteRange');

/**
 * Reads what a clerk would otherwise type (Appendix VI III.1.g): number and symbol, date, issuing
 * agency, type and summary from page 1's text laid out as NĐ30 Appendix I prescribes, and the
 * signer from the digital signature. Suggestions only: the clerk confirms them.
 */
export interface Prefill {
  issuerCode?: string;
  codeNumber?: string;
  codeNotation?: string;
  issuedDate?: string;
  issuerName?: string;
  typeName?: string;
  subject?: string;
  signerName?: string;
  pageAmount?: number;
}

/** Names of document types (NĐ30 Art. 7) as they stand, in capitals, above the summary. */
const TYPE_NAMES = [
  'Nghị quyết', 'Quyết định', 'Chỉ thị', 'Quy chế', 'Quy định', 'Thông cáo', 'Thông báo', 'Hướng dẫn', 'Chương trình', 'Kế hoạch',
  'Phương án', 'Đề án', 'Dự án', 'Báo cáo', 'Biên bản', 'Tờ trình', 'Hợp đồng', 'Công điện', 'Bản ghi nhớ', 'Bản thỏa thuận',
  'Giấy ủy quyền', 'Giấy mời', 'Giấy giới thiệu', 'Giấy nghỉ phép', 'Phiếu gửi', 'Phiếu chuyển', 'Phiếu báo', 'Thư công',
];

const NUMBER_RE = /Số\s*:\s*(\d{1,11})\s*\/\s*([0-9A-ZĐ][0-9A-ZĐa-zđ.\-]{0,29})/u;
const DATE_RE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
const isUpper = (s: string) => s === s.toLocaleUpperCase('vi') && /\p{L}/u.test(s);

export function readLayout(lines: string[], left: string[] = lines): Prefill {
  const out: Prefill = {};
  const text = lines.join('\n');
  const num = NUMBER_RE.exec(text);
  if (num) [out.codeNumber, out.codeNotation] = [num[1], num[2]];
  const date = DATE_RE.exec(text);
  if (date) out.issuedDate = `${date[3]}-${date[2].padStart(2, '0')}-${date[1].padStart(2, '0')}`;
  // The issuer is the last capitalised heading line before "Số:" (the first may be the parent body).
  const numberLine = left.findIndex((l) => NUMBER_RE.test(l));
  const heading = left.slice(0, numberLine >= 0 ? numberLine : 3).filter((l) => isUpper(l) && !/^CỘNG HÒA|^ĐỘC LẬP/u.test(l));
  if (heading.length) out.issuerName = heading[heading.length - 1];
  const typeIndex = lines.findIndex((l) => TYPE_NAMES.some((t) => l === t.toLocaleUpperCase('vi')));
  if (typeIndex >= 0) {
    out.typeName = TYPE_NAMES.find((t) => lines[typeIndex] === t.toLocaleUpperCase('vi'));
    const next = lines[typeIndex + 1];
    if (next && !isUpper(next)) out.subject = next;
  } else {
    const vv = lines.find((l) => /^V\/v\s/u.test(l));
    if (vv) [out.typeName, out.subject] = ['Công văn', vv.replace(/^V\/v\s+/u, 'Về việc ')];
  }
  return out;
}

/**
 * The heading in capitals names the issuer; the directory spells it properly and gives its code
 * when exactly one agency's name starts with it ("SỞ NỘI VỤ" → "Sở Nội vụ tỉnh Thái Nguyên").
 */
function matchIssuer(heading: string, agencies: Agency[]): Pick<Prefill, 'issuerName' | 'issuerCode'> {
  const key = fold(heading);
  const hits = agencies.filter((a) => fold(a.name).startsWith(key));
  return hits.length === 1 ? { issuerName: hits[0].name, issuerCode: hits[0].code } : { issuerName: capitalise(heading) };
}

function capitalise(upper: string): string {
  const lower = upper.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

export async function prefillFromFile(ctx: Ctx, fileId: string): Promise<Prefill> {
  const actor = requireActor(ctx);
  const file = await ctx.files.get(ctx, fileId);
  if (file.agencyId !== actor.agencyId) throw notFound('Tệp');
  if (file.format !== 'pdf') throw new AppError('VALIDATION_FAILED', 'Chỉ đọc được thông tin từ tệp PDF.', [{ field: 'fileId' }]);
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.files.openVerified(file)) chunks.push(chunk as Buffer);
  const pdf = Buffer.concat(chunks);
  let result: Prefill = {};
  try {
    const { lines, left, pages } = await isolate.run<FirstPage>(new URL('./prefill-text.ts', import.meta.url), 'firstPageLines', [pdf], READ_LIMITS);
    result = { ...readLayout(lines, left), pageAmount: pages };
    if (result.issuerName) result = { ...result, ...matchIssuer(result.issuerName, await listAgencies(ctx.db)) };
  } catch {
    // A PDF pdf.js cannot read (or not within the limits) still gets the signature's facts below.
  }
  // Every PDF signature has a /ByteRange; without one there is no signer to read, and no need to parse the file again.
  if (!pdf.includes(BYTE_RANGE)) return result;
  const signature = await verifyWithTrustList(ctx.db, pdf);
  const first = signature.signatures[0];
  if (first?.signer?.commonName) result.signerName = first.signer.commonName.slice(0, 50);
  return result;
}
