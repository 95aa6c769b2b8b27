/**
 * Printing the Phiếu giải quyết văn bản đến of one document (Q-11.3đ). Anyone of the agency may:
 * the slip travels with the paper to everyone who handles it. Another agency's document answers
 * as missing. The audit entry is returned for the caller to record once the file is built.
 */
import type { Ctx } from '../../infra/context.js';
import { requireActor } from '../../infra/context.js';
import type { PrintOptions, PrintedFile } from '../../infra/print/printed-file.js';
import { printedNumber } from '../../infra/print/register-cover.js';
import { loadSlip } from './slip-data.js';
import { buildSlipPdf } from './slip-pdf.js';

export async function printSlip(ctx: Ctx, documentId: string, options: Pick<PrintOptions, 'fontDir'> = {}): Promise<PrintedFile> {
  const actor = requireActor(ctx);
  const slip = await loadSlip(ctx.db, actor.agencyId, documentId);
  return {
    body: await buildSlipPdf(slip, { fontDir: options.fontDir }),
    filename: `phieu-giai-quyet-van-ban-den-so-${printedNumber(slip.arrivalNumber)}-${slip.year}.pdf`,
    contentType: 'application/pdf',
    audit: {
      action: 'incoming.slip_printed',
      objectType: 'incoming_document',
      objectId: documentId,
      agencyId: actor.agencyId,
      details: { year: slip.year, arrivalNumber: slip.arrivalNumber },
    },
  };
}
