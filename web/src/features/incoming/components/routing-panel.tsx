import { useState } from 'react';
import { Checkbox, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import type { AgencyDirectory } from '@/lib/directory';
import type { Routing } from '../api/types';
import { AssignmentsTable } from './assignments-table';
import { formatDate, formatDateTime } from './format';
import { ROUTING_STATE_COLORS, routingStateLabel } from './labels';

const when = (name: string, at: string | null) => (at ? `${name}, ${formatDateTime(at)}` : '—');

/** Where the document stands: presented to whom, directed how, and who works on it by when. */
export function RoutingPanel({ routing, directory, frozen }: { routing: Routing; directory: AgencyDirectory; frozen: boolean }) {
  const [showRecalled, setShowRecalled] = useState(false);
  const recalled = routing.assignments.filter((a) => a.state === 'recalled').length;
  const shown = showRecalled ? routing.assignments : routing.assignments.filter((a) => a.state !== 'recalled');

  return (
    <Flex vertical gap={16} data-testid="routing-panel">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'state', label: 'Tình trạng', children: <Tag color={ROUTING_STATE_COLORS[routing.state]} data-testid="routing-state">{routingStateLabel(routing.state)}</Tag> },
          { key: 'presented', label: 'Trình lãnh đạo', children: when(directory.personName(routing.presentedTo), routing.presentedAt) },
          { key: 'directed', label: 'Lãnh đạo chỉ đạo', children: when(directory.personName(routing.directedBy), routing.directedAt) },
          { key: 'deadline', label: 'Thời hạn giải quyết', children: formatDate(routing.deadline) },
          { key: 'followUp', label: 'Người theo dõi, đôn đốc', children: directory.personName(routing.followUpUserId) },
          { key: 'comment', label: 'Ý kiến chỉ đạo', span: 'filled', children: routing.comment ? <Typography.Text italic>{routing.comment}</Typography.Text> : '—' },
        ]}
      />
      {shown.length > 0 ? (
        <AssignmentsTable assignments={shown} directory={directory} frozen={frozen} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có phân công xử lý" />
      )}
      {recalled > 0 && (
        <Checkbox checked={showRecalled} onChange={(e) => setShowRecalled(e.target.checked)}>
          Hiện {recalled} phân công đã thu hồi
        </Checkbox>
      )}
    </Flex>
  );
}
