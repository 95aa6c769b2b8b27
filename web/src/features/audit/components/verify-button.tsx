import { Alert, Button, Flex } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { errorMessage } from '@/lib/api';
import { useVerifyAudit } from '../api/audit';

/** Recomputes the hash chain on the server: any edited or deleted entry breaks it. */
export function VerifyButton() {
  const verify = useVerifyAudit();
  const result = verify.data;
  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      <div>
        <Button icon={<SafetyOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="verify-audit">
          Kiểm tra toàn vẹn
        </Button>
      </div>
      {verify.error && <Alert type="error" showIcon title={errorMessage(verify.error)} />}
      {result && !result.broken && (
        <Alert type="success" showIcon title={`Nhật ký toàn vẹn: đã kiểm tra ${result.checked.toLocaleString('vi-VN')} bản ghi, không phát hiện sai lệch.`} />
      )}
      {result?.broken && (
        <Alert
          type="error"
          showIcon
          title={`Phát hiện sai lệch tại bản ghi số ${result.broken.seq}`}
          description={`${result.broken.reason}. Đã kiểm tra ${result.checked.toLocaleString('vi-VN')} bản ghi. Hãy báo ngay cho người phụ trách an toàn thông tin.`}
        />
      )}
    </Flex>
  );
}
