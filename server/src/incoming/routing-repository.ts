import { sql, type Selectable } from 'kysely';
import type { Db } from '../infra/db/database.js';
import type { WorkingCalendar } from '../infra/time/working-days.js';
import type { RoutingTables } from './tables.js';
import type { Assignment, Routing } from './routing-schemas.js';

export const routingDb = (db: Db) => db.withTables<RoutingTables>();

type AssignmentRow = Selectable<RoutingTables['incoming_assignment']>;

/** Due soon: the deadline is within two working days of today; overdue: today is past it. */
export function deadlineFlags(deadline: string | null, today: string, calendar: WorkingCalendar, live: boolean) {
  if (!deadline || !live) return { dueSoon: false, overdue: false };
  if (today > deadline) return { dueSoon: false, overdue: true };
  return { dueSoon: calendar.addWorkingDays(today, 2) >= deadline, overdue: false };
}

export function presentAssignment(row: AssignmentRow, today: string, calendar: WorkingCalendar): Assignment {
  const live = row.state === 'open' || row.state === 'in_progress';
  return {
    id: row.id,
    documentId: row.document_id,
    parentId: row.parent_id,
    unitId: row.unit_id,
    userId: row.user_id,
    role: row.role,
    deadline: row.deadline,
    state: row.state,
    assignedBy: row.assigned_by,
    assignedAt: row.assigned_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    result: row.result,
    ...deadlineFlags(row.deadline, today, calendar, live && row.role !== 'inform'),
  };
}

export async function loadRouting(db: Db, documentId: string, today: string, calendar: WorkingCalendar): Promise<Routing | undefined> {
  const q = routingDb(db);
  const r = await q.selectFrom('incoming_routing').selectAll().where('document_id', '=', documentId).executeTakeFirst();
  if (!r) return undefined;
  const rows = await q.selectFrom('incoming_assignment').selectAll().where('document_id', '=', documentId).orderBy('assigned_at').orderBy(sql`case role when 'lead' then 0 when 'coordinate' then 1 else 2 end`).orderBy('id').execute();
  return {
    documentId,
    state: r.state,
    presentedTo: r.presented_to,
    presentedAt: r.presented_at?.toISOString() ?? null,
    directedBy: r.directed_by,
    directedAt: r.directed_at?.toISOString() ?? null,
    comment: r.comment,
    deadline: r.deadline,
    followUpUserId: r.follow_up_user_id,
    assignments: rows.map((a) => presentAssignment(a, today, calendar)),
  };
}

export async function addEvent(db: Db, documentId: string, actorId: string, at: Date, kind: string, details: Record<string, unknown> = {}): Promise<void> {
  await routingDb(db).insertInto('incoming_event').values({ document_id: documentId, actor_id: actorId, at, kind, details: JSON.stringify(details) }).execute();
}
