import { sql } from 'kysely';
import type { Db } from '../infra/db/database.js';
import type { DeliveryCounts, OutgoingListItem } from './delivery-schemas.js';
import { outgoingDb, presentSummary } from './repository.js';
import type { ListOutgoingQuery } from './schemas.js';
import type { OutgoingState, RecipientStatus } from './tables.js';

/**
 * The outgoing lists (the drafter's, the unit head's, the signer's, the clerk's queues) and the
 * delivery status board (Q-12.3c): each row carries its recipients counted by status. The counts
 * come from a lateral subquery over the document's own recipients (index on document_id), in the
 * same statement as the page, so a page of 500 rows is one query and the filter pages correctly.
 */

/** Which statuses each count gathers; together they cover every status once, so the counts add up to total. */
const COUNTED: Record<Exclude<keyof DeliveryCounts, 'total'>, RecipientStatus[]> = {
  waiting: ['waiting_exchange', 'sent'],
  delivered: ['delivered'],
  received: ['received'],
  returned: ['returned'],
  processing: ['processing'],
  finished: ['finished'],
  recalled: ['recalled', 'recall_confirmed'],
};

const countOf = (statuses: RecipientStatus[]) => sql<number>`cast(count(*) filter (where r.status in (${sql.join(statuses)})) as int)`;

/** The board's filters, on the counts: pending and returned may both hold; done excludes both. */
const DELIVERY_FILTERS = {
  pending: sql<boolean>`d.waiting + d.delivered > 0`,
  returned: sql<boolean>`d.returned > 0`,
  done: sql<boolean>`d.total > 0 and d.waiting + d.delivered + d.returned = 0`,
};

export async function listDocuments(db: Db, agencyId: string, viewer: { userId: string; unitId: string | null }, query: ListOutgoingQuery): Promise<OutgoingListItem[]> {
  let q = outgoingDb(db)
    .selectFrom('outgoing_document as o')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('outgoing_recipient as r')
          .whereRef('r.document_id', '=', 'o.id')
          .select([
            sql<number>`cast(count(*) as int)`.as('total'),
            ...Object.entries(COUNTED).map(([name, statuses]) => countOf(statuses).as(name as keyof typeof COUNTED)),
          ])
          .as('d'),
      (join) => join.onTrue(),
    )
    .selectAll('o')
    .select(['d.total', 'd.waiting', 'd.delivered', 'd.received', 'd.returned', 'd.processing', 'd.finished', 'd.recalled'])
    .where('o.agency_id', '=', agencyId);
  switch (query.queue) {
    case 'mine':
      q = q.where('o.drafter_id', '=', viewer.userId);
      break;
    case 'approve':
      q = q.where('o.state', '=', 'submitted').where('o.drafting_unit_id', '=', viewer.unitId ?? '00000000-0000-0000-0000-000000000000');
      break;
    case 'sign':
      q = q.where('o.state', '=', 'approved').where('o.signer_id', '=', viewer.userId);
      break;
    case 'issue':
      q = q.where('o.state', 'in', ['signed', 'numbered']);
      break;
    case 'issued':
      q = q.where('o.state', 'in', ['issued', 'recalled']);
      break;
  }
  if (query.state) q = q.where('o.state', '=', query.state as OutgoingState);
  if (query.year) q = q.where('o.year', '=', query.year);
  if (query.q?.trim()) q = q.where(sql<boolean>`o.search @@ plainto_tsquery('vn', ${query.q.trim()})`);
  // A draft's recipients are only planned: the board speaks of documents that went out.
  if (query.delivery) q = q.where('o.state', 'in', ['issued', 'recalled']).where(DELIVERY_FILTERS[query.delivery]);
  const rows = await q
    .orderBy('o.urgency', 'desc')
    .orderBy('o.updated_at', 'desc')
    .limit(query.limit ?? 50)
    .offset(query.offset ?? 0)
    .execute();
  // An aggregate without GROUP BY always gives a row, so the counts are never null; the join's type says they may be.
  const n = (value: number | null) => value ?? 0;
  return rows.map((row) => ({
    ...presentSummary(row),
    delivery: { total: n(row.total), waiting: n(row.waiting), delivered: n(row.delivered), received: n(row.received), returned: n(row.returned), processing: n(row.processing), finished: n(row.finished), recalled: n(row.recalled) },
  }));
}
