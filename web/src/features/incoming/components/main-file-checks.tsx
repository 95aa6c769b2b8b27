import { useEffect, useState } from 'react';
import { Alert, Flex, Form, Typography } from 'antd';
import { errorMessage } from '@/lib/api';
import { usePrefill, useScanCheck } from '../api/file-checks';
import { PREFILL_LABELS, prefillGaps, uploadedMainId, type RegisterValues } from './register-values';
import { ScanCheckResult } from './scan-check-result';

/**
 * What the server reads from the main PDF once it is uploaded: suggestions for the fields the clerk
 * left empty (never over what was typed), and for a paper document's scan, whether it meets the
 * digitisation standard, page by page, before the clerk saves.
 */
export function MainFileChecks() {
  const form = Form.useFormInstance<RegisterValues>();
  const source = Form.useWatch('source', form);
  const fileId = uploadedMainId(Form.useWatch('mainFile', form));
  const prefill = usePrefill(fileId);
  const scan = useScanCheck(source === 'paper' ? fileId : undefined);
  // Which file's suggestions went in, and what they were: each file fills the gaps once, and a value
  // an earlier file put in and nobody changed since gives way to the new file's (a file replaced).
  const [filled, setFilled] = useState<{ fileId: string; labels: string[]; values: Partial<RegisterValues> }>();

  useEffect(() => {
    if (!fileId || !prefill.data || filled?.fileId === fileId) return;
    const earlier = (filled?.values ?? {}) as Record<string, unknown>;
    const current = (name: keyof RegisterValues) => {
      const value = form.getFieldValue(name);
      return name in earlier && String(earlier[name]) === String(value) ? undefined : value;
    };
    const gaps = prefillGaps(prefill.data, current);
    // Setting a value this way does not validate; clear the "required" errors these fields may show.
    form.setFields(Object.entries(gaps).map(([name, value]) => ({ name: name as keyof RegisterValues, value, errors: [] })));
    setFilled({ fileId, labels: Object.keys(gaps).map((name) => PREFILL_LABELS[name as keyof typeof PREFILL_LABELS]), values: gaps });
  }, [fileId, prefill.data, filled, form]);

  if (!fileId) return null;
  const shownFilled = filled?.fileId === fileId ? filled.labels : [];
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      {prefill.isFetching && <Typography.Text type="secondary">Đang đọc thông tin từ tệp PDF…</Typography.Text>}
      {prefill.error && <Typography.Text type="secondary">Không đọc được thông tin từ tệp: {errorMessage(prefill.error)}</Typography.Text>}
      {shownFilled.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={`Đã điền sẵn từ tệp PDF: ${shownFilled.join(', ')}.`}
          description="Vui lòng đối chiếu với văn bản trước khi đăng ký; các ô đã nhập giữ nguyên."
          data-testid="prefill-notice"
        />
      )}
      {source === 'paper' && <ScanCheckResult report={scan.data} loading={scan.isFetching} error={scan.error} />}
    </Flex>
  );
}
