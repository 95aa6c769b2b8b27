import { useState } from 'react';
import { Alert, Button, Collapse, Descriptions, Flex, List, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { errorMessage } from '@/lib/api';
import { formatDateTime } from '@/features/incoming/components/format';
import { usePastChecks, useVerification, type SignatureReport } from '../api/verification';
import { ALERT_TYPES, certificationText, changesText, INDICATION_COLORS, INDICATION_LABELS, revocationText } from './verification-labels';

function SignatureItem({ s }: { s: SignatureReport }) {
  const who = [s.signer?.commonName, s.signer?.organization].filter(Boolean).join(' — ') || 'Không rõ người ký';
  return (
    <List.Item data-testid={`signature-${s.index}`}>
      <Flex vertical gap={6} style={{ width: '100%' }}>
        <Flex justify="space-between" gap={8} wrap>
          <Typography.Text strong>
            Chữ ký {s.index}: {who}
          </Typography.Text>
          <Tag color={INDICATION_COLORS[s.indication]} data-testid="signature-indication">
            {INDICATION_LABELS[s.indication]}
          </Tag>
        </Flex>
        <Typography.Text>{s.message}</Typography.Text>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'time', label: 'Thời điểm ký', children: s.signingTime ? formatDateTime(s.signingTime) : '—' },
            { key: 'issuer', label: 'Tổ chức cấp chứng thư', children: s.signer ? `${s.signer.issuer} · số hiệu ${s.signer.serialNumber}` : '—' },
            { key: 'revocation', label: 'Tình trạng chứng thư', children: revocationText(s.revocation) },
            { key: 'changes', label: 'Toàn vẹn', children: changesText(s) },
            ...(s.certification ? [{ key: 'certification', label: 'Loại chữ ký', children: certificationText(s.certification) }] : []),
          ]}
        />
        {s.warnings.map((w) => (
          <Typography.Text key={w} type="warning">
            {w}
          </Typography.Text>
        ))}
      </Flex>
    </List.Item>
  );
}

/** each signature of a file, checked now against the trust list, in Vietnamese; earlier checks below. */
export function VerificationPanel({ fileId }: { fileId: string }) {
  const report = useVerification(fileId);
  if (report.error) return <Alert type="error" showIcon title={errorMessage(report.error)} />;
  const data = report.data;
  return (
    <Flex vertical gap={12} data-testid="verification-panel">
      {data ? (
        <Alert
          type={ALERT_TYPES[data.indication]}
          showIcon
          title={data.message}
          description={`Kiểm tra lúc ${formatDateTime(data.checkedAt)} theo danh sách chứng thư tin cậy của hệ thống.`}
          action={<Button size="small" icon={<ReloadOutlined />} loading={report.isFetching} onClick={() => void report.refetch()}>Kiểm tra lại</Button>}
          data-testid="verification-result"
        />
      ) : null}
      <List loading={report.isPending} dataSource={data?.signatures ?? []} renderItem={(s) => <SignatureItem s={s} />} locale={{ emptyText: 'Tệp không có chữ ký số' }} />
      <PastChecks fileId={fileId} />
    </Flex>
  );
}

/** Earlier checks kept with the file: a verdict that changed since (a certificate revoked) shows here. */
function PastChecks({ fileId }: { fileId: string }) {
  const [open, setOpen] = useState(false);
  const past = usePastChecks(fileId, open);
  return (
    <Collapse
      size="small"
      ghost
      onChange={(keys) => setOpen(keys.length > 0)}
      items={[
        {
          key: 'past',
          label: 'Các lần kiểm tra đã lưu',
          children: (
            <List
              size="small"
              loading={past.isPending}
              dataSource={past.data ?? []}
              data-testid="verification-history"
              renderItem={(c) => (
                <List.Item>
                  <Typography.Text type="secondary">{formatDateTime(c.checkedAt)}</Typography.Text> <Tag color={INDICATION_COLORS[c.indication]}>{INDICATION_LABELS[c.indication]}</Tag> {c.message}
                </List.Item>
              )}
            />
          ),
        },
      ]}
    />
  );
}
