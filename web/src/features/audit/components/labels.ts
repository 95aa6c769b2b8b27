/** Vietnamese names for what the server records; unknown codes are shown as they are. */
const ACTION_LABELS: Record<string, string> = {
  'auth.login': 'Đăng nhập',
  'auth.login_failed': 'Đăng nhập không thành công',
  'auth.login_locked': 'Tạm khóa đăng nhập trên một máy',
  'auth.login_slowed': 'Giãn thời gian đăng nhập từ máy lạ',
  'auth.logout': 'Đăng xuất',
  'auth.password_changed': 'Đổi mật khẩu',
  'agency.create': 'Thêm cơ quan',
  'agency.update': 'Sửa cơ quan',
  'agency.disable': 'Ngừng sử dụng cơ quan',
  'unit.create': 'Thêm đơn vị',
  'unit.update': 'Sửa đơn vị',
  'user.create': 'Thêm người dùng',
  'user.update': 'Sửa người dùng',
  'user.disable': 'Khóa tài khoản',
  'user.password_reset': 'Đặt lại mật khẩu',
  'user.login_unlock': 'Gỡ tạm khóa đăng nhập',
  'audit.security_events_export': 'Xuất sự kiện an ninh',
  'file.store': 'Tải tệp lên',
  'file.read': 'Tải tệp xuống',
  'calendar.override_add': 'Khai báo ngày nghỉ, ngày làm bù',
  'calendar.override_remove': 'Xóa khai báo lịch',
};

const OBJECT_TYPE_LABELS: Record<string, string> = {
  agency: 'Cơ quan',
  unit: 'Đơn vị',
  user: 'Người dùng',
  file: 'Tệp',
  calendar_day: 'Ngày trong lịch',
  security_event: 'Sự kiện an ninh',
};

export const actionLabel = (action: string) => ACTION_LABELS[action] ?? action;
export const objectTypeLabel = (type: string) => OBJECT_TYPE_LABELS[type] ?? type;

export const ACTION_OPTIONS = Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }));
export const OBJECT_TYPE_OPTIONS = Object.entries(OBJECT_TYPE_LABELS).map(([value, label]) => ({ value, label }));
