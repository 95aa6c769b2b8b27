import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/audit.js';
import { withTx } from '../http/request-context.js';
import type { PrintedFile } from './printed-file.js';

/**
 * Records the print in the audit log in a short transaction of its own, once the file is built,
 * then sends it as a download that no cache keeps.
 */
export async function sendPrinted(request: FastifyRequest, reply: FastifyReply, file: PrintedFile) {
  await withTx(request, (ctx) => recordAudit(ctx, file.audit));
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}
