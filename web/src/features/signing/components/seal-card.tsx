import { useState } from 'react';
import { Card, InputNumber, Space, Typography } from 'antd';
import { sealImageHref, useMyImages } from '../api/images';
import { ImageCard } from './image-card';

const DIAMETER = { min: 20, max: 60, usual: 36 };

/**
 * The agency's seal as organisation signatures show it (Q-8.2a): red, transparent, at its real
 * size, so the diameter is asked with every upload. Only the administrator manages it.
 */
export function SealCard({ agencyId, isOwnAgency }: { agencyId: string; isOwnAgency: boolean }) {
  const images = useMyImages();
  const [diameter, setDiameter] = useState<number | null>(images.data?.seal?.diameterMm ?? DIAMETER.usual);
  // The summary route answers for the viewer's own agency; for another, the image itself is the answer.
  const info = isOwnAgency ? images.data?.seal : undefined;
  return (
    <Card title="Ảnh con dấu (chữ ký số của cơ quan)">
      <ImageCard
        href={sealImageHref(agencyId)}
        info={info}
        testId="seal-image"
        uploadText="Tải ảnh con dấu"
        query={diameter ? `?diameterMm=${diameter}` : undefined}
        rules="Tệp PNG nền trong suốt, màu đỏ, cắt sát mép con dấu, rộng và cao ít nhất 300 điểm ảnh. Ảnh hiện trên văn bản đúng kích thước thật, đè lên khoảng 1/3 bên trái chữ ký của người ký."
        extra={
          <Space>
            <Typography.Text>Đường kính thật của con dấu</Typography.Text>
            <InputNumber aria-label="Đường kính con dấu (mm)" min={DIAMETER.min} max={DIAMETER.max} step={0.5} value={diameter} onChange={setDiameter} suffix="mm" />
          </Space>
        }
      />
    </Card>
  );
}
