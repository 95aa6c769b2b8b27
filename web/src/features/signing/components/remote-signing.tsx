import { useEffect, useState } from 'react';
import { Alert, Button, Flex, Input, Typography } from 'antd';
import { MobileOutlined } from '@ant-design/icons';
import { errorMessage } from '@/lib/api';
import type { SigningRequest } from '@/types/api';
import { useRemoteService, useRemoteState, useRemoteSubmit, type RemoteState } from '../api/remote';

interface Props {
  prepared: SigningRequest;
  description: string;
  /** The account kept with the chosen certificate since its last remote signature. */
  storedAccount?: string | null;
  /** The values the provider returned, given to the dialog exactly as the agent's answer. */
  onSigned: (answer: Pick<RemoteState, 'signature' | 'signatures' | 'certificateChain'>) => void;
}

/** The person's key held by a remote signing service: the request goes to their phone, the value comes back here. */
export function RemoteSigning({ prepared, description, storedAccount, onSigned }: Props) {
  const service = useRemoteService();
  const [account, setAccount] = useState(storedAccount ?? '');
  const submit = useRemoteSubmit(prepared, description);
  const state = useRemoteState(submit.isSuccess ? prepared.sessionId : undefined);
  const outcome = state.data;

  useEffect(() => {
    if (outcome?.state === 'signed') onSigned({ signature: outcome.signature, signatures: outcome.signatures, certificateChain: outcome.certificateChain });
    // Only once, when the value arrives.
  }, [outcome?.state]);

  if (!service.data?.enabled) return null;
  const send = () => {
    submit.mutate(account.trim());
  };
  return (
    <Flex vertical gap={8} data-testid="remote-signing">
      <Typography.Text strong>Hoặc ký bằng dịch vụ ký số từ xa{service.data.name ? ` (${service.data.name})` : ''}</Typography.Text>
      <Flex gap={8}>
        <Input aria-label="Tài khoản ký số từ xa" placeholder="Tài khoản (số điện thoại hoặc mã)" value={account} onChange={(e) => setAccount(e.target.value)} style={{ maxWidth: 280 }} />
        <Button icon={<MobileOutlined />} disabled={!account.trim() || (submit.isSuccess && outcome?.state === 'pending')} loading={submit.isPending} onClick={send}>
          Gửi yêu cầu ký đến điện thoại
        </Button>
      </Flex>
      {submit.error ? <Alert type="error" showIcon title={errorMessage(submit.error)} /> : null}
      {state.error ? <Alert type="error" showIcon title={errorMessage(state.error)} /> : null}
      {submit.isSuccess && (!outcome || outcome.state === 'pending') && <Alert type="info" showIcon title="Đã gửi yêu cầu; hãy xác nhận ký trên ứng dụng của dịch vụ ký số trên điện thoại." data-testid="remote-pending" />}
      {outcome && (outcome.state === 'rejected' || outcome.state === 'expired') && <Alert type="warning" showIcon title={outcome.message ?? 'Yêu cầu ký không được xác nhận.'} />}
    </Flex>
  );
}
