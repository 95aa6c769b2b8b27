/**
 * Images for the placement tests: transparent PNGs like the ones people upload (a blue
 * handwritten signature, a red seal), and a reader for the PNGs pdftoppm renders, so the tests
 * can look at the colour of the pixels where the rules put each image.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { chunk } from './test-pdf.js';

export type Rgba = [number, number, number, number];

/** An 8-bit RGBA PNG; `paint` gives each pixel, undefined for fully transparent. */
export function rgbaPng(width: number, height: number, paint: (x: number, y: number) => Rgba | undefined): Buffer {
  const row = width * 4 + 1;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const pixel = paint(x, y);
      if (pixel) raw.set(pixel, y * row + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export const BLUE_INK: Rgba = [20, 40, 200, 255];
export const RED_INK: Rgba = [220, 20, 30, 255];

/** A blue wavy stroke across a 240 × 100 transparent image, like a handwritten signature. */
export function blueScribble(): Buffer {
  return scribble(1, BLUE_INK);
}

/** The same stroke `scale` times larger in any ink; `background` fills the rest (an opaque scan). */
export function scribble(scale: number, ink: Rgba, background?: Rgba): Buffer {
  return rgbaPng(240 * scale, 100 * scale, (px, py) => {
    const [x, y] = [px / scale, py / scale];
    const curve = 50 + 35 * Math.sin(x / 17) * Math.cos(x / 53);
    return Math.abs(y - curve) < 4 && x > 8 && x < 232 ? ink : background;
  });
}

/** A red double ring with a star-like centre on a 200 × 200 transparent image, like a seal. */
export function redRing(): Buffer {
  return ring(1, RED_INK);
}

export function ring(scale: number, ink: Rgba): Buffer {
  return rgbaPng(200 * scale, 200 * scale, (px, py) => {
    const r = Math.hypot(px / scale - 99.5, py / scale - 99.5);
    return (r > 88 && r < 98) || (r > 70 && r < 74) || r < 12 ? ink : undefined;
  });
}

export interface RgbImage {
  width: number;
  height: number;
  pixel(x: number, y: number): [number, number, number];
}

/** Reads the 8-bit RGB or RGBA, non-interlaced PNGs that pdftoppm writes. */
export function decodePng(png: Buffer): RgbImage {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const channels = { 2: 3, 6: 4 }[png[25] as 2 | 6];
  if (png[24] !== 8 || !channels || png[28] !== 0) throw new Error('only 8-bit RGB/RGBA non-interlaced PNGs are read here');
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? pixels[y * stride + i - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + i] : 0;
      const upLeft = y > 0 && i >= channels ? pixels[(y - 1) * stride + i - channels] : 0;
      const value = raw[y * (stride + 1) + 1 + i];
      pixels[y * stride + i] = (value + predict(filter, left, up, upLeft)) & 0xff;
    }
  }
  return {
    width,
    height,
    pixel: (x, y) => {
      const at = y * stride + x * channels;
      return [pixels[at], pixels[at + 1], pixels[at + 2]];
    },
  };
}

/** PNG filter types 0–4 (None, Sub, Up, Average, Paeth). */
function predict(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0: return 0;
    case 1: return left;
    case 2: return up;
    case 3: return (left + up) >> 1;
    case 4: {
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
    default: throw new Error(`unknown PNG filter ${filter}`);
  }
}

/** Clearly blue or clearly red, anti-aliased edges included, and never black text or white paper. */
export const isBlue = ([r, g, b]: [number, number, number]) => b - Math.max(r, g) > 60;
export const isRed = ([r, g, b]: [number, number, number]) => r - Math.max(g, b) > 60;
