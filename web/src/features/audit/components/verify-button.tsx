import { Alert, Button, Flex, Table, Tag } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { errorMessage } from '@/lib/api';
import { useVerifyAudit, type ChainProblem } from '../api/audit';

const KIND_LABEL: Record<ChainProblem['kind'], { text: string; color: string }> = {
  altered: { text: 'Nội dung bị sửa', color: 'red' },
  link: { text: 'Đứt mắt xích', color: 'volcano' },
  legacy_date: { text: 'Lỗi cũ đã biết', color: 'gold' },
};

/** Recomputes the hash chain on the server and lists every edited entry and every break, not only the first. */
export function VerifyButton() {
  const verify = useVerifyAudit();
  const result = verify.data;
  const n = (x: number) => x.toLocaleString('vi-VN');
  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      <div>
        <Button icon={<SafetyOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="verify-audit">
          Kiểm tra toàn vẹn
        </Button>
      </div>
      {verify.error && <Alert type="error" showIcon title={errorMessage(verify.error)} />}
      {result && result.problemCount === 0 && (
        <Alert type="success" showIcon title={`Nhật ký toàn vẹn: đã kiểm tra ${n(result.checked)} bản ghi, không phát hiện sai lệch.`} />
      )}
      {result && result.problemCount > 0 && (
        <>
          <Alert
            type="error"
            showIcon
            title={`Phát hiện ${n(result.problemCount)} sai lệch trong ${n(result.checked)} bản ghi`}
            description={
              (result.problemCount > result.problems.length ? `Danh sách dưới đây gồm ${n(result.problems.length)} sai lệch đầu tiên; chạy lệnh audit:verify trên máy chủ để xem đủ. ` : '') +
              'Hãy báo ngay cho người phụ trách an toàn thông tin.'
            }
          />
          <Table<ChainProblem>
            size="small"
            rowKey={(p) => `${p.kind}-${p.seq}`}
            dataSource={result.problems}
            pagination={result.problems.length > 20 ? { pageSize: 20 } : false}
            data-testid="audit-problems"
            columns={[
              { title: 'Bản ghi số', dataIndex: 'seq', width: 110 },
              { title: 'Loại sai lệch', dataIndex: 'kind', width: 150, render: (k: ChainProblem['kind']) => <Tag color={KIND_LABEL[k].color}>{KIND_LABEL[k].text}</Tag> },
              { title: 'Mô tả', dataIndex: 'reason' },
            ]}
          />
        </>
      )}
    </Flex>
  );
}
