/**
 * Checks on an uploaded handwritten-signature or seal image (Q-8.2a, NĐ 30 Phụ lục I): a PNG by
 * its content, large enough to print sharply, with a background that is really transparent (so
 * it never hides the title, the name or the signature under the seal), and in the colour the
 * decree asks for: blue ink for a signature, red for a seal. Pure: bytes in, verdict out.
 */
import { PNG } from 'pngjs';
import { SigningError } from '../errors.js';
import { MAX_INTERLACED_PIXELS, MAX_SIDE } from '../pades/png.js';

export type ImageKind = 'signature' | 'seal';

export interface CheckedImage {
  width: number;
  height: number;
  /** Share of the opaque pixels that have the required colour (0–1). */
  colourShare: number;
}

/** At 300 dpi a 300 px signature is 25 mm wide: about what is printed. */
export const MIN_WIDTH = 300;
/** The decode limits, judged from the header (pades/png.ts, which judges the same when embedding). */
export { MAX_SIDE, MAX_INTERLACED_PIXELS };
/** Below this alpha a pixel is background; from INK_ALPHA up it is ink whose colour counts. */
const CLEAR_ALPHA = 32;
const INK_ALPHA = 128;
/** The edges of a cropped signature or seal are mostly background; so is a fair part of the whole. */
const MIN_CLEAR_EDGE = 0.8;
const MIN_CLEAR_SHARE = 0.2;
/** Fewer ink pixels than this is an empty image, not a signature. */
const MIN_INK_SHARE = 0.002;
/** Ink greyer than this (max − min of R, G, B) is black or grey, whatever its hue. */
const MIN_CHROMA = 48;
const MIN_COLOUR_SHARE = 0.6;
/** A round seal, cropped close, so that its real diameter maps to the image's width and height. */
const SEAL_ASPECT = [0.85, 1.18] as const;

const PNG_SIGNATURE = Buffer.from('89504e470d0a1a0a', 'hex');
const LABEL: Record<ImageKind, string> = { signature: 'Ảnh chữ ký', seal: 'Ảnh con dấu' };

export function checkImage(bytes: Buffer, kind: ImageKind): CheckedImage {
  const what = LABEL[kind];
  const { width, height } = checkHeader(bytes, kind);
  const stats = pixelStats(decode(bytes, what), kind);
  if (stats.clearEdge < MIN_CLEAR_EDGE || stats.clear < MIN_CLEAR_SHARE) {
    throw new SigningError('IMAGE_OPAQUE', `${what} phải có nền trong suốt (PNG có kênh alpha); ảnh này có nền đặc nên sẽ che chữ bên dưới.`);
  }
  if (stats.ink < MIN_INK_SHARE) throw new SigningError('IMAGE_EMPTY', `${what} gần như trong suốt hoàn toàn, không có nét nào.`);
  if (stats.colourShare < MIN_COLOUR_SHARE) {
    const percent = Math.round(stats.colourShare * 100);
    throw new SigningError(
      'IMAGE_COLOUR',
      kind === 'signature'
        ? `Chữ ký phải bằng mực màu xanh (Nghị định 30/2020/NĐ-CP); chỉ ${percent}% nét trong ảnh có màu xanh.`
        : `Con dấu phải có màu đỏ (Nghị định 30/2020/NĐ-CP); chỉ ${percent}% nét trong ảnh có màu đỏ.`,
    );
  }
  return { width, height, colourShare: stats.colourShare };
}

