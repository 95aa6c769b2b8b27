import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Ctx } from '../infra/context.js';
import { requireActor } from '../infra/context.js';
import { hasRole } from '../infra/auth/actor.js';
import { FONT_FILES, resolveFontDir } from '../infra/fonts.js';
import { forbidden } from '../shared/errors.js';
import type { PageBox } from '../signing/index.js';
import type { DocumentRow } from './repository.js';

/** What signing, numbering, sealing and the paper path share. */

export const OBJECT_TYPE = 'outgoing_document';
export const APPENDIX_OBJECT_TYPE = 'outgoing_appendix';
export const SIGNER_FIELD = 'NguoiKy';

/** The signing agent's answer: one value, or one per item of a batch in the order of the request. */
export interface SignatureAnswer {
  sessionId: string;
  signature?: string;
  signatures?: string[];
  certificateChain?: string[];
}

/** What the person preparing a signature sends: the certificate and, if the page had no place found, a box (Q-8.2a). */
export interface SignatureStart {
  certificateId: string;
  box?: PageBox;
}

export function requireClerk(ctx: Ctx) {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'clerk')) throw forbidden('Chỉ văn thư cơ quan cấp số và phát hành văn bản (Q-6.2a).');
  return actor;
}

export async function readFile(ctx: Ctx, fileId: string): Promise<Buffer> {
  return ctx.files.readAll(await ctx.files.get(ctx, fileId));
}

export async function storePdf(ctx: Ctx, pdf: Buffer, name: string) {
  return ctx.files.store(ctx, { source: Readable.from([pdf]), originalName: name });
}

/** ASCII file names: "QĐ-12-phat-hanh.pdf" → "QD-12-phat-hanh.pdf". */
export function fileName(row: Pick<DocumentRow, 'type_code' | 'number'>, step: string) {
  return `${row.type_code}-${row.number ?? 'du-thao'}-${step}.pdf`.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/\s+/g, '-');
}

/** The regular face of the agency's font folder, for the text-only stamps (Q-8.2b–c). */
export function stampFontPath(fontDir?: string): string {
  return join(resolveFontDir(fontDir), FONT_FILES.normal);
}
