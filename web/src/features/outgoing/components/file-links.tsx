import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { DownloadOutlined, EyeInvisibleOutlined, EyeOutlined, FilePdfOutlined } from '@ant-design/icons';
import { LazyPdfViewer } from '@/components/lazy-pdf-viewer';
import { fileContentHref, fileInlineHref } from '@/lib/files';

/** A PDF opened in a new tab or previewed here (the server logs each read), and its download. */
export function PdfLinks({ fileId, label }: { fileId: string; label: string }) {
  const [previewing, setPreviewing] = useState(false);
  return (
    <div>
      <Space size={12} wrap>
        <Typography.Link href={fileInlineHref(fileId)} target="_blank" rel="noopener">
          <FilePdfOutlined style={{ color: '#c0392b' }} /> {label}
        </Typography.Link>
        <Typography.Link href={fileContentHref(fileId)} download aria-label={`Tải về ${label}`}>
          <DownloadOutlined /> Tải về
        </Typography.Link>
        <Button type="link" size="small" icon={previewing ? <EyeInvisibleOutlined /> : <EyeOutlined />} onClick={() => setPreviewing(!previewing)} aria-label={`${previewing ? 'Đóng xem trước' : 'Xem trước'} ${label}`}>
          {previewing ? 'Đóng xem trước' : 'Xem trước'}
        </Button>
      </Space>
      {previewing && (
        <div style={{ marginTop: 8 }}>
          <LazyPdfViewer url={fileInlineHref(fileId)} title={label} />
        </div>
      )}
    </div>
  );
}
