import { Select, Tag } from 'antd';
import dayjs from 'dayjs';
import type { Certificate } from '@/types/api';

interface Props {
  certificates: Certificate[];
  loading: boolean;
  value?: string;
  onChange: (id: string) => void;
}

const commonName = (subject: string) => /CN=([^,]+)/.exec(subject)?.[1] ?? subject;

/** Certificates with their expiry; expired ones are listed but cannot be chosen. */
export function CertificateSelect({ certificates, loading, value, onChange }: Props) {
  return (
    <Select
      aria-label="Chứng thư số"
      placeholder="Chọn chứng thư số"
      loading={loading}
      value={value}
      onChange={onChange}
      style={{ width: '100%' }}
      options={certificates.map((c) => ({
        value: c.id,
        disabled: c.expired,
        label: (
          <span>
            {commonName(c.subject)} · số hiệu {c.serialNumber} · hết hạn {dayjs(c.notAfter).format('DD/MM/YYYY')}{' '}
            {c.expired ? <Tag color="red">Đã hết hạn</Tag> : c.expiresSoon ? <Tag color="orange">Sắp hết hạn</Tag> : null}
          </span>
        ),
      }))}
      notFoundContent="Không có chứng thư số phù hợp"
    />
  );
}
