import { useState } from 'react';
import { Form, Input, Select } from 'antd';
import { FormModal } from '@/components/form-modal';
import { useCurrentSession } from '@/lib/auth';
import { useUsers } from '@/lib/directory';
import { fileInlineHref } from '@/lib/files';
import { useDone } from '@/features/incoming/components/use-done';
import { usePrintCopy, type CopyForm, type PageRange } from '../api/copies';
import { CopyFields } from './copy-fields';

interface Values {
  signerId: string;
  signerAuthority?: string;
  toPlaces: string;
}

/** Q-11.2c: an electronic document printed as a paper copy with the copy block of Phụ lục I, to sign and stamp by hand. */
export function PrintedCopyModal({ incomingId, onDone }: { incomingId: string; onDone: () => void }) {
  const session = useCurrentSession();
  const users = useUsers(session.agency.id);
  const [form] = Form.useForm<Values>();
  const [copyForm, setCopyForm] = useState<CopyForm>('SAO Y');
  const [pages, setPages] = useState<PageRange>();
  const print = usePrintCopy(incomingId);
  const done = useDone(onDone);
  const signers = (users.data ?? []).filter((u) => !u.disabled && u.roles.some((r) => r === 'agency_head' || r === 'deputy_head' || r === 'unit_head'));
  return (
    <FormModal<Values>
      title="In bản sao giấy"
      form={form}
      width={640}
      initialValues={{ toPlaces: '- Lưu: VT.' }}
      submitText="Tạo bản sao để in"
      pending={print.isPending}
      error={print.error}
      onSubmit={(v) => {
        if (print.isPending) return;
        print.mutate(
          { incomingId, form: copyForm, pages, signerId: v.signerId, signerAuthority: v.signerAuthority?.trim() || undefined, toPlaces: v.toPlaces.trim() },
          {
            onSuccess: ({ fileId }) => {
              window.open(fileInlineHref(fileId), '_blank', 'noopener');
              done('Đã tạo bản sao; hãy in, trình ký và đóng dấu.')();
            },
          },
        );
      }}
      onCancel={onDone}
    >
      <div style={{ marginBottom: 16 }}>
        <CopyFields form={copyForm} onForm={setCopyForm} pages={pages} onPages={setPages} />
      </div>
      <Form.Item label="Người ký bản sao" name="signerId" rules={[{ required: true, message: 'Chọn người ký bản sao' }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} loading={users.isPending} options={signers.map((u) => ({ value: u.id, label: u.positionTitle ? `${u.fullName} — ${u.positionTitle}` : u.fullName }))} />
      </Form.Item>
      <Form.Item label="Thẩm quyền ký" name="signerAuthority" extra='Ví dụ "TL. GIÁM ĐỐC"; để trống nếu người ký là người đứng đầu.'>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="Nơi nhận" name="toPlaces" rules={[{ required: true, message: 'Nhập nơi nhận' }, { max: 2000, message: 'Tối đa 2000 ký tự' }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
    </FormModal>
  );
}
