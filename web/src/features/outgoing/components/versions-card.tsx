import { Alert, Empty, Flex, List, Tag, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { fileContentHref } from '@/lib/files';
import { formatDateTime } from '@/features/incoming/components/format';
import type { OutgoingDetail } from '../api/types';
import { PdfLinks } from './file-links';
import { CONVERSION_COLORS, conversionLabel } from './labels';

interface Props {
  doc: OutgoingDetail;
  personName: (id: string | null | undefined) => string;
}

/** The signed and issued PDFs first, then every draft version, newest on top, with its conversion to PDF. */
export function VersionsCard({ doc, personName }: Props) {
  const versions = [...doc.versions].sort((a, b) => b.version - a.version);
  const outputs = [
    { id: doc.issuedFileId, label: 'Văn bản đã phát hành (PDF)' },
    { id: doc.numberedFileId, label: 'Bản đã cấp số (PDF)' },
    { id: doc.signedFileId, label: 'Bản đã ký số của người ký (PDF)' },
    { id: doc.paperScanFileId, label: 'Bản quét bản gốc giấy (PDF)' },
  ].filter((o): o is { id: string; label: string } => !!o.id);

  return (
    <Flex vertical gap={12} data-testid="outgoing-versions">
      {outputs.length > 0 && (
        <Flex vertical gap={4}>
          {outputs.map((o) => (
            <PdfLinks key={o.id} fileId={o.id} label={o.label} />
          ))}
        </Flex>
      )}
      {versions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có phiên bản dự thảo" />
      ) : (
        <List
          size="small"
          dataSource={versions}
          renderItem={(v) => (
            <List.Item key={v.version} data-testid={`version-${v.version}`}>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex gap={8} align="center" wrap>
                  <Typography.Text strong>Phiên bản {v.version}</Typography.Text>
                  {v.version === doc.approvedVersion && <Tag color="blue">Đã duyệt</Tag>}
                  <Tag color={CONVERSION_COLORS[v.conversion]} data-testid="conversion-state">
                    {conversionLabel(v.conversion)}
                  </Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {personName(v.createdBy)}, {formatDateTime(v.createdAt)}
                  </Typography.Text>
                </Flex>
                {v.note && <Typography.Text>{v.note}</Typography.Text>}
                <Flex gap={16} wrap>
                  {v.pdfFileId && <PdfLinks fileId={v.pdfFileId} label={`Dự thảo phiên bản ${v.version} (PDF)`} />}
                  {v.sourceFileId !== v.pdfFileId && (
                    <Typography.Link href={fileContentHref(v.sourceFileId)} download>
                      <FileWordOutlined /> Tệp gốc
                    </Typography.Link>
                  )}
                </Flex>
                {v.appendices.map((a) => (
                  <Flex key={a.id} gap={8} align="center" wrap data-testid={`appendix-${a.ordinal}`}>
                    <Typography.Text>Phụ lục {a.ordinal}: {a.title}</Typography.Text>
                    <Tag color={CONVERSION_COLORS[a.conversion]}>{conversionLabel(a.conversion)}</Tag>
                    {(a.sealedFileId ?? a.pdfFileId) && <PdfLinks fileId={(a.sealedFileId ?? a.pdfFileId)!} label={a.sealedFileId ? 'Bản đã ký số (PDF)' : 'PDF'} />}
                    {a.conversionError && <Typography.Text type="danger">{a.conversionError}</Typography.Text>}
                  </Flex>
                ))}
                {v.conversion === 'failed' && (
                  <Alert type="error" showIcon title="Không chuyển được sang PDF; hãy tải lên phiên bản khác." description={v.conversionError ?? undefined} />
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
