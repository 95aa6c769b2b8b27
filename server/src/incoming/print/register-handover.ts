/**
 * Đơn vị hoặc người nhận and Ngày chuyển of the Sổ đăng ký văn bản đến (mẫu VI): whom the head's
 * direction handed the document to for handling (the live lead, then coordinating units or people)
 * and the day it was handed on. One query for the whole print run, whatever its length.
 */
import type { Db } from '../../infra/db/database.js';
import { legalDate } from '../../infra/time/legal-time.js';
import { incomingDb } from '../repository.js';
import { handlingRecipients, loadNames } from './form-names.js';
import type { RegisterHandOver, RegisterRange } from './register-rows.js';

/** Hand-overs of the year's entries within the number bounds, by document id; an entry not directed has none. */
export async function loadHandOvers(db: Db, agencyId: string, year: number, range: RegisterRange = {}): Promise<Map<string, RegisterHandOver>> {
  let q = incomingDb(db)
    .selectFrom('incoming_assignment as a')
    .innerJoin('incoming_document as d', 'd.id', 'a.document_id')
    .select(['a.document_id', 'a.unit_id', 'a.user_id', 'a.role', 'a.assigned_at'])
    .where('d.agency_id', '=', agencyId)
    .where('d.year', '=', year)
    .where('a.parent_id', 'is', null)
    .where('a.state', '<>', 'recalled')
    .where('a.role', 'in', ['lead', 'coordinate']);
  if (range.fromNumber !== undefined) q = q.where('d.arrival_number', '>=', range.fromNumber);
  if (range.toNumber !== undefined) q = q.where('d.arrival_number', '<=', range.toNumber);
  const rows = await q.orderBy('a.assigned_at').orderBy('a.id').execute();
  const names = await loadNames(db, agencyId, rows.flatMap((r) => (r.user_id ? [r.user_id] : [])));

  const byDocument = new Map<string, typeof rows>();
  for (const r of rows) byDocument.set(r.document_id, [...(byDocument.get(r.document_id) ?? []), r]);
  const handOvers = new Map<string, RegisterHandOver>();
  for (const [documentId, list] of byDocument) {
    const lead = list.find((a) => a.role === 'lead');
    if (!lead) continue;
    const target = (a: (typeof rows)[number]) => ({ unitId: a.unit_id, userId: a.user_id });
    const coordinating = list.filter((a) => a.role === 'coordinate').map(target);
    handOvers.set(documentId, { recipients: handlingRecipients(names, target(lead), coordinating), on: legalDate(lead.assigned_at) });
  }
  return handOvers;
}
