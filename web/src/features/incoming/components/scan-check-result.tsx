import { Alert, Typography } from 'antd';
import { errorMessage } from '@/lib/api';
import type { ScanReport } from '../api/types';

interface Props {
  report: ScanReport | undefined;
  loading: boolean;
  error: unknown;
}

/**
 * The scan of a paper document against the digitisation standard (PDF ≥ 1.4, colour, ≥ 200 dpi,
 * 100 % scale), file-wide problems first, then page by page. The server refuses to register a scan
 * that fails, so the clerk learns it here, while rescanning is still cheap.
 */
export function ScanCheckResult({ report, loading, error }: Props) {
  if (loading) return <Typography.Text type="secondary">Đang kiểm tra bản quét theo chuẩn số hóa…</Typography.Text>;
  if (error) return <Alert type="error" showIcon title={`Không kiểm tra được bản quét: ${errorMessage(error)}`} data-testid="scan-check" />;
  if (!report) return null;
  if (report.ok) {
    return <Alert type="success" showIcon title={`Bản quét đạt chuẩn số hóa (PDF ${report.version ?? ''}, ${report.pages} trang).`} data-testid="scan-check" />;
  }
  const problems = [...report.problems].sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
  return (
    <Alert
      type="error"
      showIcon
      title="Bản quét chưa đạt chuẩn số hóa: hãy quét lại trước khi đăng ký"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {problems.map((p, i) => (
            <li key={`${p.page ?? 0}-${p.code}-${i}`}>{p.message}</li>
          ))}
        </ul>
      }
      data-testid="scan-check"
    />
  );
}
