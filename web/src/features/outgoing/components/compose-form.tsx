import { Alert, Button, Card, Flex, Form, Space } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { paths } from '@/config/paths';
import { LinkButton } from '@/components/link-button';
import { errorMessage } from '@/lib/api';
import { useCurrentSession } from '@/lib/auth';
import { useCreateOutgoing, useOutgoingCatalog } from '../api/outgoing';
import { ComposeDraftFields } from './compose-draft-fields';
import { ComposeRecipientFields } from './compose-recipient-fields';
import { ComposeSignerFields } from './compose-signer-fields';
import { COMPOSE_DEFAULTS, toCreateInput, type ComposeValues } from './compose-values';

interface Props {
  /** The incoming document this one answers, if any. */
  replyToIncomingId: string | null;
  onCreated: (id: string) => void;
}

/** A new draft: the file, what it is, who signs it and where it goes. Saved as "Dự thảo" for the drafter to send for approval. */
export function ComposeForm({ replyToIncomingId, onCreated }: Props) {
  const session = useCurrentSession();
  const [form] = Form.useForm<ComposeValues>();
  const catalog = useOutgoingCatalog();
  const create = useCreateOutgoing();

  return (
    <>
      {catalog.error && <Alert type="error" showIcon title={errorMessage(catalog.error)} style={{ marginBottom: 16 }} />}
      {create.error && <Alert type="error" showIcon role="alert" title={errorMessage(create.error)} style={{ marginBottom: 16 }} data-testid="form-error" />}
      <Form<ComposeValues>
        form={form}
        layout="vertical"
        initialValues={{ ...COMPOSE_DEFAULTS, draftingUnitId: session.unit?.id }}
        onFinish={(values) => {
          if (!create.isPending) create.mutate(toCreateInput(values, replyToIncomingId), { onSuccess: (created) => onCreated(created.id) });
        }}
        scrollToFirstError={{ focus: true, block: 'center' }}
        data-testid="compose-form"
      >
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title="Dự thảo" size="small">
            <ComposeDraftFields catalog={catalog.data} />
          </Card>
          <Card title="Người ký" size="small">
            <ComposeSignerFields catalog={catalog.data} />
          </Card>
          <Card title="Nơi nhận" size="small">
            <ComposeRecipientFields catalog={catalog.data} />
          </Card>
          <Flex gap={8} justify="flex-end">
            <LinkButton to={paths.outgoing.list.getHref()}>Hủy</LinkButton>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={create.isPending} data-testid="compose-submit">
              Lưu dự thảo
            </Button>
          </Flex>
        </Space>
      </Form>
    </>
  );
}
