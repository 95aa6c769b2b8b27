import { Alert, Form } from 'antd';
import { FormModal } from '@/components/form-modal';
import { useDone } from '@/features/incoming/components/use-done';
import { useOutgoingCatalog, useUpdateOutgoing } from '../api/outgoing';
import type { OutgoingDetail } from '../api/types';
import { ComposeDraftFields } from './compose-draft-fields';
import { ComposeRecipientFields } from './compose-recipient-fields';
import { ComposeSignerFields } from './compose-signer-fields';
import { fromDocument, toDraftFields, type ComposeValues } from './compose-values';

/** Sửa thông tin dự thảo: the same fields as composing, the file aside (it changes by a new version). */
export function EditDraftModal({ doc, onDone }: { doc: OutgoingDetail; onDone: () => void }) {
  const [form] = Form.useForm<ComposeValues>();
  const catalog = useOutgoingCatalog();
  const update = useUpdateOutgoing();
  const done = useDone(onDone);
  return (
    <FormModal<ComposeValues>
      title="Sửa thông tin dự thảo"
      width={860}
      form={form}
      initialValues={fromDocument(doc)}
      pending={update.isPending}
      error={update.error}
      onSubmit={(values) => {
        if (!update.isPending) update.mutate({ id: doc.id, input: toDraftFields(values) }, { onSuccess: done('Đã lưu thông tin dự thảo.') });
      }}
      onCancel={onDone}
    >
      {doc.state === 'approved' && <Alert type="warning" showIcon title="Dự thảo đã được duyệt; sửa thông tin thì phải trình duyệt lại trước khi ký." style={{ marginBottom: 16 }} />}
      <ComposeDraftFields catalog={catalog.data} withFile={false} />
      <ComposeSignerFields catalog={catalog.data} />
      <ComposeRecipientFields catalog={catalog.data} />
    </FormModal>
  );
}
