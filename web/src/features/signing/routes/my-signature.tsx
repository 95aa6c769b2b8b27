import { Alert, Card, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { PageHeader } from '@/components/page-header';
import { errorMessage } from '@/lib/api';
import { useCurrentSession } from '@/lib/auth';
import { useCertificates } from '../api/certificates';
import { signatureImageHref, useMyImages } from '../api/images';
import { ImageCard } from '../components/image-card';

/** Chữ ký số của tôi: the certificates registered for me and the image my signatures show. */
export default function MySignatureRoute() {
  const session = useCurrentSession();
  const images = useMyImages();
  const certificates = useCertificates();
  const mine = (certificates.data ?? []).filter((c) => c.ownerUserId === session.user.id);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader title="Chữ ký số của tôi" description="Chứng thư số cá nhân và ảnh chữ ký hiện trên văn bản do đồng chí ký số." />
      <Card title="Ảnh chữ ký tay">
        {images.error ? (
          <Alert type="error" showIcon title={errorMessage(images.error)} />
        ) : (
          <ImageCard
            href={signatureImageHref(session.user.id)}
            info={images.data?.signature}
            testId="signature-image"
            uploadText="Tải ảnh chữ ký"
            rules="Tệp PNG nền trong suốt, mực màu xanh, rộng ít nhất 300 điểm ảnh. Ảnh được đặt giữa dòng chức vụ và họ tên người ký ở trang cuối văn bản."
          />
        )}
      </Card>
      <Card title="Chứng thư số cá nhân">
        {certificates.error ? (
          <Alert type="error" showIcon title={errorMessage(certificates.error)} />
        ) : (
          <List
            loading={certificates.isPending}
            dataSource={mine}
            locale={{ emptyText: 'Chưa đăng ký chứng thư số cá nhân nào. Người giữ khóa tự đăng ký, chứng minh sở hữu khóa bằng công cụ ký số (lệnh register) hoặc dịch vụ ký số từ xa.' }}
            renderItem={(c) => (
              <List.Item>
                <List.Item.Meta
                  title={c.subject}
                  description={
                    <Typography.Text type="secondary">
                      Số hiệu {c.serialNumber} · do {c.issuer} cấp · hiệu lực {dayjs(c.notBefore).format('DD/MM/YYYY')} – {dayjs(c.notAfter).format('DD/MM/YYYY')}
                    </Typography.Text>
                  }
                />
                {c.expired ? <Tag color="red">Đã hết hạn</Tag> : c.expiresSoon ? <Tag color="orange">Sắp hết hạn</Tag> : <Tag color="green">Còn hiệu lực</Tag>}
              </List.Item>
            )}
          />
        )}
      </Card>
    </Space>
  );
}
