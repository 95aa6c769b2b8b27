import { Space, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import type { LateDocument } from '../api/types';
import { formatDateTime } from './format';
import { lateStepLabel, URGENCY_OPTIONS } from './labels';
import { byUrgencyThenNumber } from './order';
import { UrgencyTag } from './tags';

const urgencyName = (u: number) => URGENCY_OPTIONS.find((o) => o.value === u)?.label ?? String(u);

export function LateTable({ documents, loading }: { documents: LateDocument[] | undefined; loading: boolean }) {
  const columns: TableColumnsType<LateDocument> = [
    {
      title: 'Số đến',
      dataIndex: 'arrivalNumber',
      width: 90,
      render: (n: number, doc) => (
        <Link to={paths.incoming.detail.getHref(doc.documentId)}>
          <Typography.Text strong style={{ color: 'inherit' }}>
            {n}
          </Typography.Text>
        </Link>
      ),
    },
    { title: 'Trích yếu', dataIndex: 'subject', render: (s: string, doc) => <Link to={paths.incoming.detail.getHref(doc.documentId)}>{s}</Link> },
    { title: 'Độ khẩn', dataIndex: 'urgency', width: 140, render: (u: number) => <UrgencyTag urgency={u} label={urgencyName(u)} /> },
    {
      title: 'Chậm so với quy định',
      dataIndex: 'late',
      width: 360,
      render: (late: LateDocument['late']) => (
        <Space orientation="vertical" size={2}>
          {late.map((l) => (
            <Typography.Text key={l.step} type="danger">
              {lateStepLabel(l.step)}: {l.actual ? `chậm ${l.hoursLate} giờ` : `chưa thực hiện, quá ${l.hoursLate} giờ`}
              <Typography.Text type="secondary"> (hạn {formatDateTime(l.limit)})</Typography.Text>
            </Typography.Text>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <Table<LateDocument>
      rowKey="documentId"
      columns={columns}
      dataSource={documents ? [...documents].sort(byUrgencyThenNumber) : undefined}
      loading={loading}
      pagination={false}
      size="middle"
      scroll={{ x: 900 }}
      locale={{ emptyText: 'Không có văn bản nào đăng ký, trình muộn' }}
      data-testid="late-table"
    />
  );
}
