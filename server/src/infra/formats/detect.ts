import { looksTabular, sniffContent, type Content } from './sniff.js';

/*
 * accepted formats are decided by the file's bytes. The original name
 * only matters when its extension contradicts the content, because the name
 * is kept and shown (and eventually saved by whoever downloads the file).
 */

export type FileFormat = 'pdf' | 'docx' | 'doc' | 'odt' | 'rtf' | 'txt' | 'csv' | 'xlsx' | 'xls' | 'ods' | 'jpeg' | 'png';

/** Declaration order is the order used when listing accepted extensions to the user. */
export const FORMATS: Record<FileFormat, { mediaType: string; extensions: string[]; label: string }> = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'], label: 'Tài liệu PDF' },
  doc: { mediaType: 'application/msword', extensions: ['doc'], label: 'Tài liệu Word 97-2003' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Tài liệu Word',
  },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], label: 'Văn bản OpenDocument' },
  rtf: { mediaType: 'application/rtf', extensions: ['rtf'], label: 'Văn bản RTF' },
  txt: { mediaType: 'text/plain', extensions: ['txt'], label: 'Văn bản thuần' },
  csv: { mediaType: 'text/csv', extensions: ['csv'], label: 'Bảng dữ liệu CSV' },
  xls: { mediaType: 'application/vnd.ms-excel', extensions: ['xls'], label: 'Bảng tính Excel 97-2003' },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'Bảng tính Excel',
  },
  ods: {
    mediaType: 'application/vnd.oasis.opendocument.spreadsheet',
    extensions: ['ods'],
    label: 'Bảng tính OpenDocument',
  },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'Ảnh JPEG' },
  png: { mediaType: 'image/png', extensions: ['png'], label: 'Ảnh PNG' },
};

export type DetectResult =
  | { ok: true; format: FileFormat; mediaType: string }
  | {
      ok: false;
      code: 'UNSUPPORTED_FORMAT' | 'FORMAT_MISMATCH' | 'EMPTY_FILE';
      /** Vietnamese, ready to show to the user. */
      message: string;
      /** What the content turned out to be: a FileFormat or a refusal id such as 'exe', 'html', 'docm'. */
      detected?: string;
    };

const FORMAT_BY_EXTENSION = new Map<string, FileFormat>(
  (Object.keys(FORMATS) as FileFormat[]).flatMap((f) => FORMATS[f].extensions.map((e) => [e, f] as const)),
);

const ACCEPTED_LIST = [...FORMAT_BY_EXTENSION.keys()].map((e) => `.${e}`).join(', ');

/**
 * Identifies the file at `path` from its content. `originalName` is the name
 * the user gave; without it (or without an extension) content alone decides.
 * Throws only when the file cannot be opened.
 */
export async function detectFormat(path: string, originalName?: string): Promise<DetectResult> {
  return decide(await sniffContent(path), originalName);
}

function decide(content: Content, originalName: string | undefined): DetectResult {
  const name = originalName?.split(/[\\/]/).pop() || undefined;
  const ext = extensionOf(name);
  const quoted = name ? `Tệp '${name}'` : 'Tệp';

  switch (content.kind) {
    case 'empty':
      return { ok: false, code: 'EMPTY_FILE', message: `${quoted} rỗng (0 byte).` };

    case 'binary':
      if (ext === undefined || FORMATS[content.format].extensions.includes(ext)) return accept(content.format);
      return mismatch(quoted, ext, describe(content.format), content.format);

    case 'text':
      if (ext === 'csv') {
        if (looksTabular(content.text, content.complete)) return accept('csv');
        return {
          ok: false,
          code: 'FORMAT_MISMATCH',
          detected: 'txt',
          message:
            `${quoted} có đuôi .csv nhưng nội dung không phải bảng dữ liệu ` +
            '(các dòng đầu không dùng nhất quán dấu phân cách ",", ";" hoặc tab).',
        };
      }
      if (ext === undefined || ext === 'txt') return accept('txt');
      return mismatch(quoted, ext, describe('txt'), 'txt');

    case 'refused': {
      const reason = content.why ? `${content.what}: ${content.why}` : content.what;
      const honest = ext === undefined || !FORMAT_BY_EXTENSION.has(ext) || content.honestExtensions?.includes(ext);
      if (honest) {
        return {
          ok: false,
          code: 'UNSUPPORTED_FORMAT',
          detected: content.id,
          message: `Định dạng tệp không được chấp nhận (${reason}). Chỉ nhận: ${ACCEPTED_LIST}.`,
        };
      }
      return {
        ok: false,
        code: 'FORMAT_MISMATCH',
        detected: content.id,
        message:
          `${quoted} có đuôi .${ext} nhưng nội dung là ${reason}. ` +
          `Định dạng này không được chấp nhận; chỉ nhận: ${ACCEPTED_LIST}.`,
      };
    }
  }
}

/**
 * The extension as the user's system would see it, or undefined when the last
 * dotted segment is not plausibly one ("Quyết định 15.2024", "bản 1.2").
 */
function extensionOf(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const ext = name.slice(dot + 1).toLowerCase();
  return /^[a-z][a-z0-9]{0,4}$/.test(ext) ? ext : undefined;
}

const accept = (format: FileFormat): DetectResult => ({ ok: true, format, mediaType: FORMATS[format].mediaType });

const describe = (format: FileFormat): string => {
  const { label, extensions } = FORMATS[format];
  return `${label.charAt(0).toLowerCase()}${label.slice(1)} (.${extensions[0]})`;
};

function mismatch(quoted: string, ext: string, contentDescription: string, detected: FileFormat): DetectResult {
  return {
    ok: false,
    code: 'FORMAT_MISMATCH',
    detected,
    message: `${quoted} có đuôi .${ext} nhưng nội dung là ${contentDescription}. Hãy kiểm tra lại tệp hoặc đổi đuôi cho đúng.`,
  };
}
