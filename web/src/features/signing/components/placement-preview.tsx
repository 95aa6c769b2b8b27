import { Alert, Flex, Skeleton, Typography } from 'antd';
import { errorMessage } from '@/lib/api';
import type { PageBox } from '@/types/api';
import { usePageSizes } from '../api/pages';
import { PageWithBox } from './page-with-box';

/** The page with the box where the prepared signature's image goes, to check before signing (Q-8.2a). */
export function PlacementPreview({ fileId, box, kind }: { fileId: string; box: PageBox; kind: 'sign' | 'seal' }) {
  const sizes = usePageSizes(fileId);
  const size = sizes.data?.[box.page - 1];
  if (sizes.error) return <Alert type="warning" showIcon title={`Không xem trước được trang: ${errorMessage(sizes.error)}`} />;
  if (!sizes.data) return <Skeleton.Node active style={{ width: 560, height: 200 }} />;
  if (!size) return null;
  return (
    <Flex vertical gap={4}>
      <Typography.Text type="secondary">
        Xem trước trang {box.page}: khung {kind === 'sign' ? 'xanh là chỗ đặt ảnh chữ ký' : 'đỏ là chỗ đặt ảnh con dấu'}.
      </Typography.Text>
      <PageWithBox fileId={fileId} size={size} box={box} colour={kind === 'sign' ? '#1d4e89' : '#c0392b'} testId="placement-preview" boxTestId="placement-preview-box" />
    </Flex>
  );
}
