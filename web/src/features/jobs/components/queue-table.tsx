import { Table, Tag, Typography } from 'antd';
import type { QueueCounts } from '../api/jobs';
import { queueLabel } from './labels';

const count = (n: number, color: string) => (n > 0 ? <Tag color={color}>{n.toLocaleString('vi-VN')}</Tag> : <Typography.Text type="secondary">0</Typography.Text>);

/** One row per queue: how many jobs wait, run, wait for a retry, have failed for good, are done. */
export function QueueTable({ queues, loading }: { queues: QueueCounts[]; loading: boolean }) {
  return (
    <Table<QueueCounts>
      size="small"
      rowKey="queue"
      loading={loading}
      dataSource={queues}
      pagination={false}
      data-testid="job-queues"
      locale={{ emptyText: 'Chưa có công việc nào' }}
      columns={[
        {
          title: 'Hàng đợi',
          dataIndex: 'queue',
          render: (q: string) => (
            <>
              {queueLabel(q)}
              <br />
              <Typography.Text type="secondary" code>
                {q}
              </Typography.Text>
            </>
          ),
        },
        { title: 'Đang chờ', dataIndex: 'waiting', width: 110, render: (n: number) => count(n, 'blue') },
        { title: 'Đang chạy', dataIndex: 'running', width: 110, render: (n: number) => count(n, 'processing') },
        { title: 'Chờ thử lại', dataIndex: 'retry', width: 110, render: (n: number) => count(n, 'orange') },
        { title: 'Lỗi', dataIndex: 'dead', width: 110, render: (n: number) => count(n, 'red') },
        { title: 'Đã xong', dataIndex: 'done', width: 110, render: (n: number) => count(n, 'green') },
      ]}
    />
  );
}
