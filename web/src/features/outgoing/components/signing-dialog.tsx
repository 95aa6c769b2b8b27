import { useState } from 'react';
import { Alert, App, Button, Modal, Space, Steps } from 'antd';
import { errorMessage } from '@/lib/api';
import { useCurrentSession } from '@/lib/auth';
import { useCertificates, useCompleteSigning, usePrepareSigning, type SigningKind } from '../api/signing';
import { CertificateSelect } from './certificate-select';
import { PlacementNotice } from './placement-notice';
import { SigningRequestStep } from './signing-request-step';
import { parseSigningAnswer } from './signing-answer';

interface Props {
  documentId: string;
  /** "sign": the signer's own certificate; "seal": the agency's, on a key device held by the clerk. */
  kind: SigningKind;
  title: string;
  onClose: () => void;
}

/**
 * Signing without the key leaving the person's machine: the server prepares what must be signed,
 * the person runs the signing agent on that request, and pastes or uploads the agent's answer.
 */
export function SigningDialog({ documentId, kind, title, onClose }: Props) {
  const { message } = App.useApp();
  const session = useCurrentSession();
  const certificates = useCertificates();
  const prepare = usePrepareSigning(documentId, kind);
  const complete = useCompleteSigning(documentId, kind);
  const [chosen, setChosen] = useState<string>();
  const [answer, setAnswer] = useState('');
  const [answerError, setAnswerError] = useState<string>();

  const usable = (certificates.data ?? []).filter((c) => (kind === 'sign' ? c.ownerUserId === session.user.id : c.deviceId !== null));
  const certificateId = chosen ?? usable.find((c) => !c.expired)?.id;
  const prepared = prepare.data;
  const error = certificates.error ?? prepare.error ?? complete.error;

  const start = () => {
    if (certificateId && !prepare.isPending) prepare.mutate(certificateId);
  };

  const finish = () => {
    if (!prepared || complete.isPending) return;
    const parsed = parseSigningAnswer(answer.trim());
    if (!parsed.ok) return setAnswerError(parsed.message);
    setAnswerError(undefined);
    complete.mutate(
      { sessionId: prepared.sessionId, signature: parsed.signature, certificateChain: parsed.certificateChain },
      {
        onSuccess: () => {
          void message.success(kind === 'sign' ? 'Đã ký số văn bản.' : 'Đã ký số của cơ quan; văn bản đã được phát hành.');
          onClose();
        },
      },
    );
  };

  const footer = [
    <Button key="cancel" onClick={onClose}>
      Hủy
    </Button>,
    prepared ? (
      <Button key="complete" type="primary" loading={complete.isPending} disabled={!answer.trim()} onClick={finish}>
        Hoàn tất ký số
      </Button>
    ) : (
      <Button key="prepare" type="primary" loading={prepare.isPending} disabled={!certificateId} onClick={start}>
        Chuẩn bị ký
      </Button>
    ),
  ];

  return (
    <Modal open title={title} width={760} footer={footer} onCancel={onClose} mask={{ closable: false }}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="signing-dialog">
        <Steps size="small" current={prepared ? 1 : 0} items={[{ title: 'Chọn chứng thư số' }, { title: 'Ký bằng công cụ ký' }, { title: 'Gửi chữ ký' }]} />
        {error ? <Alert type="error" showIcon title={errorMessage(error)} data-testid="signing-error" /> : null}
        {answerError && <Alert type="error" showIcon title={answerError} />}
        {prepared ? (
          <>
            <PlacementNotice prepared={prepared} kind={kind} />
            <SigningRequestStep documentId={documentId} prepared={prepared} answer={answer} onAnswer={setAnswer} />
          </>
        ) : (
          <>
            <CertificateSelect certificates={usable} loading={certificates.isPending} value={certificateId} onChange={setChosen} />
            {!certificates.isPending && usable.length === 0 && (
              <Alert
                type="warning"
                showIcon
                title={kind === 'sign' ? 'Bạn chưa đăng ký chứng thư số cá nhân nào.' : 'Cơ quan chưa có chứng thư số trên thiết bị lưu khóa.'}
              />
            )}
          </>
        )}
      </Space>
    </Modal>
  );
}
