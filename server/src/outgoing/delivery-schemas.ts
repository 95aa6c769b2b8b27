import { Type, type Static } from 'typebox';
import { OutgoingSummary } from './schemas.js';

/** The clerk's delivery status board (Q-12.3c, Q-6.2c): where each document stands with its recipients. */

const Count = (description: string) => Type.Integer({ minimum: 0, description });

export const DeliveryCounts = Type.Object(
  {
    total: Count('Tổng số nơi nhận (trong hệ thống và ngoài hệ thống)'),
    waiting: Count('Chưa đến nơi nhận: chờ gửi qua trục liên thông, hoặc dự thảo chưa phát hành'),
    delivered: Count('Đã đến nơi nhận, chưa vào sổ đến'),
    received: Count('Đã vào sổ đến'),
    returned: Count('Bị trả lại'),
    processing: Count('Đang xử lý'),
    finished: Count('Đã xử lý xong'),
    recalled: Count('Đã thu hồi (kể cả nơi nhận đã xác nhận thu hồi)'),
  },
  { description: 'Số nơi nhận theo trạng thái; các số cộng lại bằng total' },
);
export type DeliveryCounts = Static<typeof DeliveryCounts>;

/** A row of the outgoing lists: the summary with its recipients counted by status. */
export const OutgoingListItem = Type.Intersect([OutgoingSummary, Type.Object({ delivery: DeliveryCounts })]);
export type OutgoingListItem = Static<typeof OutgoingListItem>;
