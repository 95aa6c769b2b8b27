import type { Ctx } from '../infra/context.js';
import { requireActor } from '../infra/context.js';
import { hasRole, type Actor } from '../infra/auth/actor.js';
import { assertTransaction } from '../infra/db/database.js';
import { AppError, conflict, forbidden, notFound } from '../shared/errors.js';
import { findDocument, type DocumentRow } from './repository.js';

/** Who may touch a document at which step, shared by drafting, approval and issuing (Q-10.1, Q-12.2a). */

const EDITABLE = new Set(['draft', 'submitted', 'returned', 'approved']);

export const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ field }]);

export function requireDrafter(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'staff', 'unit_head', 'clerk', 'deputy_head', 'agency_head')) throw forbidden('Bạn không có quyền soạn thảo văn bản đi.');
  return actor;
}

/** A document of the actor's agency, locked for the change; another agency's answers as missing. */
export async function loadForChange(ctx: Ctx, id: string): Promise<DocumentRow> {
  assertTransaction(ctx.db);
  const actor = requireActor(ctx);
  const row = await findDocument(ctx.db, id, true);
  if (!row || row.agency_id !== actor.agencyId) throw notFound('Văn bản đi');
  return row;
}

/** Until it is signed, the drafter or the head of the drafting unit may change a draft. */
export function requireEditor(actor: Actor, row: DocumentRow) {
  if (!EDITABLE.has(row.state)) throw conflict('Văn bản đã ký số; bản đã ký không được sửa. Sửa đổi phải ban hành văn bản mới.');
  if (row.drafter_id !== actor.userId && !(actor.unitId === row.drafting_unit_id && hasRole(actor, 'unit_head'))) throw forbidden('Chỉ người soạn thảo hoặc lãnh đạo đơn vị soạn thảo sửa dự thảo.');
}

/** Any change after approval sends the draft back for approval (Q-12.2a). */
export function backToDraft(row: DocumentRow) {
  return row.state === 'approved' || row.state === 'submitted' ? { state: 'draft' as const, approved_version: null, approved_by: null, approved_at: null } : {};
}
