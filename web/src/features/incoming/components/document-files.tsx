import { useState } from 'react';
import { Button, Empty, Flex, Tag, Typography } from 'antd';
import { DownloadOutlined, EyeInvisibleOutlined, EyeOutlined, FileOutlined, FilePdfOutlined } from '@ant-design/icons';
import { fileContentHref, fileInlineHref, formatSize, useStoredFiles } from '@/lib/files';
import { LazyPdfViewer } from '@/components/lazy-pdf-viewer';
import type { DocumentFile } from '../api/types';

/**
 * The document's files with download links and, for PDFs, a preview on demand. The preview is
 * not opened by default: every read of a file is logged, and a preview counts as one.
 */
export function DocumentFiles({ files }: { files: DocumentFile[] }) {
  const ordered = [...files].sort((a, b) => Number(b.role === 'main') - Number(a.role === 'main') || a.ordinal - b.ordinal);
  const stored = useStoredFiles(ordered.map((f) => f.fileId));
  const [previewing, setPreviewing] = useState<string>();

  if (ordered.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Văn bản không có tệp đính kèm" />;

  return (
    <Flex vertical gap={12} data-testid="document-files">
      {ordered.map((f) => {
        const meta = stored.get(f.fileId);
        const pdf = meta?.format === 'pdf';
        const open = previewing === f.fileId;
        return (
          <div key={f.fileId}>
            <Flex align="center" gap={8} wrap>
              {pdf ? <FilePdfOutlined style={{ color: '#c0392b', fontSize: 18 }} /> : <FileOutlined style={{ fontSize: 18 }} />}
              <Typography.Link href={fileContentHref(f.fileId)} download={meta?.originalName}>
                {meta?.originalName ?? 'Tệp'}
              </Typography.Link>
              {meta && <Typography.Text type="secondary">{formatSize(meta.size)}</Typography.Text>}
              <Tag color={f.role === 'main' ? 'blue' : undefined}>{f.role === 'main' ? 'Văn bản chính' : 'Tài liệu kèm theo'}</Tag>
              <Flex gap={4} style={{ marginLeft: 'auto' }}>
                {pdf && (
                  <Button size="small" icon={open ? <EyeInvisibleOutlined /> : <EyeOutlined />} onClick={() => setPreviewing(open ? undefined : f.fileId)}>
                    {open ? 'Đóng xem trước' : 'Xem trước'}
                  </Button>
                )}
                <Button size="small" icon={<DownloadOutlined />} href={fileContentHref(f.fileId)} download={meta?.originalName}>
                  Tải về
                </Button>
              </Flex>
            </Flex>
            {open && (
              <div style={{ marginTop: 8 }}>
                <LazyPdfViewer url={fileInlineHref(f.fileId)} title={`Xem trước ${meta?.originalName ?? 'tệp'}`} />
              </div>
            )}
          </div>
        );
      })}
    </Flex>
  );
}
