/**
 * The 29 kinds of administrative document (NĐ 30/2020 Art. 7) with their abbreviations
 * (Phụ lục III). A Công văn has none: its ký hiệu is agency + drafting unit (`12/SNV-VP`).
 * Thư công is a type without an abbreviation in the table; it is numbered like a Công văn.
 */
export const DOCUMENT_TYPES = [
  { code: 'NQ', name: 'Nghị quyết' },
  { code: 'QĐ', name: 'Quyết định' },
  { code: 'CT', name: 'Chỉ thị' },
  { code: 'QC', name: 'Quy chế' },
  { code: 'QyĐ', name: 'Quy định' },
  { code: 'TC', name: 'Thông cáo' },
  { code: 'TB', name: 'Thông báo' },
  { code: 'HD', name: 'Hướng dẫn' },
  { code: 'CTr', name: 'Chương trình' },
  { code: 'KH', name: 'Kế hoạch' },
  { code: 'PA', name: 'Phương án' },
  { code: 'ĐA', name: 'Đề án' },
  { code: 'DA', name: 'Dự án' },
  { code: 'BC', name: 'Báo cáo' },
  { code: 'BB', name: 'Biên bản' },
  { code: 'TTr', name: 'Tờ trình' },
  { code: 'HĐ', name: 'Hợp đồng' },
  { code: 'CV', name: 'Công văn', noAbbreviation: true },
  { code: 'CĐ', name: 'Công điện' },
  { code: 'BGN', name: 'Bản ghi nhớ' },
  { code: 'BTT', name: 'Bản thỏa thuận' },
  { code: 'GUQ', name: 'Giấy ủy quyền' },
  { code: 'GM', name: 'Giấy mời' },
  { code: 'GGT', name: 'Giấy giới thiệu' },
  { code: 'GNP', name: 'Giấy nghỉ phép' },
  { code: 'PG', name: 'Phiếu gửi' },
  { code: 'PC', name: 'Phiếu chuyển' },
  { code: 'PB', name: 'Phiếu báo' },
  { code: 'TCg', name: 'Thư công', noAbbreviation: true },
] as const satisfies readonly { code: string; name: string; noAbbreviation?: boolean }[];

export type DocumentTypeCode = (typeof DOCUMENT_TYPES)[number]['code'];

export const TYPE_CODES = DOCUMENT_TYPES.map((t) => t.code) as DocumentTypeCode[];

export function documentType(code: string) {
  return DOCUMENT_TYPES.find((t) => t.code === code);
}

/** Authority prefixes before the signer's title (NĐ 30 Art. 13): thay mặt, ký thay, thừa lệnh, thừa ủy quyền, quyền. */
export const SIGNER_AUTHORITIES = ['', 'TM.', 'KT.', 'TL.', 'TUQ.', 'Q.'] as const;

/**
 * Why an electronic document is also sent on paper: the closed list of the Regulation,
 * points a–đ (requirements ). Any other reason is refused.
 */
export const PAPER_REASONS = {
  a: 'Văn bản quy phạm pháp luật gửi cơ quan kiểm tra, công báo, cơ sở dữ liệu và cơ quan ngoài hệ thống hành chính nhà nước',
  b: 'Nội dung phức tạp (bản đồ, bản vẽ, ấn phẩm), quy hoạch, tài chính, tổ chức bộ máy, nhân sự, chế độ chính sách',
  c: 'Trường hợp tại điểm a khoản 2 Điều 7 Quyết định 28/2018/QĐ-TTg',
  d: 'Hồ sơ dự thảo văn bản quy phạm pháp luật gửi thẩm định, trình',
  đ: 'Nơi nhận chưa nhận được văn bản điện tử, theo quyết định của người đứng đầu cơ quan',
} as const;

export type PaperReason = keyof typeof PAPER_REASONS;

/**
 * Ký hiệu (Phụ lục I, II.3): type + agency (`QĐ-SNV`); for a Công văn or Thư công, agency +
 * drafting unit (`SNV-VP`). A council issuing under the agency's seal uses its own abbreviation
 * in place of the agency's.
 */
export function notationOf(typeCode: string, issuerAbbreviation: string, unitAbbreviation: string | null): string {
  const type = documentType(typeCode);
  if (!type) throw new Error(`unknown document type ${typeCode}`);
  if ('noAbbreviation' in type && type.noAbbreviation) return unitAbbreviation ? `${issuerAbbreviation}-${unitAbbreviation}` : issuerAbbreviation;
  return `${type.code}-${issuerAbbreviation}`;
}

