/**
 * What the placement rules need to know about a PNG without decoding it: its size (to work out
 * where a fitted image really lies) and whether it can be transparent (Q-8.2a asks for images
 * with transparency, so a signature or seal never hides the text under it).
 */
import { SigningError } from '../errors.js';

export interface PngInfo {
  width: number;
  height: number;
  /** An alpha channel (colour types 4 and 6) or a tRNS chunk. */
  transparent: boolean;
}

const SIGNATURE = Buffer.from('89504e470d0a1a0a', 'hex');

/** Caps the decoded size (3000² RGBA = 36 MB), read from the header before anything decodes it. */
export const MAX_SIDE = 3000;
/**
 * An interlaced (Adam7) PNG decodes far slower: pngjs took 0.7 s for 1000 × 1000 and 14 s for
 * 3000 × 3000 on the test server. Up to this many pixels it is accepted; beyond, it must be saved
 * again without interlacing (any editor does), which a signature loses nothing by.
 */
export const MAX_INTERLACED_PIXELS = 1_000_000;

export function pngInfo(png: Buffer): PngInfo {
  if (png.length < 33 || !png.subarray(0, 8).equals(SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new SigningError('APPEARANCE_INVALID', 'Ảnh chữ ký hoặc con dấu phải là tệp PNG.');
  }
  const [width, height, colourType, interlaced] = [png.readUInt32BE(16), png.readUInt32BE(20), png[25], png[28] === 1];
  // pdf-lib decodes the whole image to embed it: one too large to decode is refused before.
  if (width > MAX_SIDE || height > MAX_SIDE || (interlaced && width * height > MAX_INTERLACED_PIXELS)) {
    throw new SigningError('APPEARANCE_INVALID', `Ảnh chữ ký hoặc con dấu quá lớn để đưa vào văn bản (${width} × ${height} điểm ảnh${interlaced ? ', dạng xen kẽ' : ''}); hãy tải lên lại ảnh.`);
  }
  let transparent = colourType === 4 || colourType === 6;
  // tRNS comes before the first IDAT; stop there rather than walk the image data.
  for (let at = 8; !transparent && at + 8 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT' || type === 'IEND') break;
    transparent = type === 'tRNS';
    at += 12 + length;
  }
  return { width, height, transparent };
}
