/**
 * preparePdf (sign.ts) and reserveIssueFields run off the event loop (infra/isolate): it parses and rewrites the whole
 * document, seconds of CPU for one of thousands of pages. A document over the limits is refused
 * with 413; a SigningError thrown there reaches the caller with the same code and message.
 */
import { isolate, refusalAsAppError } from '../../infra/isolate/index.js';
import type { PreparedPdf, SignOptions } from './sign.js';
import type { IssueFields } from './issue-fields.js';
import type { SignatureAppearance } from './appearance.js';
import type { appendixStampAppearance, copyStampAppearance } from './stamps.js';

/** A 2,000-page PDF takes about 4 s to prepare on the test server. */
const LIMITS = { timeoutMs: 30_000, heapMb: 1024 };

export async function preparePdfOffThread(pdf: Buffer, chain: Buffer[], options: SignOptions): Promise<PreparedPdf> {
  try {
    return await isolate.run<PreparedPdf>(new URL('./sign.ts', import.meta.url), 'preparePdf', [pdf, chain, options], LIMITS);
  } catch (err) {
    throw refusalAsAppError(err, 'Tệp PDF cần ký');
  }
}

/** reserveIssueFields (issue-fields.ts) off the event loop: it parses the whole draft and reads page 1 with pdf.js. */
export async function reserveIssueFieldsOffThread(pdf: Buffer, options: { fontDir?: string } = {}): Promise<{ pdf: Buffer } & IssueFields> {
  try {
    return await isolate.run<{ pdf: Buffer } & IssueFields>(new URL('./issue-fields.ts', import.meta.url), 'reserveIssueFields', [pdf, options], LIMITS);
  } catch (err) {
    throw refusalAsAppError(err, 'Tệp PDF cần ký');
  }
}

/** copyStampAppearance or appendixStampAppearance (stamps.ts) off the event loop: both load the whole document. */
export function stampOffThread(fn: 'copyStampAppearance', pdf: Buffer, stamp: Parameters<typeof copyStampAppearance>[1]): Promise<SignatureAppearance>;
export function stampOffThread(fn: 'appendixStampAppearance', pdf: Buffer, stamp: Parameters<typeof appendixStampAppearance>[1]): Promise<SignatureAppearance>;
export async function stampOffThread(fn: 'copyStampAppearance' | 'appendixStampAppearance', pdf: Buffer, stamp: object): Promise<SignatureAppearance> {
  try {
    return await isolate.run<SignatureAppearance>(new URL('./stamps.ts', import.meta.url), fn, [pdf, stamp], LIMITS);
  } catch (err) {
    throw refusalAsAppError(err, 'Tệp PDF cần ký');
  }
}
