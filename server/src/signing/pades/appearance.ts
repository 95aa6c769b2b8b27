/**
 * A visible signature's look: an optional image (the handwritten signature or the seal, a
 * transparent PNG) fitted into the box, and optional lines of text over it. Where the box goes on
 * the page is decided by the caller; this only draws inside it.
 */
import { readFile } from 'node:fs/promises';
import fontkit from '@cantoo/fontkit';
import { drawImage, drawLinesOfText, degrees, rgb, type PDFDocument, type PDFRef } from '@cantoo/pdf-lib';

/** Liberation Serif 2: Times New Roman metrics and every Vietnamese glyph (stack.md §3). */
export const DEFAULT_FONT_PATH = '/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf';

/** Text layout inside the box; stamps.ts sizes its boxes with the same numbers. */
export const TEXT_PADDING = 2;
export const LINE_HEIGHT = 1.2;

export interface SignatureAppearance {
  /** 1-based page number. */
  page: number;
  /** In PDF points from the page's lower-left corner. */
  rect: { x: number; y: number; width: number; height: number };
  image?: Buffer;
  lines?: string[];
  fontSize?: number;
  /** A TrueType font with Vietnamese glyphs; DEFAULT_FONT_PATH when left out. */
  font?: Buffer;
}

/** Adds the appearance stream (a form XObject the size of the box) to `doc`. */
export async function drawAppearance(doc: PDFDocument, appearance: SignatureAppearance): Promise<PDFRef> {
  const { width, height } = appearance.rect;
  const operators = [];
  const resources: { XObject?: Record<string, PDFRef>; Font?: Record<string, PDFRef> } = {};

  if (appearance.image) {
    const image = await doc.embedPng(appearance.image);
    const scale = Math.min(width / image.width, height / image.height);
    const w = image.width * scale;
    const h = image.height * scale;
    resources.XObject = { Im0: image.ref };
    operators.push(...drawImage('Im0', { x: (width - w) / 2, y: (height - h) / 2, width: w, height: h, rotate: degrees(0), xSkew: degrees(0), ySkew: degrees(0) }));
  }

  if (appearance.lines?.length) {
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont(appearance.font ?? (await readFile(DEFAULT_FONT_PATH)), { subset: true });
    const size = appearance.fontSize ?? 10;
    const lineHeight = size * LINE_HEIGHT;
    resources.Font = { F0: font.ref };
    operators.push(
      ...drawLinesOfText(
        appearance.lines.map((line) => font.encodeText(line)),
        { font: 'F0', size, lineHeight, color: rgb(0, 0, 0), x: TEXT_PADDING, y: height - size - TEXT_PADDING, rotate: degrees(0), xSkew: degrees(0), ySkew: degrees(0) },
      ),
    );
  }

  const stream = doc.context.formXObject(operators, { BBox: [0, 0, width, height], Resources: resources });
  return doc.context.register(stream);
}
