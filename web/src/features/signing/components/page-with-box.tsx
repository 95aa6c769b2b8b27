import type { MouseEvent } from 'react';
import type { PageBox } from '@/types/api';
import { pageImageHref, type PageSize } from '../api/pages';

export const SHOWN_WIDTH = 560;

interface Props {
  fileId: string;
  size: PageSize;
  box?: PageBox;
  /** Blue for the signer's image, red for the seal. */
  colour?: string;
  onClick?: (event: MouseEvent<HTMLDivElement>, scale: number) => void;
  testId: string;
  boxTestId: string;
}

/** A page image with a box drawn where a signature goes (PDF points from the bottom left). */
export function PageWithBox({ fileId, size, box, colour = '#1d4e89', onClick, testId, boxTestId }: Props) {
  const scale = SHOWN_WIDTH / size.width;
  return (
    <div onClick={onClick && ((event) => onClick(event, scale))} style={{ position: 'relative', width: SHOWN_WIDTH, cursor: onClick ? 'crosshair' : undefined, border: '1px solid #ccc' }} data-testid={testId}>
      <img src={pageImageHref(fileId, size.page, SHOWN_WIDTH)} alt={`Trang ${size.page}`} style={{ width: SHOWN_WIDTH, display: 'block' }} />
      {box && (
        <div
          data-testid={boxTestId}
          style={{
            position: 'absolute',
            left: box.x * scale,
            top: (size.height - box.y - box.height) * scale,
            width: box.width * scale,
            height: box.height * scale,
            border: `2px dashed ${colour}`,
            background: `${colour}1f`,
            pointerEvents: 'none',
          }}
        />
      )}
    </div>
  );
}
