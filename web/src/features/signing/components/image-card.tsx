import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Empty, Flex, Popconfirm, Typography, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { errorMessage } from '@/lib/api';
import { formatDateTime } from '@/features/incoming/components/format';
import { useImageMutations, type ImageInfo } from '../api/images';

interface Props {
  href: string;
  /** null: known to have none; undefined: not known here (another agency's seal), so the preview is tried. */
  info: ImageInfo | null | undefined;
  /** What the image must be, shown before the first upload and after a refusal. */
  rules: ReactNode;
  uploadText: string;
  /** Extra query for the upload (the seal's diameter); undefined blocks the upload. */
  query?: string | undefined;
  extra?: ReactNode;
  testId: string;
}

/**
 * An image a visible signature shows: preview on a checkered background (so transparency shows),
 * upload or replace, remove. The server checks the file; its refusal is shown as it says it.
 */
export function ImageCard({ href, info, rules, uploadText, query = '', extra, testId }: Props) {
  const { message } = App.useApp();
  const { upload, remove } = useImageMutations(href);
  const [error, setError] = useState<unknown>();
  const [version, setVersion] = useState(0);
  const [missing, setMissing] = useState(false);
  const present = info ? true : info === undefined && !missing;

  const send = (file: File) => {
    setError(undefined);
    upload.mutate(
      { file, query },
      {
        onSuccess: () => {
          setMissing(false);
          setVersion((v) => v + 1);
          void message.success('Đã lưu ảnh.');
        },
        onError: setError,
      },
    );
    return false;
  };

  return (
    <Flex vertical gap={12} data-testid={testId}>
      {present ? (
        <Flex gap={16} align="center" wrap>
          <img
            src={`${href}?v=${encodeURIComponent(info?.uploadedAt ?? version)}`}
            alt="Ảnh đã tải lên"
            onError={() => setMissing(true)}
            style={{ maxWidth: 280, maxHeight: 160, padding: 8, background: 'repeating-conic-gradient(#eee 0 25%, #fff 0 50%) 0 0 / 16px 16px', border: '1px solid #ddd' }}
          />
          {info && (
            <Typography.Text type="secondary">
              {info.width} × {info.height} điểm ảnh{info.diameterMm ? ` · đường kính ${info.diameterMm} mm` : ''} · tải lên {formatDateTime(info.uploadedAt)}
            </Typography.Text>
          )}
        </Flex>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có ảnh" />
      )}
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {rules}
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={errorMessage(error)} data-testid={`${testId}-error`} /> : null}
      {extra}
      <Flex gap={8}>
        <Upload accept="image/png" showUploadList={false} beforeUpload={send} disabled={query === undefined}>
          <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending}>
            {present ? 'Thay ảnh' : uploadText}
          </Button>
        </Upload>
        {present && (
          <Popconfirm title="Xoá ảnh? Các lần ký sau sẽ không hiện ảnh." okText="Xoá" cancelText="Không" onConfirm={() => remove.mutate(undefined, { onSuccess: () => setMissing(true), onError: setError })}>
            <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
              Xoá ảnh
            </Button>
          </Popconfirm>
        )}
      </Flex>
    </Flex>
  );
}
