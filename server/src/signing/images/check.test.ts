/**
 * The checks on an uploaded signature or seal image (Q-8.2a), on made-up PNGs: each refusal has
 * its stable reason and a Vietnamese message; blue signatures and red seals pass.
 */
import { describe, expect, it } from 'vitest';
import { SigningError } from '../errors.js';
import { BLUE_INK, RED_INK, rgbaPng, ring, scribble, type Rgba } from '../testing/test-images.js';
import { checkImage, hasColour, type ImageKind } from './check.js';

const BLACK_INK: Rgba = [25, 25, 30, 255];
const WHITE: Rgba = [255, 255, 255, 255];

function refusal(png: Buffer, kind: ImageKind): [string, string] | 'accepted' {
  try {
    checkImage(png, kind);
    return 'accepted';
  } catch (err) {
    if (err instanceof SigningError) return [err.reason, err.message];
    throw err;
  }
}

describe('[Q-8.2a] checks on an uploaded signature or seal image', () => {
  it('accepts a blue signature on a transparent background, 480 px wide', () => {
    expect(checkImage(scribble(2, BLUE_INK), 'signature')).toEqual({ width: 480, height: 200, colourShare: 1 });
  });

  it('accepts a red seal, cropped close, 400 × 400 px', () => {
    expect(checkImage(ring(2, RED_INK), 'seal')).toMatchObject({ width: 400, height: 400, colourShare: 1 });
  });

  it('refuses a signature in black ink: the decree asks for blue', () => {
    expect(refusal(scribble(2, BLACK_INK), 'signature')).toEqual(['IMAGE_COLOUR', 'Chữ ký phải bằng mực màu xanh (Nghị định 30/2020/NĐ-CP); chỉ 0% nét trong ảnh có màu xanh.']);
  });

  it('refuses a red signature and a blue seal', () => {
    expect(refusal(scribble(2, RED_INK), 'signature')).toEqual(['IMAGE_COLOUR', expect.stringContaining('màu xanh')]);
    expect(refusal(ring(2, BLUE_INK), 'seal')).toEqual(['IMAGE_COLOUR', 'Con dấu phải có màu đỏ (Nghị định 30/2020/NĐ-CP); chỉ 0% nét trong ảnh có màu đỏ.']);
  });

  it('refuses an image whose alpha channel is not used: a white opaque background would hide the text', () => {
    const message = 'Ảnh chữ ký phải có nền trong suốt (PNG có kênh alpha); ảnh này có nền đặc nên sẽ che chữ bên dưới.';
    expect(refusal(scribble(2, BLUE_INK, WHITE), 'signature')).toEqual(['IMAGE_OPAQUE', message]);
    // A white frame around a transparent middle is still an opaque background where it shows.
    const framed = rgbaPng(400, 200, (x, y) => (x < 20 || y < 20 || x >= 380 || y >= 180 ? WHITE : Math.abs(y - 100) < 5 ? BLUE_INK : undefined));
    expect(refusal(framed, 'signature')).toEqual(['IMAGE_OPAQUE', message]);
  });

  it('refuses what is not a PNG by its content, whatever its name', () => {
    const jpeg = Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), Buffer.alloc(100)]);
    expect(refusal(jpeg, 'signature')).toEqual(['IMAGE_NOT_PNG', 'Ảnh chữ ký phải là tệp PNG (kiểm tra theo nội dung tệp, không theo tên tệp).']);
    expect(refusal(Buffer.from('%PDF-1.7\n'.padEnd(64, ' ')), 'seal')[0]).toBe('IMAGE_NOT_PNG');
    const broken = Buffer.from(scribble(2, BLUE_INK));
    broken.fill(0, 60, 200);
    expect(refusal(broken, 'signature')).toEqual(['IMAGE_UNREADABLE', 'Không đọc được ảnh chữ ký: tệp PNG bị hỏng.']);
  });

  it('refuses images too small to print sharply, too large to decode safely, or not cropped to the seal', () => {
    expect(refusal(scribble(1, BLUE_INK), 'signature')).toEqual(['IMAGE_TOO_SMALL', 'Ảnh chữ ký quá nhỏ (240 × 100 điểm ảnh); cần chiều rộng ít nhất 300 điểm ảnh để in rõ nét.']);
    expect(refusal(ring(1, RED_INK), 'seal')).toEqual(['IMAGE_TOO_SMALL', 'Ảnh con dấu quá nhỏ (200 × 200 điểm ảnh); cần mỗi chiều ít nhất 300 điểm ảnh để in rõ nét.']);
    expect(refusal(rgbaPng(3001, 2, () => undefined), 'signature')).toEqual(['IMAGE_TOO_LARGE', 'Ảnh chữ ký quá lớn (3001 × 2 điểm ảnh); tối đa 3000 × 3000.']);
    expect(refusal(rgbaPng(600, 400, (x, y) => (Math.hypot(x - 300, y - 200) < 150 && Math.hypot(x - 300, y - 200) > 140 ? RED_INK : undefined)), 'seal')[0]).toBe('IMAGE_SHAPE');
  });

  it('refuses an image with no strokes', () => {
    expect(refusal(rgbaPng(400, 200, () => undefined), 'signature')).toEqual(['IMAGE_EMPTY', 'Ảnh chữ ký gần như trong suốt hoàn toàn, không có nét nào.']);
  });

  it('tells ink colours apart by hue, and black or grey from any colour', () => {
    const blue = [[20, 40, 200], [30, 40, 90], [0, 0, 128], [60, 120, 220]] as const;
    const red = [[220, 20, 30], [180, 0, 60], [200, 60, 40]] as const;
    const neither = [[25, 25, 30], [128, 128, 128], [255, 255, 255], [20, 160, 40], [120, 40, 200]] as const;
    expect(blue.map(([r, g, b]) => hasColour(r, g, b, 'signature'))).toEqual(blue.map(() => true));
    expect(red.map(([r, g, b]) => hasColour(r, g, b, 'seal'))).toEqual(red.map(() => true));
    expect(neither.map(([r, g, b]) => hasColour(r, g, b, 'signature') || hasColour(r, g, b, 'seal'))).toEqual(neither.map(() => false));
  });
});
