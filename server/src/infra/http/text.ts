/**
 * Text as it enters the system: C0 control characters other than tab, line
 * feed and carriage return (NUL above all: PostgreSQL refuses it in text) and unpaired UTF-16
 * surrogates (they cannot be encoded as UTF-8, so a log line or an error about them fails) are
 * refused; everything else is stored in Unicode NFC, so "ệ" typed on any keyboard compares equal.
 */

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TextFault = 'control' | 'surrogate';

export function textFault(value: string): TextFault | null {
  if (CONTROL.test(value)) return 'control';
  if (LONE_SURROGATE.test(value)) return 'surrogate';
  return null;
}

export const TEXT_FAULT_MESSAGE: Record<TextFault, string> = {
  control: 'chứa ký tự điều khiển (ví dụ ký tự NUL) không được phép trong văn bản',
  surrogate: 'chứa ký tự Unicode không hợp lệ (nửa cặp thay thế UTF-16)',
};

export interface TextProblem {
  field: string;
  rule: 'text';
  params: { fault: TextFault };
  message: string;
}

/**
 * Walks a parsed body, query or params object: refuses bad text (returning where it is) and
 * NFC-normalises the rest in place. Keys are checked as well as values.
 */
export function cleanTextIn(value: unknown, path: string, problems: TextProblem[]): unknown {
  if (typeof value === 'string') {
    const fault = textFault(value);
    if (fault) {
      problems.push({ field: path, rule: 'text', params: { fault }, message: TEXT_FAULT_MESSAGE[fault] });
      return value;
    }
    return value.normalize('NFC');
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = cleanTextIn(value[i], `${path}/${i}`, problems);
    return value;
  }
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value) && !(value instanceof Uint8Array)) {
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      const keyFault = textFault(key);
      if (keyFault) {
        problems.push({ field: `${path}/${JSON.stringify(key).slice(1, -1)}`, rule: 'text', params: { fault: keyFault }, message: TEXT_FAULT_MESSAGE[keyFault] });
        continue;
      }
      object[key] = cleanTextIn(object[key], `${path}/${key}`, problems);
    }
  }
  return value;
}
