import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Flex, Form, Space } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { paths } from '@/config/paths';
import { LinkButton } from '@/components/link-button';
import { errorMessage } from '@/lib/api';
import { useRegisterIncoming } from '../api/incoming';
import type { DuplicateMatch, IncomingDocument, RegisterIncomingInput } from '../api/types';
import { DuplicateModal } from './duplicate-modal';
import { RegisterDocumentFields } from './register-document-fields';
import { RegisterHandlingFields } from './register-handling-fields';
import { RegisterSourceFields } from './register-source-fields';
import { duplicateMatches, isSecretRefusal, REGISTER_DEFAULTS, serverFieldErrors, toRegisterInput, type RegisterValues } from './register-values';

/** The fields a server refusal can be pinned to; see serverFieldErrors. */
const FIELD_NAMES: (keyof RegisterValues)[] = [
  'source', 'secrecy', 'arrivedAt', 'mainFile', 'attachments',
  'issuerName', 'issuerCode', 'codeNumber', 'codeNotation', 'issuedDate', 'typeName', 'subject',
  'signerPosition', 'signerName', 'pageAmount', 'documentIdentifier', 'language',
  'urgency', 'urgentDeadline', 'dueDate', 'toPlaces', 'description',
];

interface Duplicate {
  input: RegisterIncomingInput;
  matches: DuplicateMatch[];
  message: string;
}

/**
 * The registration form, built to be filled from the keyboard: focus starts on the first field,
 * Tab follows the page from top to bottom, Enter registers. Mounted afresh for each document.
 */
export function RegisterForm({ onSaved }: { onSaved: (doc: IncomingDocument) => void }) {
  const [form] = Form.useForm<RegisterValues>();
  const register = useRegisterIncoming();
  const [duplicate, setDuplicate] = useState<Duplicate>();
  const rootRef = useRef<HTMLDivElement>(null);

  // The first field is a radio group, which has no autoFocus of its own: focus its checked option.
  useEffect(() => {
    rootRef.current?.querySelector<HTMLInputElement>('input[name=source]:checked')?.focus();
  }, []);

  const send = (input: RegisterIncomingInput) =>
    register.mutate(input, {
      onSuccess: onSaved,
      onError: (error) => {
        const matches = duplicateMatches(error);
        if (matches) return setDuplicate({ input, matches, message: errorMessage(error) });
        setDuplicate(undefined);
        form.setFields(serverFieldErrors(error, FIELD_NAMES));
        // The refusal is shown above the form; bring it into view.
        rootRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      },
    });

  const failure = register.error && !duplicate ? register.error : null;

  return (
    <div ref={rootRef}>
      {failure && isSecretRefusal(failure) && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title="Không đăng ký văn bản mật trên hệ thống"
          description={errorMessage(failure)}
          style={{ marginBottom: 16, fontSize: 16 }}
          data-testid="secret-refused"
        />
      )}
      {failure && !isSecretRefusal(failure) && <Alert type="error" showIcon role="alert" title={errorMessage(failure)} style={{ marginBottom: 16 }} data-testid="form-error" />}
      <Form<RegisterValues>
        form={form}
        layout="vertical"
        initialValues={REGISTER_DEFAULTS}
        onFinish={(values) => send(toRegisterInput(values))}
        scrollToFirstError={{ focus: true, block: 'center' }}
        data-testid="register-form"
      >
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title="Nguồn văn bản" size="small">
            <RegisterSourceFields />
          </Card>
          <Card title="Thông tin văn bản" size="small">
            <RegisterDocumentFields />
          </Card>
          <Card title="Xử lý" size="small">
            <RegisterHandlingFields />
          </Card>
          <Flex gap={8} justify="flex-end">
            <LinkButton to={paths.incoming.list.getHref()}>Hủy</LinkButton>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={register.isPending && !duplicate} data-testid="register-submit">
              Đăng ký văn bản đến
            </Button>
          </Flex>
        </Space>
      </Form>
      {duplicate && (
        <DuplicateModal
          message={duplicate.message}
          matches={duplicate.matches}
          pending={register.isPending}
          onConfirm={() => send({ ...duplicate.input, acknowledgeDuplicate: true })}
          onCancel={() => {
            setDuplicate(undefined);
            register.reset();
          }}
        />
      )}
    </div>
  );
}
