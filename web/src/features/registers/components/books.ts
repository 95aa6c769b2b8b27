/**
 * The printed books and reports of NĐ 30 Phụ lục IV the server makes, and which range each takes:
 * a register volume (year, number or date range), or a period (from–to dates).
 */
export type Range = 'volume' | 'period';

export interface Book {
  key: string;
  title: string;
  description: string;
  /** Route without the format; `.pdf` or `.xlsx` is appended. */
  path: string;
  range: Range;
  /** The register has separate series (outgoing). */
  series?: boolean;
  /** Numbers can bound the volume (registers with their own numbers). */
  numbers?: boolean;
}

export const INCOMING_BOOKS: Book[] = [
  { key: 'incoming-register', title: 'Sổ đăng ký văn bản đến', description: 'Mẫu VI Phụ lục IV: in, ký và đóng quyển theo năm.', path: '/api/incoming/register', range: 'volume', numbers: true },
  { key: 'incoming-tracking', title: 'Sổ theo dõi giải quyết văn bản đến', description: 'Mẫu VIII Phụ lục IV.', path: '/api/incoming/tracking', range: 'volume' },
  { key: 'incoming-report', title: 'Báo cáo tình hình giải quyết văn bản đến', description: 'Theo đơn vị và cá nhân: tiếp nhận, đúng hạn, quá hạn, đang giải quyết.', path: '/api/incoming/reports/handling', range: 'period' },
];

export const OUTGOING_BOOKS: Book[] = [
  { key: 'outgoing-register', title: 'Sổ đăng ký văn bản đi', description: 'Mẫu I Phụ lục IV: mỗi sổ (sổ chung hoặc sổ riêng) một quyển theo năm.', path: '/api/outgoing/print/register', range: 'volume', series: true, numbers: true },
  { key: 'post-register', title: 'Sổ gửi văn bản đi bưu điện', description: 'Mẫu III Phụ lục IV: văn bản gửi kèm bản giấy và gửi nơi nhận ngoài hệ thống.', path: '/api/outgoing/print/post-register', range: 'volume', series: true, numbers: true },
  { key: 'outgoing-report', title: 'Báo cáo văn bản đi', description: 'Theo loại văn bản, đơn vị soạn thảo, người ký và tình trạng gửi, nhận.', path: '/api/outgoing/print/report', range: 'period' },
];
