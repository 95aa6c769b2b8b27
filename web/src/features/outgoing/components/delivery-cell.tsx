import { Flex, Tag, Tooltip } from 'antd';
import type { DeliveryCounts } from '../api/types';

/** Where an issued document's recipients stand, at a glance: how many registered it, returned it, still have it waiting. */
export function DeliveryCell({ delivery }: { delivery: DeliveryCounts | undefined }) {
  if (!delivery || delivery.total === 0) return '—';
  const registered = delivery.received + delivery.processing + delivery.finished;
  return (
    <Flex gap={4} wrap data-testid="delivery-cell">
      <Tooltip title="Đã vào sổ đến (kể cả đang, đã giải quyết)">
        <Tag color={registered === delivery.total ? 'green' : 'blue'}>
          {registered}/{delivery.total} đã vào sổ
        </Tag>
      </Tooltip>
      {delivery.returned > 0 && <Tag color="red">{delivery.returned} trả lại</Tag>}
      {delivery.delivered > 0 && <Tag>{delivery.delivered} chờ đăng ký</Tag>}
      {delivery.waiting > 0 && <Tag color="gold">{delivery.waiting} chờ gửi qua trục</Tag>}
      {delivery.recalled > 0 && <Tag color="default">{delivery.recalled} đã thu hồi</Tag>}
    </Flex>
  );
}
