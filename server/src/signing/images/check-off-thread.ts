/**
 * The image check of check.ts run off the event loop (infra/isolate): decoding a PNG of up to
 * 3000 × 3000 takes seconds of CPU. The header is judged first, here, so an image refused for its
 * declared size or form never reaches a worker; a decode over the limits is refused with 413.
 */
import { isolate, refusalAsAppError } from '../../infra/isolate/index.js';
import { checkHeader, type CheckedImage, type ImageKind } from './check.js';

/** Time for one decode: a 3000 × 3000 PNG takes about 2 s on the test server. */
const LIMITS = { timeoutMs: 10_000, heapMb: 256 };
const LABEL: Record<ImageKind, string> = { signature: 'Ảnh chữ ký', seal: 'Ảnh con dấu' };

export async function checkImageOffThread(bytes: Buffer, kind: ImageKind): Promise<CheckedImage> {
  checkHeader(bytes, kind);
  try {
    return await isolate.run<CheckedImage>(new URL('./check.ts', import.meta.url), 'checkImage', [bytes, kind], LIMITS);
  } catch (err) {
    throw refusalAsAppError(err, LABEL[kind]);
  }
}
