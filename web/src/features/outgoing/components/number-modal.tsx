import { Alert, App, Modal, Skeleton, Typography } from 'antd';
import { errorMessage } from '@/lib/api';
import { useNumberDocument, useNumberPreview } from '../api/outgoing';

/**
 * Cấp số: the clerk sees the number and the place-date line that will be written into the signed
 * document before confirming; the number is taken only on confirmation.
 */
export function NumberModal({ documentId, onClose }: { documentId: string; onClose: () => void }) {
  const { message } = App.useApp();
  const preview = useNumberPreview(documentId);
  const number = useNumberDocument();

  const confirm = () => {
    if (number.isPending || !preview.data) return;
    number.mutate(documentId, {
      onSuccess: (result) => {
        void message.success(`Đã cấp số ${result.numberAndNotation}.`);
        onClose();
      },
    });
  };

  return (
    <Modal
      open
      title="Cấp số văn bản đi"
      okText="Xác nhận cấp số"
      cancelText="Hủy"
      okButtonProps={{ disabled: !preview.data }}
      confirmLoading={number.isPending}
      onOk={confirm}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      {number.error ? <Alert type="error" showIcon title={errorMessage(number.error)} style={{ marginBottom: 16 }} /> : null}
      {preview.error ? (
        <Alert type="error" showIcon title={errorMessage(preview.error)} />
      ) : !preview.data ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <div style={{ textAlign: 'center' }} data-testid="number-preview">
          <Typography.Text type="secondary">Số, ký hiệu sẽ cấp</Typography.Text>
          <div style={{ fontSize: 36, fontWeight: 700, color: '#1d4e89' }} data-testid="preview-number">
            {preview.data.numberAndNotation}
          </div>
          {preview.data.placeDate && <Typography.Text italic>{preview.data.placeDate}</Typography.Text>}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            Số và ngày được ghi vào văn bản đã ký; sau đó văn thư ký số của cơ quan để phát hành.
          </Typography.Paragraph>
        </div>
      )}
    </Modal>
  );
}
