import { Card, Tabs } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { paths } from '@/config/paths';
import { LinkButton } from '@/components/link-button';
import { PageHeader } from '@/components/page-header';
import { useCurrentSession } from '@/lib/auth';
import type { OutgoingQueue } from '../api/types';
import { canDraft } from '../components/permissions';
import { QUEUE_LABELS } from '../components/labels';
import { QueueView } from '../components/queue-view';
import { defaultQueue, useQueueParams } from '../components/use-queue-params';

const QUEUES: OutgoingQueue[] = ['mine', 'approve', 'sign', 'issue', 'issued'];

/** Văn bản đi by queue: what I drafted, what waits for approval, signature, issue, and the issued register. */
export default function OutgoingListRoute() {
  const session = useCurrentSession();
  const [params, setParams] = useQueueParams(defaultQueue(session));

  return (
    <>
      <PageHeader
        title="Văn bản đi"
        description="Dự thảo, duyệt, ký số, cấp số và phát hành văn bản đi của cơ quan. Văn bản khẩn ở trên cùng."
        extra={
          canDraft(session) && (
            <LinkButton type="primary" icon={<EditOutlined />} to={paths.outgoing.compose.getHref()} data-testid="compose-outgoing">
              Soạn văn bản
            </LinkButton>
          )
        }
      />
      <Card>
        <Tabs
          activeKey={params.queue}
          onChange={(key) => setParams({ queue: key as OutgoingQueue })}
          items={QUEUES.map((q) => ({ key: q, label: QUEUE_LABELS[q] }))}
          data-testid="outgoing-queues"
        />
        <QueueView
          key={params.queue}
          queue={params.queue}
          search={params.search}
          year={params.year}
          onSearch={(search) => setParams({ search })}
          onYear={(year) => setParams({ year })}
        />
      </Card>
    </>
  );
}
