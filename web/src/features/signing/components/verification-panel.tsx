import { useState } from 'react';
import { Alert, Button, Collapse, Descriptions, Flex, List, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { errorMessage } from '@/lib/api';
import { formatDateTime } from '@/features/incoming/components/format';
import { useKeepVerification, usePastChecks, useVerification, type SignatureReport } from '../api/verification';
import { ALERT_TYPES, certificationText, changesText, INDICATION_COLORS, INDICATION_LABELS, revocationText } from './verification-labels';

const PROOF_SOURCES: Record<NonNullable<SignatureReport['proofOfExistence']>['source'], string> = {
  'signature-timestamp': 'Dấu thời gian trong chữ ký',
  'document-timestamp': 'Dấu thời gian tài liệu',
  'earlier-check': 'Lần kiểm tra hợp lệ trước đây của VănThư',
};

/** What proves when the signature existed; the time the signer wrote proves nothing. */
function proofText(s: SignatureReport): string {
  const p = s.proofOfExistence;
  if (!p) return 'Không có (chỉ có thời điểm do người ký tự ghi)';
  return `${PROOF_SOURCES[p.source]}${p.by ? ` của ${p.by}` : ''}, lúc ${formatDateTime(p.time)}`;
}

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
            { key: 'time', label: s.documentTimestamp ? 'Thời điểm cấp dấu' : 'Thời điểm ký (do người ký ghi)', children: s.signingTime ? formatDateTime(s.signingTime) : '—' },
            { key: 'poe', label: 'Bằng chứng thời điểm', children: proofText(s) },
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

/**
 * Q-4.1: each signature of a file, checked now against the trust list, in Vietnamese; earlier
 * checks below. Opening the panel only reads; "Kiểm tra lại và lưu" keeps the check with the file.
 */
export function VerificationPanel({ fileId }: { fileId: string }) {
  const report = useVerification(fileId);
  const keep = useKeepVerification(fileId);
  if (report.error) return <Alert type="error" showIcon title={errorMessage(report.error)} />;
  const data = report.data;
  const kept = data?.kept ? ' Kết quả đã được lưu cùng tệp.' : ' Kết quả này chưa được lưu.';
  return (
    <Flex vertical gap={12} data-testid="verification-panel">
      {data ? (
        <Alert
          type={ALERT_TYPES[data.indication]}
          showIcon
          title={data.message}
          description={`Kiểm tra lúc ${formatDateTime(data.checkedAt)} theo danh sách chứng thư tin cậy của hệ thống.${kept}`}
          action={
            <Button size="small" icon={<ReloadOutlined />} loading={keep.isPending} onClick={() => keep.mutate()} data-testid="verification-keep">
              Kiểm tra lại và lưu
            </Button>
          }
          data-testid="verification-result"
        />
      ) : null}
      {keep.error ? <Alert type="error" showIcon title={errorMessage(keep.error)} /> : null}
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
