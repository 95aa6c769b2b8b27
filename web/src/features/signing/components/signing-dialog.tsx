import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Modal, Space, Steps } from 'antd';
import type { UseMutationResult } from '@tanstack/react-query';
import { errorMessage } from '@/lib/api';
import { useCurrentSession } from '@/lib/auth';
import type { PageBox, PrepareInput, SignatureAnswer, SigningRequest } from '@/types/api';
import { useCertificates } from '../api/certificates';
import { CertificateSelect } from './certificate-select';
import { PlacementNotice } from './placement-notice';
import { PlacementPicker } from './placement-picker';
import { PlacementPreview } from './placement-preview';
import { RemoteSigning } from './remote-signing';
import { SigningRequestStep } from './signing-request-step';
import { parseSigningAnswer } from './signing-answer';

interface Props {
  title: string;
  /** "personal": the person's own certificate; "agency": the agency's, on a key device the clerk holds. */
  owner: 'personal' | 'agency';
  prepare: UseMutationResult<SigningRequest, Error, PrepareInput>;
  complete: UseMutationResult<unknown, Error, SignatureAnswer>;
  successText: string;
  /** Name of the downloaded request file. */
  requestName: string;
  /** Choices to make before preparing (the copy form, pages …). */
  before?: ReactNode;
  /** The PDF being signed: shows where the image goes, and lets the signer place it by hand. */
  previewFileId?: string;
  onClose: () => void;
}

/**
 * Signing without the key leaving the person's machine: the server prepares what must be signed,
 * the person runs the signing agent on that request, and pastes or uploads the agent's answer.
 */
export function SigningDialog({ title, owner, prepare, complete, successText, requestName, before, previewFileId, onClose }: Props) {
  const { message } = App.useApp();
  const session = useCurrentSession();
  const certificates = useCertificates();
  const [chosen, setChosen] = useState<string>();
  const [answer, setAnswer] = useState('');
  const [answerError, setAnswerError] = useState<string>();
  const [box, setBox] = useState<PageBox>();
  const [repick, setRepick] = useState(false);

  const usable = (certificates.data ?? []).filter((c) => (owner === 'personal' ? c.ownerUserId === session.user.id : c.deviceId !== null));
  const certificateId = chosen ?? usable.find((c) => !c.expired)?.id;
  const prepared = prepare.data;
  const error = certificates.error ?? prepare.error ?? complete.error;

  const start = () => {
    if (certificateId && !prepare.isPending) prepare.mutate({ certificateId });
  };
  // A new preparation with the box placed by hand; the earlier session simply expires.
  const placeAgain = () => {
    if (certificateId && box && !prepare.isPending) prepare.mutate({ certificateId, box }, { onSuccess: () => setRepick(false) });
  };

  const finish = () => {
    if (!prepared || complete.isPending) return;
    const parsed = parseSigningAnswer(answer.trim(), prepared.items?.length ?? 1);
    if (!parsed.ok) return setAnswerError(parsed.message);
    setAnswerError(undefined);
    const { ok: _ok, ...values } = parsed;
    send(values);
  };

  const send = (values: Omit<SignatureAnswer, 'sessionId'>) => {
    if (!prepared || complete.isPending) return;
    complete.mutate(
      { sessionId: prepared.sessionId, ...values },
      {
        onSuccess: () => {
          void message.success(successText);
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
            <PlacementNotice prepared={prepared} kind={owner === 'personal' ? 'sign' : 'seal'} />
            {previewFileId && prepared.box && (prepared.placement === 'found' || prepared.placement === 'given') && !repick && (
              <>
                <PlacementPreview fileId={previewFileId} box={prepared.box} kind={owner === 'personal' ? 'sign' : 'seal'} />
                <Button onClick={() => setRepick(true)} data-testid="place-elsewhere">
                  Chọn vị trí khác
                </Button>
              </>
            )}
            {previewFileId && (prepared.placement === 'not_found' || repick) && (
              <>
                <PlacementPicker fileId={previewFileId} value={box} onChange={setBox} />
                <Button disabled={!box} loading={prepare.isPending} onClick={placeAgain} data-testid="place-again">
                  Chuẩn bị lại với vị trí đã chọn
                </Button>
              </>
            )}
            <SigningRequestStep prepared={prepared} requestName={requestName} answer={answer} onAnswer={setAnswer} />
            <RemoteSigning prepared={prepared} description={title} storedAccount={usable.find((c) => c.id === certificateId)?.remoteAccount} onSigned={send} />
          </>
        ) : (
          <>
            {before}
            <CertificateSelect certificates={usable} loading={certificates.isPending} value={certificateId} onChange={setChosen} />
            {!certificates.isPending && usable.length === 0 && (
              <Alert type="warning" showIcon title={owner === 'personal' ? 'Bạn chưa đăng ký chứng thư số cá nhân nào.' : 'Cơ quan chưa có chứng thư số trên thiết bị lưu khóa.'} />
            )}
          </>
        )}
      </Space>
    </Modal>
  );
}
