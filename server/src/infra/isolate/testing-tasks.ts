/** Tasks for isolate.test.ts: a well-behaved one, a slow one, a greedy one and one that refuses. */
import { AppError } from '../../shared/errors.js';

export function echo(bytes: Buffer, extra: { inner: Buffer }): { isBuffer: boolean; length: number; inner: Buffer } {
  return { isBuffer: Buffer.isBuffer(bytes) && Buffer.isBuffer(extra.inner), length: bytes.length, inner: extra.inner };
}

export function spin(ms: number): number {
  const end = Date.now() + ms;
  let n = 0;
  while (Date.now() < end) n++;
  return n;
}

export function hog(): number {
  const kept: number[][] = [];
  for (;;) kept.push(Array.from({ length: 1_000_000 }, (_, i) => i));
}

export function refuse(): never {
  throw new AppError('VALIDATION_FAILED', 'Tệp không đọc được.', { reason: 'TEST' });
}
