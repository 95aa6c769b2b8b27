import { Form, Input } from 'antd';
import type { UploadFile } from 'antd';
import { FormModal } from '@/components/form-modal';
import type { StoredFile } from '@/lib/files';
import { FileUpload, uploadsSettled } from '@/features/incoming/components/file-upload';
import { useDone } from '@/features/incoming/components/use-done';
import { useAddVersion } from '../api/outgoing';
import { uploadedId } from './compose-values';

interface Values {
  file: UploadFile<StoredFile>[];
  note?: string;
}

/** A corrected draft: every version is kept; a change after approval needs approval again. */
export function VersionModal({ documentId, approved, onDone }: { documentId: string; approved: boolean; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const add = useAddVersion();
  const done = useDone(onDone);
  return (
    <FormModal<Values>
      title="Thêm phiên bản dự thảo"
      form={form}
      initialValues={{ file: [] }}
      submitText="Lưu phiên bản"
      pending={add.isPending}
      error={add.error}
      onSubmit={(v) => {
        const fileId = uploadedId(v.file);
        if (fileId && !add.isPending) add.mutate({ id: documentId, fileId, note: v.note?.trim() || undefined }, { onSuccess: done('Đã lưu phiên bản mới.') });
      }}
      onCancel={onDone}
    >
      <Form.Item
        label="Tệp dự thảo"
        name="file"
        valuePropName="fileList"
        rules={[{ validator: async (_r, files: unknown[] | undefined) => { if (!files?.length) throw new Error('Vui lòng tải lên tệp dự thảo'); } }, { validator: uploadsSettled }]}
        extra={approved ? 'Dự thảo đã được duyệt; phiên bản mới phải được duyệt lại.' : undefined}
      >
        <FileUpload buttonText="Chọn tệp dự thảo" />
      </Form.Item>
      <Form.Item label="Nội dung sửa đổi" name="note" rules={[{ max: 500, message: 'Tối đa 500 ký tự' }]}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </FormModal>
  );
}
