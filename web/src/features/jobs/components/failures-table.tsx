import { App, Button, Table, Tag, Typography } from 'antd';
import { RedoOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { errorMessage } from '@/lib/api';
import { useRetryJob, type FailedJob } from '../api/jobs';
import { queueLabel } from './labels';

const when = (at: string | null) => (at ? dayjs(at).format('HH:mm:ss DD/MM/YYYY') : '');

/** The latest failures with their error; a job whose attempts are used up can be run again. */
export function FailuresTable({ failures }: { failures: FailedJob[] }) {
  const retry = useRetryJob();
  const { message } = App.useApp();
  const runAgain = (id: number) =>
    retry.mutate(id, {
      onSuccess: () => void message.success(`Đã đưa công việc #${id} vào hàng đợi để chạy lại.`),
      onError: (err) => void message.error(errorMessage(err)),
    });
  return (
    <Table<FailedJob>
      size="small"
      rowKey="id"
      dataSource={failures}
      pagination={failures.length > 20 ? { pageSize: 20 } : false}
      data-testid="job-failures"
      locale={{ emptyText: 'Không có lỗi gần đây' }}
      columns={[
        { title: 'Mã', dataIndex: 'id', width: 80, render: (id: number) => `#${id}` },
        { title: 'Hàng đợi', dataIndex: 'queue', width: 220, render: queueLabel },
        {
          title: 'Trạng thái',
          dataIndex: 'state',
          width: 200,
          render: (state: FailedJob['state'], job) =>
            state === 'dead' ? <Tag color="red">Lỗi (hết số lần thử)</Tag> : <Tag color="orange">Chờ thử lại lúc {when(job.runAt)}</Tag>,
        },
        { title: 'Số lần chạy', dataIndex: 'attempts', width: 100 },
        { title: 'Lỗi gần nhất', dataIndex: 'lastError', render: (e: string | null) => <Typography.Text type="danger">{e}</Typography.Text> },
        {
          title: '',
          key: 'retry',
          width: 120,
          render: (_, job) =>
            job.state === 'dead' && (
              <Button size="small" icon={<RedoOutlined />} loading={retry.isPending && retry.variables === job.id} onClick={() => runAgain(job.id)}>
                Chạy lại
              </Button>
            ),
        },
      ]}
    />
  );
}
