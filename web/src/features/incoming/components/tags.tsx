import { Space, Tag, Typography } from 'antd';
import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { formatDate } from './format';
import { ROUTING_STATE_COLORS, routingStateLabel, statusLabel, URGENCY_COLORS } from './labels';

/** Ordinary documents get a plain tag so urgent ones stand out by colour. */
export function UrgencyTag({ urgency, label }: { urgency: number; label: string }) {
  return <Tag color={URGENCY_COLORS[urgency]}>{label}</Tag>;
}

export function StatusTag({ status }: { status: string }) {
  return <Tag color={status === 'cancelled' ? 'default' : 'green'}>{statusLabel(status)}</Tag>;
}

/** Where presenting and direction stand: Chờ trình lãnh đạo, Chờ ý kiến chỉ đạo, Đang giải quyết, Đã giải quyết xong. */
export function RoutingStateTag({ state }: { state: string }) {
  return <Tag color={ROUTING_STATE_COLORS[state]}>{routingStateLabel(state)}</Tag>;
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
