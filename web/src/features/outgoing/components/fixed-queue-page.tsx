import { Card } from 'antd';
import { PageHeader } from '@/components/page-header';
import type { OutgoingQueue } from '../api/types';
import { QueueView } from './queue-view';
import { useQueueParams } from './use-queue-params';

/** A single queue as its own page, for the menu entries of leaders (chờ ký) and unit heads (chờ duyệt). */
export function FixedQueuePage({ queue, title, description }: { queue: OutgoingQueue; title: string; description: string }) {
  const [params, setParams] = useQueueParams(queue);
  return (
    <>
      <PageHeader title={title} description={description} />
      <Card>
        <QueueView queue={queue} search={params.search} year={params.year} onSearch={(search) => setParams({ search })} onYear={(year) => setParams({ year })} />
      </Card>
    </>
  );
}
