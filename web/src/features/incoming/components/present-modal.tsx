import { useEffect } from 'react';
import { App, Form, Select } from 'antd';
import { FormModal } from '@/components/form-modal';
import { useCurrentSession } from '@/lib/auth';
import { useAgencyDirectory } from '@/lib/directory';
import { usePresent } from '../api/routing';

interface Values {
  toUserId: string;
}

/** The clerk hands the document to the agency head or a deputy for direction (Q-11.3a). */
export function PresentModal({ documentId, arrivalNumber, onDone }: { documentId: string; arrivalNumber: number; onDone: (presented: boolean) => void }) {
  const session = useCurrentSession();
  const [form] = Form.useForm<Values>();
  const directory = useAgencyDirectory(session.agency.id);
  const present = usePresent();
  const { message } = App.useApp();

  // The head first, then deputies: the usual choice is the first one.
  const heads = directory.people
    .filter((u) => !u.disabled && (u.roles.includes('agency_head') || u.roles.includes('deputy_head')))
    .sort((a, b) => Number(b.roles.includes('agency_head')) - Number(a.roles.includes('agency_head')));
  const firstHead = heads[0]?.id;
  // The people may still be loading when the dialog opens; preselect once they arrive.
  useEffect(() => {
    if (firstHead && !form.getFieldValue('toUserId')) form.setFieldValue('toUserId', firstHead);
  }, [firstHead, form]);
  const options = heads.map((u) => ({ value: u.id, label: [u.fullName, u.positionTitle].filter(Boolean).join(' — ') }));

  const submit = ({ toUserId }: Values) =>
    present.mutate(
      { id: documentId, toUserId },
      {
        onSuccess: () => {
          message.success(`Đã trình văn bản đến số ${arrivalNumber} cho ${directory.personName(toUserId)}.`);
          onDone(true);
        },
      },
    );

  return (
    <FormModal<Values>
      title={`Trình lãnh đạo: văn bản đến số ${arrivalNumber}`}
      form={form}
      submitText="Trình"
      pending={present.isPending}
      error={present.error}
      onSubmit={submit}
      onCancel={() => onDone(false)}
    >
      <Form.Item label="Lãnh đạo nhận văn bản" name="toUserId" rules={[{ required: true, message: 'Vui lòng chọn lãnh đạo' }]}>
        <Select options={options} loading={directory.isPending} showSearch={{ optionFilterProp: 'label' }} placeholder="Chọn lãnh đạo cơ quan" autoFocus />
      </Form.Item>
    </FormModal>
  );
}
