/** What each queue does, in the words of the people who run the system; an unknown queue shows its code. */
export const QUEUE_LABELS: Record<string, string> = {
  'outgoing.convert': 'Chuyển dự thảo sang PDF',
  'outgoing.convert-sweep': 'Rà soát dự thảo chờ chuyển PDF',
  'incoming.deadline-reminders': 'Nhắc hạn xử lý văn bản đến',
  'signing.certificate-expiry': 'Cảnh báo chứng thư số sắp hết hạn',
  'db.analyze': 'Cập nhật thống kê cơ sở dữ liệu',
  'jobs.remove-finished': 'Dọn công việc đã xong',
};

export const queueLabel = (queue: string) => QUEUE_LABELS[queue] ?? queue;
