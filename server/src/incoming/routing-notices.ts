import type { WorkingCalendar } from '../infra/time/working-days.js';
import type { Db } from '../infra/db/database.js';
import { notify } from '../notifications/index.js';
import { listUnitHeads } from '../users/index.js';
import { incomingDb } from './repository.js';

/** Who receives the work of an assignment: the person, or the heads of the unit. */
export async function assigneesOf(db: Db, a: { user_id: string | null; unit_id: string | null }): Promise<string[]> {
  if (a.user_id) return [a.user_id];
  return a.unit_id ? (await listUnitHeads(db, a.unit_id)).map((u) => u.id) : [];
}

/** Sends an in-app notice about a document, titled with its số đến and summary; urgent documents first. */
export async function noticeAboutDocument(db: Db, at: Date, documentId: string, userIds: string[], kind: string, what: string, dedupeKey?: string): Promise<void> {
  const doc = await incomingDb(db).selectFrom('incoming_document').select(['agency_id', 'arrival_number', 'subject', 'urgency']).where('id', '=', documentId).executeTakeFirstOrThrow();
  const subject = doc.subject.length > 120 ? `${doc.subject.slice(0, 117)}…` : doc.subject;
  await notify(db, at, {
    userIds,
    agencyId: doc.agency_id,
    kind,
    title: `${what}: văn bản đến số ${doc.arrival_number} — ${subject}`,
    link: `/van-ban-den/${documentId}`,
    urgent: doc.urgency >= 1,
    dedupeKey,
  });
}

/**
 * Deadline reminders (Q-11.3d): once per assignment when its deadline comes within two working days,
 * and once when it passes, to the people working on it, the head of the unit answerable for it and
 * the follow-up person. Run periodically.
 */
export async function sendDeadlineReminders(db: Db, at: Date, today: string, calendar: WorkingCalendar): Promise<number> {
  const soonLimit = calendar.addWorkingDays(today, 2);
  const rows = await incomingDb(db)
    .selectFrom('incoming_assignment as a')
    .innerJoin('incoming_routing as r', 'r.document_id', 'a.document_id')
    .select(['a.id', 'a.parent_id', 'a.document_id', 'a.user_id', 'a.unit_id', 'a.deadline', 'r.follow_up_user_id'])
    .where('a.state', 'in', ['open', 'in_progress'])
    .where('a.role', '<>', 'inform')
    .where('a.deadline', 'is not', null)
    .where('a.deadline', '<=', soonLimit)
    .execute();
  for (const a of rows) {
    const overdue = a.deadline! < today;
    const state = overdue ? 'overdue' : 'soon';
    const kind = overdue ? 'incoming.overdue' : 'incoming.due_soon';
    const what = overdue ? `Quá hạn giải quyết (${a.deadline})` : `Sắp đến hạn giải quyết (${a.deadline})`;
    // Keys name the deadline: an extended deadline is reminded again.
    await noticeAboutDocument(db, at, a.document_id, await assigneesOf(db, a), kind, what, `deadline:${a.id}:${a.deadline}:${state}`);
    // Staff handed the work by their unit head: the head hears too, once per unit assignment and
    // deadline (the key of the unit's own reminder when the two deadlines are the same day).
    if (a.parent_id && a.unit_id) {
      const heads = (await assigneesOf(db, { user_id: null, unit_id: a.unit_id })).filter((id) => id !== a.user_id);
      if (heads.length) await noticeAboutDocument(db, at, a.document_id, heads, kind, what, `deadline:${a.parent_id}:${a.deadline}:${state}`);
    }
    // The follow-up person hears once per document, not once per unit and person working on it.
    if (a.follow_up_user_id) await noticeAboutDocument(db, at, a.document_id, [a.follow_up_user_id], kind, what, `deadline:${a.document_id}:${state}`);
  }
  return rows.length;
}
