/** Vietnamese names for the codes the incoming API uses; unknown codes are shown as they are. */

const label = (labels: Record<string, string>) => (code: string) => labels[code] ?? code;

/** Độ khẩn as edXML Priority 0–4. */
export const URGENCY_OPTIONS = [
  { value: 0, label: 'Thường' },
  { value: 1, label: 'Khẩn' },
  { value: 2, label: 'Thượng khẩn' },
  { value: 3, label: 'Hỏa tốc' },
  { value: 4, label: 'Hỏa tốc hẹn giờ' },
];

/** Hotter means more urgent: red for Hỏa tốc, orange shades for Thượng khẩn and Khẩn. */
export const URGENCY_COLORS: Record<number, string | undefined> = { 1: 'orange', 2: 'volcano', 3: 'red', 4: 'red' };

export const SECRECY_OPTIONS = [
  { value: 'none', label: 'Không mật' },
  { value: 'mat', label: 'Mật' },
  { value: 'toi_mat', label: 'Tối mật' },
  { value: 'tuyet_mat', label: 'Tuyệt mật' },
];

export const SOURCE_OPTIONS = [
  { value: 'paper', label: 'Văn bản giấy' },
  { value: 'upload', label: 'Văn bản điện tử' },
];

export const sourceLabel = label({ paper: 'Văn bản giấy', upload: 'Văn bản điện tử (tải lên)', lgsp: 'Văn bản điện tử (trục liên thông)' });

export const STATUS_OPTIONS = [
  { value: 'registered', label: 'Đã đăng ký' },
  { value: 'cancelled', label: 'Đã hủy đăng ký' },
];

export const statusLabel = label({ registered: 'Đã đăng ký', cancelled: 'Đã hủy đăng ký' });

export const signatureLabel = label({
  pending: 'Chờ kiểm tra chữ ký số',
  not_applicable: 'Không áp dụng (văn bản giấy)',
  valid: 'Chữ ký số hợp lệ',
  invalid: 'Chữ ký số không hợp lệ',
  indeterminate: 'Chưa xác định được tính hợp lệ của chữ ký số',
});

export const SIGNATURE_COLORS: Record<string, string> = { pending: 'gold', valid: 'green', invalid: 'red', indeterminate: 'orange' };

export const routingStateLabel = label({ registered: 'Chờ trình lãnh đạo', presented: 'Chờ ý kiến chỉ đạo', directed: 'Đang giải quyết', done: 'Đã giải quyết xong' });

export const ROUTING_STATE_COLORS: Record<string, string> = { registered: 'default', presented: 'gold', directed: 'blue', done: 'green' };

export const assignmentRoleLabel = label({ lead: 'Chủ trì', coordinate: 'Phối hợp', inform: 'Để biết' });

export const ASSIGNMENT_ROLE_COLORS: Record<string, string> = { lead: 'blue', coordinate: 'cyan', inform: 'default' };

export const assignmentStateLabel = label({ open: 'Chưa xử lý', in_progress: 'Đang xử lý', done: 'Hoàn thành', recalled: 'Đã thu hồi' });

export const ASSIGNMENT_STATE_COLORS: Record<string, string> = { open: 'default', in_progress: 'processing', done: 'success', recalled: 'default' };

/** Steps of the timeline (Q-11.3đ), as the clerk's logbook would phrase them. */
export const timelineKindLabel = label({
  registered: 'Đăng ký văn bản đến',
  presented: 'Trình lãnh đạo',
  directed: 'Cho ý kiến chỉ đạo',
  assigned: 'Giao chuyên viên',
  progress: 'Báo cáo tiến độ',
  extension_requested: 'Đề nghị gia hạn',
  deadline_extended: 'Gia hạn xử lý',
  finished: 'Hoàn thành',
  recalled: 'Thu hồi phân công',
  returned_to_clerk: 'Trả lại văn thư',
  cancelled: 'Hủy đăng ký',
});

export const lateStepLabel = label({ register: 'Đăng ký', present: 'Trình lãnh đạo', forward: 'Chuyển giao xử lý' });

/** Tên loại văn bản hành chính (NĐ30, Điều 7) offered while typing; any other name is accepted. */
export const DOCUMENT_TYPES = [
  'Nghị quyết',
  'Quyết định',
  'Chỉ thị',
  'Quy chế',
  'Quy định',
  'Thông cáo',
  'Thông báo',
  'Hướng dẫn',
  'Chương trình',
  'Kế hoạch',
  'Phương án',
  'Đề án',
  'Dự án',
  'Báo cáo',
  'Biên bản',
  'Tờ trình',
  'Hợp đồng',
  'Công văn',
  'Công điện',
  'Bản ghi nhớ',
  'Bản thỏa thuận',
  'Giấy ủy quyền',
  'Giấy mời',
  'Giấy giới thiệu',
  'Giấy nghỉ phép',
  'Phiếu gửi',
  'Phiếu chuyển',
  'Phiếu báo',
  'Thư công',
];