/** What the PNG's header declares (signature, IHDR): refused here before any pixel is decoded. */
export function checkHeader(bytes: Buffer, kind: ImageKind): { width: number; height: number } {
  const what = LABEL[kind];
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw new SigningError('IMAGE_NOT_PNG', `${what} phải là tệp PNG (kiểm tra theo nội dung tệp, không theo tên tệp).`);
  }
  const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  if (width > MAX_SIDE || height > MAX_SIDE) throw new SigningError('IMAGE_TOO_LARGE', `${what} quá lớn (${width} × ${height} điểm ảnh); tối đa ${MAX_SIDE} × ${MAX_SIDE}.`);
  const [bitDepth, interlace] = [bytes[24], bytes[28]];
  if (![1, 2, 4, 8, 16].includes(bitDepth) || interlace > 1) throw new SigningError('IMAGE_UNREADABLE', `Không đọc được ${what.toLowerCase()}: phần đầu tệp PNG không hợp lệ.`);
  if (interlace === 1 && width * height > MAX_INTERLACED_PIXELS) {
    throw new SigningError('IMAGE_TOO_LARGE', `${what} lưu dạng xen kẽ (interlaced) ${width} × ${height} điểm ảnh, quá lớn để đọc; hãy lưu lại ảnh không xen kẽ (tối đa ${MAX_INTERLACED_PIXELS.toLocaleString('vi')} điểm ảnh khi xen kẽ).`);
  }
  const minHeight = kind === 'seal' ? MIN_WIDTH : 1;
  if (width < MIN_WIDTH || height < minHeight) {
    throw new SigningError('IMAGE_TOO_SMALL', `${what} quá nhỏ (${width} × ${height} điểm ảnh); cần ${kind === 'seal' ? 'mỗi chiều' : 'chiều rộng'} ít nhất ${MIN_WIDTH} điểm ảnh để in rõ nét.`);
  }
  if (kind === 'seal' && (width / height < SEAL_ASPECT[0] || width / height > SEAL_ASPECT[1])) {
    throw new SigningError('IMAGE_SHAPE', `${what} phải được cắt sát con dấu (gần vuông) để in đúng kích thước thật; ảnh này ${width} × ${height} điểm ảnh.`);
  }
  return { width, height };
}

function decode(bytes: Buffer, what: string) {
  try {
    return PNG.sync.read(bytes);
  } catch {
    throw new SigningError('IMAGE_UNREADABLE', `Không đọc được ${what.toLowerCase()}: tệp PNG bị hỏng.`);
  }
}

/** Shares of background pixels (overall and on the edges), of ink, and of ink in the wanted colour. */
function pixelStats(image: { width: number; height: number; data: Buffer }, kind: ImageKind) {
  const { width, height, data } = image;
  let clear = 0;
  let edge = 0;
  let clearEdge = 0;
  let ink = 0;
  let coloured = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      const alpha = data[at + 3];
      const onEdge = x === 0 || y === 0 || x === width - 1 || y === height - 1;
      if (onEdge) edge++;
      if (alpha < CLEAR_ALPHA) {
        clear++;
        if (onEdge) clearEdge++;
      } else if (alpha >= INK_ALPHA) {
        ink++;
        if (hasColour(data[at], data[at + 1], data[at + 2], kind)) coloured++;
      }
    }
  }
  const pixels = width * height;
  return { clear: clear / pixels, clearEdge: clearEdge / edge, ink: ink / pixels, colourShare: ink ? coloured / ink : 0 };
}

/** Blue: hues 190°–260° (cyan-blue to deep ballpoint blue; violet "mực tím" is not blue); red: 330°–25° (crimson to vermilion). */
export function hasColour(r: number, g: number, b: number, kind: ImageKind): boolean {
  const h = hue(r, g, b);
  if (h === null) return false;
  return kind === 'signature' ? h >= 190 && h <= 260 : h >= 330 || h <= 25;
}

/** Hue in degrees, or null for black, grey and white (too little chroma to have a colour). */
function hue(r: number, g: number, b: number): number | null {
  const max = Math.max(r, g, b);
  const chroma = max - Math.min(r, g, b);
  if (chroma < MIN_CHROMA) return null;
  const h = max === r ? ((g - b) / chroma) % 6 : max === g ? (b - r) / chroma + 2 : (r - g) / chroma + 4;
  return (h * 60 + 360) % 360;
}
