import { Alert } from 'antd';
import type { AgencyDirectory } from '@/lib/directory';
import type { Routing, TimelineEvent } from '../api/types';
import { formatDateTime } from './format';

/**
 * A document the head sent back waits with the clerk again; the reason is what the clerk must act
 * on (re-present to someone else, add papers…), so it stands above the page, not only in the timeline.
 */
export function ReturnedNotice({ routing, events, directory }: { routing?: Routing; events?: TimelineEvent[]; directory: AgencyDirectory }) {
  const last = events?.at(-1);
  if (routing?.state !== 'registered' || last?.kind !== 'returned_to_clerk') return null;
  const reason = (last.details as { reason?: string } | null)?.reason;
  return (
    <Alert
      type="warning"
      showIcon
      title={`${directory.personName(last.actorId)} đã trả lại văn bản lúc ${formatDateTime(last.at)}`}
      description={reason ? `Lý do: ${reason}` : undefined}
      data-testid="returned-notice"
    />
  );
}
