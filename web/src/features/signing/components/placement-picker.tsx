import { useState, type MouseEvent } from 'react';
import { Alert, Flex, Select, Skeleton, Typography } from 'antd';
import { errorMessage } from '@/lib/api';
import type { PageBox } from '@/types/api';
import { usePageSizes } from '../api/pages';
import { PageWithBox } from './page-with-box';

interface Props {
  fileId: string;
  value: PageBox | undefined;
  onChange: (box: PageBox) => void;
}

const MM = 72 / 25.4;
/** About the size of a handwritten signature between the title and the name (NĐ 30 cell 7c). */
const BOX = { width: 45 * MM, height: 22 * MM };

/**
 * When the title and name of the signer are not found on the page, the person shows where the
 * signature goes: a click on the page image centres the box there, in PDF points from the bottom left.
 */
export function PlacementPicker({ fileId, value, onChange }: Props) {
  const sizes = usePageSizes(fileId);
  const [chosenPage, setPage] = useState<number>();
  if (sizes.error) return <Alert type="error" showIcon title={errorMessage(sizes.error)} />;
  if (!sizes.data) return <Skeleton active />;
  const page = chosenPage ?? sizes.data.length;
  const size = sizes.data[page - 1];

  const place = (event: MouseEvent<HTMLDivElement>, scale: number) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = (event.clientX - rect.left) / scale - BOX.width / 2;
    const y = size.height - (event.clientY - rect.top) / scale - BOX.height / 2;
    const clamp = (v: number, max: number) => Math.round(Math.min(Math.max(v, 0), max) * 100) / 100;
    onChange({ page, x: clamp(x, size.width - BOX.width), y: clamp(y, size.height - BOX.height), width: Math.round(BOX.width * 100) / 100, height: Math.round(BOX.height * 100) / 100 });
  };

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center">
        <Typography.Text>Bấm vào trang, chỗ đặt ảnh chữ ký (giữa chức vụ và họ tên người ký).</Typography.Text>
        <Select aria-label="Trang" value={page} onChange={setPage} options={sizes.data.map((s) => ({ value: s.page, label: `Trang ${s.page}` }))} style={{ width: 110 }} />
      </Flex>
      <PageWithBox fileId={fileId} size={size} box={value?.page === page ? value : undefined} onClick={place} testId="placement-page" boxTestId="placement-box" />
    </Flex>
  );
}
