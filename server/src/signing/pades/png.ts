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

export function pngInfo(png: Buffer): PngInfo {
  if (png.length < 33 || !png.subarray(0, 8).equals(SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new SigningError('APPEARANCE_INVALID', 'Ảnh chữ ký hoặc con dấu phải là tệp PNG.');
  }
  const colourType = png[25];
  let transparent = colourType === 4 || colourType === 6;
  // tRNS comes before the first IDAT; stop there rather than walk the image data.
  for (let at = 8; !transparent && at + 8 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT' || type === 'IEND') break;
    transparent = type === 'tRNS';
    at += 12 + length;
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), transparent };
}
