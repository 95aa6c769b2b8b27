import type { Ctx } from '../infra/context.js';
import { requireActor } from '../infra/context.js';
import { inTransaction } from '../infra/db/database.js';
import { recordAudit } from '../infra/audit/audit.js';
import { legalYear } from '../infra/time/legal-time.js';
import { notFound } from '../shared/errors.js';
import { loadCorrectionLinks } from './correction-links.js';
import type { OutgoingListItem } from './delivery-schemas.js';
import { listDocuments } from './list.js';
import { findDocument, loadDetail } from './repository.js';
import type { ListOutgoingQuery, OutgoingDetail } from './schemas.js';

/** One document of the actor's agency with its versions, recipients, comments, timeline and corrections; the read is logged. */
export async function readOutgoing(ctx: Ctx, id: string): Promise<OutgoingDetail> {
  const actor = requireActor(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const row = await findDocument(trx, id);
    if (!row || row.agency_id !== actor.agencyId) throw notFound('Văn bản đi');
    await recordAudit({ ...ctx, db: trx }, { action: 'outgoing.read', objectType: 'outgoing_document', objectId: id });
    return { ...(await loadDetail(trx, row)), ...(await loadCorrectionLinks(trx, row)) };
  });
}

export async function searchOutgoing(ctx: Ctx, query: ListOutgoingQuery): Promise<OutgoingListItem[]> {
  const actor = requireActor(ctx);
  const year = query.queue === 'issued' ? (query.year ?? legalYear(ctx.clock.now())) : query.year;
  return listDocuments(ctx.db, actor.agencyId, actor, { ...query, year });
}
