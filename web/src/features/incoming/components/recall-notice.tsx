import { Alert, App, Button } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { errorMessage } from '@/lib/api';
import { hasRole, useCurrentSession } from '@/lib/auth';
import { useConfirmRecall } from '../api/inbox';
import type { IncomingDocument } from '../api/types';
import { formatDateTime } from './format';

/**
 * The issuing agency recalled the document (Q-12.3c): it stands above the page in red until the
 * clerk confirms, which cancels the entry and tells the issuer.
 */
export function RecallNotice({ doc }: { doc: IncomingDocument }) {
  const session = useCurrentSession();
  const { message } = App.useApp();
  const confirm = useConfirmRecall();
  if (!doc.recall) return null;
  const { at, reason, confirmedAt } = doc.recall;

  const onConfirm = () => {
    if (confirm.isPending) return;
    confirm.mutate(doc.id, { onSuccess: () => void message.success('Đã xác nhận thu hồi văn bản.'), onError: (error) => void message.error(errorMessage(error)) });
  };

  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={`Văn bản đã bị thu hồi: ${reason}`}
      description={
        confirmedAt
          ? `Cơ quan ban hành thu hồi lúc ${formatDateTime(at)}; văn thư đã xác nhận lúc ${formatDateTime(confirmedAt)}.`
          : `Cơ quan ban hành thu hồi lúc ${formatDateTime(at)}; chờ văn thư xác nhận.`
      }
      action={
        !confirmedAt && hasRole(session, 'clerk') ? (
          <Button danger icon={<CheckCircleOutlined />} loading={confirm.isPending} onClick={onConfirm}>
            Xác nhận thu hồi
          </Button>
        ) : undefined
      }
      data-testid="recall-notice"
    />
  );
}
