/** Vietnamese names for the codes the outgoing API uses; unknown codes are shown as they are. */
import type { OutgoingQueue } from '../api/types';

const label = (labels: Record<string, string>) => (code: string) => labels[code] ?? code;

export const QUEUE_LABELS: Record<OutgoingQueue, string> = {
  mine: 'Của tôi',
  approve: 'Chờ duyệt',
  sign: 'Chờ ký',
  issue: 'Chờ phát hành',
  issued: 'Đã phát hành',
};

export const STATE_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'gold',
  returned: 'red',
  approved: 'blue',
  signed: 'cyan',
  numbered: 'geekblue',
  issued: 'green',
  recalled: 'default',
};

/** Độ khẩn of an outgoing document: Hỏa tốc hẹn giờ is not offered when drafting. */
export const URGENCY_OPTIONS = [
  { value: 0, label: 'Thường' },
  { value: 1, label: 'Khẩn' },
  { value: 2, label: 'Thượng khẩn' },
  { value: 3, label: 'Hỏa tốc' },
];

export const urgencyLabel = (urgency: number) => URGENCY_OPTIONS.find((o) => o.value === urgency)?.label ?? String(urgency);

export const AUTHORITY_LABELS: Record<string, string> = {
  '': 'Ký trực tiếp',
  'TM.': 'TM. (thay mặt)',
  'KT.': 'KT. (ký thay)',
  'TL.': 'TL. (thừa lệnh)',
  'TUQ.': 'TUQ. (thừa ủy quyền)',
  'Q.': 'Q. (quyền)',
};

export const conversionLabel = label({ not_needed: 'Tệp PDF', pending: 'Đang chuyển sang PDF…', done: 'Đã chuyển sang PDF', failed: 'Chuyển sang PDF thất bại' });

export const CONVERSION_COLORS: Record<string, string> = { not_needed: 'default', pending: 'processing', done: 'success', failed: 'error' };

export const RECIPIENT_COLORS: Record<string, string> = {
  waiting_exchange: 'default',
  sent: 'blue',
  delivered: 'cyan',
  received: 'green',
  returned: 'red',
  processing: 'processing',
  finished: 'success',
  recalled: 'default',
  recall_confirmed: 'default',
};

/** Steps of the document's life, as the clerk's logbook would phrase them. */
export const eventKindLabel = label({
  created: 'Tạo dự thảo',
  edited: 'Sửa dự thảo',
  version: 'Thêm phiên bản dự thảo',
  submitted: 'Gửi duyệt',
  approved: 'Duyệt dự thảo',
  returned: 'Trả lại dự thảo',
  signed: 'Người có thẩm quyền ký số',
  numbered: 'Cấp số',
  issued: 'Ký số của cơ quan, phát hành',
  delivered: 'Gửi văn bản đến nơi nhận',
  recalled: 'Thu hồi văn bản',
  'recipient.delivered': 'Nơi nhận đã nhận văn bản',
  'recipient.received': 'Nơi nhận đã vào sổ đến',
  'recipient.returned': 'Nơi nhận trả lại văn bản',
  'recipient.processing': 'Nơi nhận đang xử lý',
  'recipient.finished': 'Nơi nhận đã xử lý xong',
  'recipient.recall_confirmed': 'Nơi nhận xác nhận thu hồi',
});

export const EVENT_COLORS: Record<string, string> = { returned: 'red', recalled: 'gray', issued: 'green', 'recipient.returned': 'red' };
