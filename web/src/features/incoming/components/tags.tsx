import { Space, Tag, Typography } from 'antd';
import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { formatDate } from './format';
import { statusLabel, URGENCY_COLORS } from './labels';

/** Ordinary documents get a plain tag so urgent ones stand out by colour. */
export function UrgencyTag({ urgency, label }: { urgency: number; label: string }) {
  return <Tag color={URGENCY_COLORS[urgency]}>{label}</Tag>;
}

export function StatusTag({ status }: { status: string }) {
  return <Tag color={status === 'cancelled' ? 'default' : 'green'}>{statusLabel(status)}</Tag>;
}

/** A deadline with the server's working-day flags: due within two working days, or past. */
export function DeadlineText({ deadline, dueSoon, overdue }: { deadline: string | null; dueSoon: boolean; overdue: boolean }) {
  if (!deadline) return <Typography.Text type="secondary">Không có hạn</Typography.Text>;
  return (
    <Space size={4} wrap>
      <span>{formatDate(deadline)}</span>
      {overdue && (
        <Tag color="red" icon={<WarningOutlined />}>
          Quá hạn
        </Tag>
      )}
      {dueSoon && (
        <Tag color="orange" icon={<ClockCircleOutlined />}>
          Sắp đến hạn
        </Tag>
      )}
    </Space>
  );
}
