import { App, DatePicker, Form, Select, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '@/components/form-modal';
import type { StoredFile } from '@/lib/files';
import { FileUpload, uploadsSettled } from '@/features/incoming/components/file-upload';
import { toIsoDate } from '@/features/incoming/components/format';
import { useOutgoingCatalog, usePaperNumber, usePaperScan } from '../api/outgoing';
import type { OutgoingDetail } from '../api/types';
import { uploadedId } from './compose-values';

/**
 * Phát hành bản giấy (Q-12.2b): the signer signed the paper original by hand; the clerk takes the
 * number in the same series and is told what to write on the paper.
 */
export function PaperNumberModal({ doc, onDone }: { doc: OutgoingDetail; onDone: () => void }) {
  const [form] = Form.useForm<{ paperReason: string; signedOn: Dayjs }>();
  const { modal } = App.useApp();
  const catalog = useOutgoingCatalog();
  const number = usePaperNumber();
  const reasons = Object.entries(catalog.data?.paperReasons ?? {}).map(([key, text]) => ({ value: key, label: `${key}) ${text}` }));
  return (
    <FormModal<{ paperReason: string; signedOn: Dayjs }>
      title="Phát hành văn bản giấy: cấp số"
      form={form}
      width={640}
      initialValues={{ paperReason: doc.paperReason ?? undefined, signedOn: dayjs() }}
      submitText="Cấp số"
      pending={number.isPending}
      error={number.error}
      onSubmit={(v) => {
        if (number.isPending) return;
        number.mutate(
          { id: doc.id, paperReason: v.paperReason, signedOn: toIsoDate(v.signedOn) },
          {
            onSuccess: (n) => {
              onDone();
              modal.success({ title: `Đã cấp số ${n.numberAndNotation}`, content: `Ghi "Số: ${n.numberAndNotation}" và "${n.placeDate}" lên bản gốc giấy, đóng dấu, rồi quét và tải bản quét lên để ký số của cơ quan.` });
            },
          },
        );
      }}
      onCancel={onDone}
    >
      <Form.Item label="Lý do phát hành bản giấy" name="paperReason" rules={[{ required: true, message: 'Chọn lý do (điểm a–đ)' }]}>
        <Select options={reasons} disabled={!!doc.paperReason} optionRender={(o) => <div style={{ whiteSpace: 'normal' }}>{o.label}</div>} />
      </Form.Item>
      <Form.Item label="Ngày người có thẩm quyền ký bản giấy" name="signedOn" rules={[{ required: true, message: 'Chọn ngày ký' }]}>
        <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
    </FormModal>
  );
}

/** The scan of the signed, numbered and sealed paper original; the server checks it against the scan standard. */
export function PaperScanModal({ documentId, onDone }: { documentId: string; onDone: () => void }) {
  const [form] = Form.useForm<{ file: UploadFile<StoredFile>[] }>();
  const { message } = App.useApp();
  const scan = usePaperScan();
  return (
    <FormModal<{ file: UploadFile<StoredFile>[] }>
      title="Tải bản quét bản gốc giấy"
      form={form}
      initialValues={{ file: [] }}
      submitText="Lưu bản quét"
      pending={scan.isPending}
      error={scan.error}
      onSubmit={(v) => {
        const fileId = uploadedId(v.file);
        if (!fileId || scan.isPending) return;
        scan.mutate({ id: documentId, fileId }, { onSuccess: (r) => { void message.success(`Đã lưu bản quét (${r.pages} trang); văn thư ký số của cơ quan để phát hành.`); onDone(); } });
      }}
      onCancel={onDone}
    >
      <Form.Item
        label="Bản quét (PDF)"
        name="file"
        valuePropName="fileList"
        rules={[{ validator: async (_r, files: unknown[] | undefined) => { if (!files?.length) throw new Error('Vui lòng tải lên bản quét'); } }, { validator: uploadsSettled }]}
        extra="PDF 1.4 trở lên, màu, độ phân giải từ 200 dpi, tỉ lệ 100 %."
      >
        <FileUpload pdfOnly buttonText="Chọn bản quét" testId="paper-scan-file" />
      </Form.Item>
    </FormModal>
  );
}
