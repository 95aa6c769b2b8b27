import { useState, type MouseEvent } from 'react';
import { Alert, Flex, Select, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, errorMessage } from '@/lib/api';
import type { PageBox } from '@/types/api';

interface Props {
  fileId: string;
  value: PageBox | undefined;
  onChange: (box: PageBox) => void;
}

const MM = 72 / 25.4;
/** About the size of a handwritten signature between the title and the name (NĐ 30 cell 7c). */
const BOX = { width: 45 * MM, height: 22 * MM };
const SHOWN_WIDTH = 560;

/**
 * When the title and name of the signer are not found on the page, the person shows where the
 * signature goes: a click on the page image centres the box there, in PDF points from the bottom left.
 */
export function PlacementPicker({ fileId, value, onChange }: Props) {
  const sizes = useQuery({ queryKey: ['files', fileId, 'pages'], queryFn: () => api.get<{ page: number; width: number; height: number }[]>(`/api/files/${encodeURIComponent(fileId)}/pages`) });
  const [chosenPage, setPage] = useState<number>();
  if (sizes.error) return <Alert type="error" showIcon title={errorMessage(sizes.error)} />;
  if (!sizes.data) return <Skeleton active />;
  const page = chosenPage ?? sizes.data.length;
  const size = sizes.data[page - 1];
  const scale = SHOWN_WIDTH / size.width;

  const place = (event: MouseEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = (event.clientX - rect.left) / scale - BOX.width / 2;
    const y = size.height - (event.clientY - rect.top) / scale - BOX.height / 2;
    const clamp = (v: number, max: number) => Math.round(Math.min(Math.max(v, 0), max) * 100) / 100;
    onChange({ page, x: clamp(x, size.width - BOX.width), y: clamp(y, size.height - BOX.height), width: Math.round(BOX.width * 100) / 100, height: Math.round(BOX.height * 100) / 100 });
  };

  const shown = value?.page === page ? value : undefined;
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center">
        <Typography.Text>Bấm vào trang, chỗ đặt ảnh chữ ký (giữa chức vụ và họ tên người ký).</Typography.Text>
        <Select aria-label="Trang" value={page} onChange={setPage} options={sizes.data.map((s) => ({ value: s.page, label: `Trang ${s.page}` }))} style={{ width: 110 }} />
      </Flex>
      <div onClick={place} style={{ position: 'relative', width: SHOWN_WIDTH, cursor: 'crosshair', border: '1px solid #ccc' }} data-testid="placement-page">
        <img src={`/api/files/${encodeURIComponent(fileId)}/pages/${page}?width=${SHOWN_WIDTH * 2}`} alt={`Trang ${page}`} style={{ width: SHOWN_WIDTH, display: 'block' }} />
        {shown && (
          <div
            data-testid="placement-box"
            style={{
              position: 'absolute',
              left: shown.x * scale,
              top: (size.height - shown.y - shown.height) * scale,
              width: shown.width * scale,
              height: shown.height * scale,
              border: '2px dashed #1d4e89',
              background: 'rgba(29, 78, 137, 0.12)',
              pointerEvents: 'none',
            }}
          />
        )}
      </div>
    </Flex>
  );
}
