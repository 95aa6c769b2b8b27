import { PDFDocument } from '@cantoo/pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { longestStall, manyPagesPdf, STALL_LIMIT_MS } from '../../test/harness/load.js';
import { isolate } from '../infra/isolate/index.js';
import type { CopyBlock } from './copy-block.js';

const MODULE = new URL('./printed-pdf.ts', import.meta.url);
const block: CopyBlock = { form: 'SAO Y', agencyName: 'Sở Nội vụ', numberAndNotation: '01/SY-SNV', placeDate: 'Thái Nguyên, ngày 05 tháng 5 năm 2026', authority: null, position: 'Giám đốc', signerName: 'Nguyễn Văn A', toPlaces: ['- Lưu: VT.'] };

describe('the PDF of a printed copy is made off the event loop (issue 11, item 10)', () => {
  let big: Buffer;
  beforeAll(async () => {
    big = await manyPagesPdf(2000);
    await isolate.run(MODULE, 'makePrintedCopyPdf', [await manyPagesPdf(1), null, block]); // a warm worker
  });

  it('[Q-11.2c] a sao y of a 2,000-page document never stalls the event loop for 100 ms', async () => {
    const { value, stall } = await longestStall(isolate.run<Buffer>(MODULE, 'makePrintedCopyPdf', [big, null, block], { timeoutMs: 120_000, heapMb: 1024 }));
    expect(stall).toBeLessThan(STALL_LIMIT_MS);
    expect((await PDFDocument.load(value)).getPageCount()).toBeGreaterThanOrEqual(2000);
  });

  it('[Q-11.2c] a page range beyond the document is refused with its field, as before', async () => {
    const err = (await isolate.run(MODULE, 'makePrintedCopyPdf', [await manyPagesPdf(2), { from: 1, to: 5 }, block]).catch((e: unknown) => e)) as { code: string; details: unknown };
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details).toEqual([{ field: 'pages' }]);
  });
});
