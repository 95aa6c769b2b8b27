/**
 * The agency's text-only signature stamps (NĐ30 Appendix I, "chữ ký số của cơ quan"):
 *   copy from paper (Q-8.2b)          copy form, copying agency, signing time;
 *   appendix in a separate file (Q-8.2c)  number and symbol of the main document, signing time.
 * Both: top right of page 1, no image, 10 pt regular black Times New Roman metrics (Liberation
 * Serif 2 unless the agency supplies its own font), the time as ISO 8601 with +07:00.
 * Usage: signPdf(pdf, signer, { signingTime, appearance: await copyStampAppearance(pdf, { …, signingTime }) }).
 */
import { readFile } from 'node:fs/promises';
import fontkit from '@cantoo/fontkit';
import { PDFDocument, EncryptedPDFError } from '@cantoo/pdf-lib';
import { toVietnamIso } from '../../infra/time/legal-time.js';
import { SigningError } from '../errors.js';
import { DEFAULT_FONT_PATH, LINE_HEIGHT, TEXT_PADDING, type SignatureAppearance } from './appearance.js';
import { mmToPoints, stampBox, STAMP_RIGHT_MM, type Rect } from './placement.js';

export const COPY_FORMS = ['SAO Y', 'SAO LỤC', 'TRÍCH SAO'] as const;
export type CopyForm = (typeof COPY_FORMS)[number];

export const STAMP_FONT_SIZE = 10;
/** Long agency names wrap rather than reach into the left half of the page. */
const MAX_STAMP_WIDTH_MM = 90;

export interface StampFont {
  /** A TrueType font with Vietnamese glyphs, e.g. the agency's Times New Roman; Liberation Serif 2 when left out. */
  fontPath?: string;
}

export interface CopyStamp {
  form: CopyForm;
  /** The agency that makes the copy, e.g. "Sở Nội vụ tỉnh Thái Nguyên". */
  agencyName: string;
  signingTime: Date;
}

export interface AppendixStamp {
  /** Number and symbol of the main document, e.g. "123/QĐ-SNV" ("Số:" is added). */
  numberAndSymbol: string;
  signingTime: Date;
}

export function copyStampLines(stamp: CopyStamp): string[] {
  if (!COPY_FORMS.includes(stamp.form)) {
    throw new SigningError('APPEARANCE_INVALID', `Hình thức sao "${stamp.form}" không hợp lệ; chỉ có ${COPY_FORMS.join(', ')}.`);
  }
  return [stamp.form, required(stamp.agencyName, 'tên cơ quan sao'), toVietnamIso(stamp.signingTime)];
}

export function appendixStampLines(stamp: AppendixStamp): string[] {
  const numberAndSymbol = required(stamp.numberAndSymbol, 'số và ký hiệu văn bản').replace(/^Số\s*:\s*/iu, '');
  return [`Số: ${numberAndSymbol}`, toVietnamIso(stamp.signingTime)];
}

export async function copyStampAppearance(pdf: Buffer, stamp: CopyStamp & StampFont): Promise<SignatureAppearance> {
  return stampAppearance(pdf, copyStampLines(stamp), stamp.fontPath);
}

export async function appendixStampAppearance(pdf: Buffer, stamp: AppendixStamp & StampFont): Promise<SignatureAppearance> {
  return stampAppearance(pdf, appendixStampLines(stamp), stamp.fontPath);
}

async function stampAppearance(pdf: Buffer, text: string[], fontPath = DEFAULT_FONT_PATH): Promise<SignatureAppearance> {
  const [page, fontBytes] = await Promise.all([firstPage(pdf), readFont(fontPath)]);
  const font = openFont(fontBytes);
  const maxWidth = Math.min(mmToPoints(MAX_STAMP_WIDTH_MM), page.width / 2 - mmToPoints(STAMP_RIGHT_MM)) - 2 * TEXT_PADDING;
  const lines = text.flatMap((line) => wrap(line, maxWidth, font));
  const size = STAMP_FONT_SIZE;
  const width = Math.max(...lines.map((line) => font.width(line))) + 2 * TEXT_PADDING;
  const height = TEXT_PADDING + size + (lines.length - 1) * size * LINE_HEIGHT + font.descent * size + TEXT_PADDING;
  return { page: 1, rect: stampBox(page, { width, height }), lines, fontSize: size, font: fontBytes };
}

interface MeasuredFont {
  /** Width in points at STAMP_FONT_SIZE. */
  width(text: string): number;
  /** Depth below the baseline, as a fraction of the size. */
  descent: number;
}

/** Fails early, in Vietnamese, when a supplied font lacks a letter: a missing glyph would print as a box. */
function openFont(bytes: Buffer): MeasuredFont {
  const font = fontkit.create(bytes);
  if (!('layout' in font)) throw new SigningError('APPEARANCE_INVALID', 'Tệp phông chữ là một bộ nhiều phông; hãy chỉ định một tệp .ttf.');
  const scale = STAMP_FONT_SIZE / font.unitsPerEm;
  return {
    width(text) {
      for (const char of text) {
        if (/\s/.test(char) || font.hasGlyphForCodePoint(char.codePointAt(0)!)) continue;
        throw new SigningError('APPEARANCE_INVALID', `Phông chữ không có ký tự "${char}"; hãy dùng phông có đủ chữ tiếng Việt (Liberation Serif 2, Times New Roman).`);
      }
      return font.layout(text).advanceWidth * scale;
    },
    descent: Math.abs(font.descent) / font.unitsPerEm,
  };
}

/** Greedy word wrap; a single word longer than the width keeps its own line. */
function wrap(line: string, maxWidth: number, font: MeasuredFont): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(/\s+/)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && font.width(candidate) > maxWidth) {
      out.push(current);
      current = word;
    } else current = candidate;
  }
  out.push(current);
  return out;
}

async function readFont(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch {
    throw new SigningError('APPEARANCE_INVALID', `Không đọc được tệp phông chữ ${path}.`);
  }
}

/** Page 1's visible area. The stamp's text is upright in user space, so a turned page would show it sideways. */
async function firstPage(pdf: Buffer): Promise<Rect> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (err) {
    if (err instanceof EncryptedPDFError) throw new SigningError('PDF_ENCRYPTED', 'Tệp PDF được mã hoá; cần gỡ mã hoá trước khi ký số.');
    throw new SigningError('PDF_UNREADABLE', 'Không đọc được tệp PDF (tệp hỏng hoặc không phải PDF).');
  }
  const page = doc.getPage(0);
  if (page.getRotation().angle % 360 !== 0) {
    throw new SigningError('APPEARANCE_INVALID', 'Trang đầu của tài liệu bị xoay; hãy chọn vị trí chữ ký trên màn hình.');
  }
  return page.getCropBox();
}

/** Vietnamese arrives in NFC or NFD; the PDF gets NFC so that each letter is one glyph and copies out as typed. */
function required(value: string, what: string): string {
  const text = (value ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!text) throw new SigningError('APPEARANCE_INVALID', `Thiếu ${what} để ghi lên chữ ký.`);
  return text;
}
