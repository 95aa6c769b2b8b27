import { Space, Typography } from 'antd';
import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { fileContentHref, fileInlineHref } from '@/lib/files';

/** A PDF opened in a new tab (the server logs the read), and its download. */
export function PdfLinks({ fileId, label }: { fileId: string; label: string }) {
  return (
    <Space size={12} wrap>
      <Typography.Link href={fileInlineHref(fileId)} target="_blank" rel="noopener">
        <FilePdfOutlined style={{ color: '#c0392b' }} /> {label}
      </Typography.Link>
      <Typography.Link href={fileContentHref(fileId)} download aria-label={`Tải về ${label}`}>
        <DownloadOutlined /> Tải về
      </Typography.Link>
    </Space>
  );
}
