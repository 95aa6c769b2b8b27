import type { Transaction } from 'kysely';
import type { Ctx } from '../infra/context.js';
import { requireActor } from '../infra/context.js';
import { hasRole, type Actor } from '../infra/auth/actor.js';
import { inTransaction, type Db } from '../infra/db/database.js';
import { recordAudit, type AuditDetails } from '../infra/audit/audit.js';
import { publish } from '../infra/events.js';
import { legalDate } from '../infra/time/legal-time.js';
import { loadWorkingCalendar } from '../infra/time/calendar.js';
import { AppError, conflict, forbidden, notFound } from '../shared/errors.js';
import { nfc } from '../shared/text.js';
import { findUnit } from '../agencies/index.js';
import { findUserBrief } from '../users/index.js';
import { incomingDb } from './repository.js';
import { addEvent, loadRouting, presentAssignment, routingDb } from './routing-repository.js';
import { assigneesOf, noticeAboutDocument } from './routing-notices.js';
import type { Assignment, Direct, Routing, Target } from './routing-schemas.js';

/**
 * Routing and processing of an incoming document: the clerk presents it, the head gives
 * direction (one lead, coordinating and informed units or people, deadlines, a follow-up person),
 * unit heads hand it to staff, staff report and finish. Every step is an event on the timeline.
 */

type Step = { ctx: Ctx; trx: Transaction<{}>; actor: Actor; now: Date };

function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ field }]);
}

async function step<T>(ctx: Ctx, documentId: string, fn: (s: Step) => Promise<T>): Promise<T> {
  const actor = requireActor(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const doc = await incomingDb(trx).selectFrom('incoming_document').select(['agency_id', 'status', 'recalled_at', 'inbox_id']).where('id', '=', documentId).executeTakeFirst();
    if (!doc || doc.agency_id !== actor.agencyId) throw notFound('Văn bản đến');
    if (doc.status === 'cancelled') throw conflict('Văn bản đã bị hủy đăng ký.');
    if (doc.recalled_at) throw conflict('Văn bản đã bị cơ quan ban hành thu hồi; không xử lý tiếp.');
    const before = doc.inbox_id ? await routingRow(trx, documentId) : undefined;
    const result = await fn({ ctx: { ...ctx, db: trx }, trx, actor, now: ctx.clock.now() });
    if (doc.inbox_id && before) await reportProgressToSender(trx, doc.inbox_id, before.state, documentId, ctx.clock.now());
    return result;
  });
}

/** A delivered document's sender sees it being processed, then finished (Q-6.2c). */
async function reportProgressToSender(trx: Db, inboxId: string, before: string, documentId: string, at: Date) {
  const after = (await routingDb(trx).selectFrom('incoming_routing').select('state').where('document_id', '=', documentId).executeTakeFirstOrThrow()).state;
  if (after === before) return;
  const status = after === 'done' ? 'finished' : after === 'directed' ? 'processing' : null;
  if (!status) return;
  const origin = await incomingDb(trx).selectFrom('incoming_inbox').select(['channel', 'origin_ref']).where('id', '=', inboxId).executeTakeFirstOrThrow();
  await publish(trx, { type: 'delivery.status', channel: origin.channel, originRef: origin.origin_ref, status, at });
}

async function routingRow(trx: Db, documentId: string) {
  return routingDb(trx).selectFrom('incoming_routing').selectAll().where('document_id', '=', documentId).forUpdate().executeTakeFirstOrThrow();
}

async function record(s: Step, documentId: string, kind: string, details: AuditDetails = {}) {
  await addEvent(s.trx, documentId, s.actor.userId, s.now, kind, details);
  await recordAudit(s.ctx, { action: `incoming.${kind}`, objectType: 'incoming_document', objectId: documentId, details });
}

const isHead = (a: { roles: string[] }) => a.roles.includes('agency_head') || a.roles.includes('deputy_head');

/**
 * Who may give direction or send the document back on the agency's side: the agency head always
 * (answerable for every document, Q-10.2); a deputy only for what is in their hands — presented to
 * them and not yet directed, or directed by them. Checking the role alone let any deputy overrule
 * another's direction.
 */
function leadsDocument(actor: Actor, r: { state: string; presented_to: string | null; directed_by: string | null }): boolean {
  if (hasRole(actor, 'agency_head')) return true;
  if (!hasRole(actor, 'deputy_head')) return false;
  if (r.state === 'presented') return r.presented_to === actor.userId;
  return r.state === 'directed' && r.directed_by === actor.userId;
}

/** The clerk presents the document to the agency head or a deputy (Q-11.3a). */
export async function presentDocument(ctx: Ctx, documentId: string, toUserId: string): Promise<void> {
  await step(ctx, documentId, async (s) => {
    if (!hasRole(s.actor, 'clerk')) throw forbidden('Chỉ văn thư trình văn bản.');
    const head = await findUserBrief(s.trx, toUserId);
    if (!head || head.agencyId !== s.actor.agencyId || !head.active || !isHead(head)) throw invalid('toUserId', 'Chỉ trình văn bản cho lãnh đạo cơ quan của mình.');
    const r = await routingRow(s.trx, documentId);
    if (r.state !== 'registered' && r.state !== 'presented') throw conflict('Văn bản đã có ý kiến chỉ đạo.');
    await routingDb(s.trx).updateTable('incoming_routing').set({ presented_to: toUserId, presented_at: s.now, state: 'presented' }).where('document_id', '=', documentId).execute();
    await record(s, documentId, 'presented', { toUserId, toName: head.fullName });
    await noticeAboutDocument(s.trx, s.now, documentId, [toUserId], 'incoming.awaiting_direction', 'Chờ ý kiến chỉ đạo');
  });
}

/** Checks that a target is a unit or an active person of this agency; returns the unit and person. */
async function resolveTarget(s: Step, t: Target, field: string): Promise<{ unit_id: string | null; user_id: string | null }> {
  if (!!t.unitId === !!t.userId) throw invalid(field, 'Chọn một đơn vị hoặc một người.');
  if (t.unitId) {
    const unit = await findUnit(s.trx, t.unitId);
    if (!unit || unit.agencyId !== s.actor.agencyId || unit.disabled) throw invalid(field, 'Đơn vị không thuộc cơ quan.');
    return { unit_id: unit.id, user_id: null };
  }
  const user = await findUserBrief(s.trx, t.userId!);
  if (!user || user.agencyId !== s.actor.agencyId || !user.active) throw invalid(field, 'Người nhận không thuộc cơ quan.');
  return { unit_id: user.unitId, user_id: user.id };
}

/**
 * The head's direction (Q-11.3a–c): exactly one lead, coordinating and informed units or people,
 * a deadline overall and per target, comments, a follow-up person. Giving direction again
 * replaces the earlier one (its open assignments are recalled).
 */
export async function directDocument(ctx: Ctx, documentId: string, input: Direct): Promise<void> {
  await step(ctx, documentId, async (s) => {
    if (!hasRole(s.actor, 'agency_head', 'deputy_head')) throw forbidden('Chỉ lãnh đạo cơ quan cho ý kiến chỉ đạo.');
    const r = await routingRow(s.trx, documentId);
    if (r.state === 'done') throw conflict('Văn bản đã giải quyết xong.');
    if (!leadsDocument(s.actor, r)) throw forbidden('Văn bản không được trình cho đồng chí; chỉ người đứng đầu cơ quan hoặc lãnh đạo được trình cho ý kiến chỉ đạo.');
    const today = legalDate(s.now);
    const deadlines = [input.deadline, input.lead.deadline, ...(input.coordinating ?? []).map((c) => c.deadline)].filter(Boolean) as string[];
    if (deadlines.some((d) => d < today)) throw invalid('deadline', 'Thời hạn giải quyết không được trước ngày hôm nay.');
    if (input.followUpUserId) {
      const f = await findUserBrief(s.trx, input.followUpUserId);
      if (!f || f.agencyId !== s.actor.agencyId || !f.active) throw invalid('followUpUserId', 'Người theo dõi, đôn đốc không thuộc cơ quan.');
    }
    const targets = [
      { role: 'lead' as const, t: input.lead, field: 'lead' },
      ...(input.coordinating ?? []).map((t, i) => ({ role: 'coordinate' as const, t, field: `coordinating/${i}` })),
      ...(input.inform ?? []).map((t, i) => ({ role: 'inform' as const, t, field: `inform/${i}` })),
    ];
    const rows = [];
    const seen = new Set<string>();
    for (const { role, t, field } of targets) {
      const resolved = await resolveTarget(s, t, field);
      const key = resolved.user_id ?? resolved.unit_id!;
      if (seen.has(key)) throw invalid(field, 'Một đơn vị hoặc người được chọn hai lần.');
      seen.add(key);
      rows.push({ ...resolved, role, deadline: role === 'inform' ? null : (t.deadline ?? input.deadline ?? null) });
    }
    const q = routingDb(s.trx);
    const recalled = await q.updateTable('incoming_assignment').set({ state: 'recalled' }).where('document_id', '=', documentId).where('state', 'in', ['open', 'in_progress']).executeTakeFirst();
    await q
      .insertInto('incoming_assignment')
      .values(rows.map((row) => ({ ...row, document_id: documentId, agency_id: s.actor.agencyId, parent_id: null, state: 'open' as const, assigned_by: s.actor.userId, assigned_at: s.now, finished_at: null, result: null })))
      .execute();
    await q
      .updateTable('incoming_routing')
      .set({ directed_by: s.actor.userId, directed_at: s.now, comment: input.comment ? nfc(input.comment) : null, deadline: input.deadline ?? input.lead.deadline ?? null, follow_up_user_id: input.followUpUserId ?? null, state: 'directed' })
      .where('document_id', '=', documentId)
      .execute();
    await record(s, documentId, 'directed', { ...input, replaced: Number(recalled.numUpdatedRows) });
    for (const row of rows) {
      const what = row.role === 'lead' ? 'Được giao chủ trì' : row.role === 'coordinate' ? 'Được giao phối hợp' : 'Để biết';
      await noticeAboutDocument(s.trx, s.now, documentId, await assigneesOf(s.trx, row), `incoming.${row.role}`, what);
    }
    if (input.followUpUserId) await noticeAboutDocument(s.trx, s.now, documentId, [input.followUpUserId], 'incoming.follow_up', 'Theo dõi, đôn đốc');
  });
}

async function loadAssignment(s: Step, id: string) {
  const a = await routingDb(s.trx).selectFrom('incoming_assignment').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!a || a.agency_id !== s.actor.agencyId) throw notFound('Phân công');
  return a;
}

async function documentOf(ctx: Ctx, assignmentId: string): Promise<string> {
  const actor = requireActor(ctx);
  const a = await routingDb(ctx.db).selectFrom('incoming_assignment').select(['document_id', 'agency_id']).where('id', '=', assignmentId).executeTakeFirst();
  if (!a || a.agency_id !== actor.agencyId) throw notFound('Phân công');
  return a.document_id;
}

const isUnitHeadOf = (actor: Actor, unitId: string | null) => hasRole(actor, 'unit_head') && unitId !== null && actor.unitId === unitId;

/** The unit head hands a unit's assignment to one of the unit's staff (Q-11.3a). */
export async function assignStaff(ctx: Ctx, assignmentId: string, input: { userId: string; deadline?: string; note?: string }): Promise<void> {
  const documentId = await documentOf(ctx, assignmentId);
  await step(ctx, documentId, async (s) => {
    const parent = await loadAssignment(s, assignmentId);
    if (parent.user_id || !isUnitHeadOf(s.actor, parent.unit_id)) throw forbidden('Chỉ lãnh đạo đơn vị được giao phân công của đơn vị mình.');
    if (parent.state !== 'open' && parent.state !== 'in_progress') throw conflict('Phân công đã kết thúc.');
    const staff = await findUserBrief(s.trx, input.userId);
    if (!staff || staff.unitId !== parent.unit_id || !staff.active) throw invalid('userId', 'Người được giao phải thuộc đơn vị.');
    if (input.deadline && parent.deadline && input.deadline > parent.deadline) throw invalid('deadline', 'Thời hạn giao không được sau thời hạn của đơn vị.');
    const q = routingDb(s.trx);
    const handOn = await q
      .insertInto('incoming_assignment')
      .values({ document_id: documentId, agency_id: s.actor.agencyId, parent_id: parent.id, unit_id: parent.unit_id, user_id: staff.id, role: parent.role, deadline: input.deadline ?? parent.deadline, state: 'open', assigned_by: s.actor.userId, assigned_at: s.now, finished_at: null, result: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await q.updateTable('incoming_assignment').set({ state: 'in_progress' }).where('id', '=', parent.id).execute();
    await record(s, documentId, 'assigned', { assignmentId, handOnId: handOn.id, userId: staff.id, userName: staff.fullName, deadline: input.deadline ?? parent.deadline, note: input.note });
    await noticeAboutDocument(s.trx, s.now, documentId, [staff.id], 'incoming.assigned', 'Được giao xử lý');
  });
}

/** The person (or, for a unit's assignment, its head) working on it. */
function requireAssignee(actor: Actor, a: { user_id: string | null; unit_id: string | null }) {
  const mine = a.user_id ? a.user_id === actor.userId : isUnitHeadOf(actor, a.unit_id);
  if (!mine) throw forbidden('Bạn không phải người được phân công.');
}

export async function reportProgress(ctx: Ctx, assignmentId: string, note: string): Promise<void> {
  const documentId = await documentOf(ctx, assignmentId);
  await step(ctx, documentId, async (s) => {
    const a = await loadAssignment(s, assignmentId);
    requireAssignee(s.actor, a);
    if (a.state !== 'open' && a.state !== 'in_progress') throw conflict('Phân công đã kết thúc.');
    await routingDb(s.trx).updateTable('incoming_assignment').set({ state: 'in_progress' }).where('id', '=', a.id).execute();
    await record(s, documentId, 'progress', { assignmentId, note: nfc(note) });
  });
}

/**
 * Finishes an assignment with its result. A unit's assignment finishes when all its staff have;
 * the document is done when its lead is.
 */
export async function finishAssignment(ctx: Ctx, assignmentId: string, result: string): Promise<void> {
  const documentId = await documentOf(ctx, assignmentId);
  await step(ctx, documentId, async (s) => {
    const a = await loadAssignment(s, assignmentId);
    requireAssignee(s.actor, a);
    if (a.state !== 'open' && a.state !== 'in_progress') throw conflict('Phân công đã kết thúc.');
    const q = routingDb(s.trx);
    await q.updateTable('incoming_assignment').set({ state: 'done', finished_at: s.now, result: nfc(result) }).where('id', '=', a.id).execute();
    let top = a;
    if (a.parent_id) {
      const open = await q.selectFrom('incoming_assignment').select('id').where('parent_id', '=', a.parent_id).where('state', 'in', ['open', 'in_progress']).executeTakeFirst();
      if (!open) await q.updateTable('incoming_assignment').set({ state: 'done', finished_at: s.now, result: nfc(result) }).where('id', '=', a.parent_id).execute();
      top = open ? a : { ...a, parent_id: null };
    }
    if (top.role === 'lead' && !top.parent_id) {
      await q.updateTable('incoming_routing').set({ state: 'done' }).where('document_id', '=', documentId).execute();
    }
    await record(s, documentId, 'finished', { assignmentId, result: nfc(result), documentDone: top.role === 'lead' && !top.parent_id });
  });
}

/** The assigner takes back an assignment given to staff (with its reason); the unit's assignment reopens. */
export async function recallAssignment(ctx: Ctx, assignmentId: string, reason: string): Promise<void> {
  const documentId = await documentOf(ctx, assignmentId);
  await step(ctx, documentId, async (s) => {
    const a = await loadAssignment(s, assignmentId);
    if (!a.parent_id) throw conflict('Phân công của lãnh đạo cơ quan được thay đổi bằng ý kiến chỉ đạo mới.');
    if (a.assigned_by !== s.actor.userId && !isUnitHeadOf(s.actor, a.unit_id)) throw forbidden('Chỉ người giao việc được thu hồi.');
    if (a.state !== 'open' && a.state !== 'in_progress') throw conflict('Phân công đã kết thúc.');
    const q = routingDb(s.trx);
    await q.updateTable('incoming_assignment').set({ state: 'recalled' }).where('id', '=', a.id).execute();
    // With no one else of the unit still on it, the unit's assignment is open again, to be handed on anew.
    const others = await q.selectFrom('incoming_assignment').select('id').where('parent_id', '=', a.parent_id).where('state', 'in', ['open', 'in_progress']).executeTakeFirst();
    if (!others) await q.updateTable('incoming_assignment').set({ state: 'open' }).where('id', '=', a.parent_id).where('state', '=', 'in_progress').execute();
    await record(s, documentId, 'recalled', { assignmentId, reason: nfc(reason) });
  });
}

export async function requestExtension(ctx: Ctx, assignmentId: string, until: string, reason: string): Promise<void> {
  const documentId = await documentOf(ctx, assignmentId);
  await step(ctx, documentId, async (s) => {
    const a = await loadAssignment(s, assignmentId);
    requireAssignee(s.actor, a);
    if (a.state !== 'open' && a.state !== 'in_progress') throw conflict('Phân công đã kết thúc.');
    if (a.deadline && until <= a.deadline) throw invalid('until', 'Thời hạn đề nghị phải sau thời hạn hiện tại.');
    await record(s, documentId, 'extension_requested', { assignmentId, until, reason: nfc(reason), from: a.deadline });
    await noticeAboutDocument(s.trx, s.now, documentId, [a.assigned_by], 'incoming.extension_requested', `Đề nghị gia hạn đến ${until}`);
  });
}

/**
 * The one who assigned moves a deadline; also the agency head, and for a hand-on to staff the head
 * of its unit (as for a recall). A deputy who did not assign it may not.
 */
export async function extendDeadline(ctx: Ctx, assignmentId: string, until: string): Promise<void> {
  const documentId = await documentOf(ctx, assignmentId);
  await step(ctx, documentId, async (s) => {
    const a = await loadAssignment(s, assignmentId);
    const mayExtend = a.assigned_by === s.actor.userId || hasRole(s.actor, 'agency_head') || (a.parent_id !== null && isUnitHeadOf(s.actor, a.unit_id));
    if (!mayExtend) throw forbidden('Chỉ người giao việc được gia hạn.');
    if (a.state !== 'open' && a.state !== 'in_progress') throw conflict('Phân công đã kết thúc.');
    if (until < legalDate(s.now)) throw invalid('until', 'Thời hạn mới không được trước ngày hôm nay.');
    await routingDb(s.trx).updateTable('incoming_assignment').set({ deadline: until }).where('id', '=', a.id).execute();
    await record(s, documentId, 'deadline_extended', { assignmentId, from: a.deadline, until });
  });
}

/**
 * Whether the actor holds the document's live lead assignment: the head of the lead unit, or the
 * person given the lead. A coordinating unit may not: sending back would wipe the lead's direction.
 */
async function holdsLead(s: Step, documentId: string): Promise<boolean> {
  const lead = await routingDb(s.trx)
    .selectFrom('incoming_assignment')
    .select(['unit_id', 'user_id'])
    .where('document_id', '=', documentId)
    .where('parent_id', 'is', null)
    .where('role', '=', 'lead')
    .where('state', 'in', ['open', 'in_progress'])
    .executeTakeFirst();
  if (!lead) return false;
  return lead.user_id ? lead.user_id === s.actor.userId : isUnitHeadOf(s.actor, lead.unit_id);
}

/**
 * The document goes back to the clerk (wrong recipient, needs more papers…), which recalls the
 * direction: only the head it was presented to or who directed it (see leadsDocument), or the unit
 * or person it was handed to as lead.
 */
export async function returnToClerk(ctx: Ctx, documentId: string, reason: string): Promise<void> {
  await step(ctx, documentId, async (s) => {
    const r = await routingRow(s.trx, documentId);
    if (r.state === 'done') throw conflict('Văn bản đã giải quyết xong.');
    if (!leadsDocument(s.actor, r) && !(r.state === 'directed' && (await holdsLead(s, documentId)))) {
      throw forbidden('Chỉ lãnh đạo được trình văn bản hoặc đơn vị, người được giao chủ trì được trả lại văn thư.');
    }
    if (r.state === 'registered') throw conflict('Văn bản đang ở văn thư, chưa được trình.');
    const q = routingDb(s.trx);
    await q.updateTable('incoming_assignment').set({ state: 'recalled' }).where('document_id', '=', documentId).where('state', 'in', ['open', 'in_progress']).execute();
    await q.updateTable('incoming_routing').set({ state: 'registered', presented_to: null, presented_at: null }).where('document_id', '=', documentId).execute();
    await record(s, documentId, 'returned_to_clerk', { reason: nfc(reason) });
  });
}

export async function getRouting(ctx: Ctx, documentId: string): Promise<Routing> {
  const actor = requireActor(ctx);
  const doc = await incomingDb(ctx.db).selectFrom('incoming_document').select('agency_id').where('id', '=', documentId).executeTakeFirst();
  if (!doc || doc.agency_id !== actor.agencyId) throw notFound('Văn bản đến');
  const calendar = await loadWorkingCalendar(ctx.db);
  return (await loadRouting(ctx.db, documentId, legalDate(ctx.clock.now()), calendar))!;
}

export async function getTimeline(ctx: Ctx, documentId: string) {
  const actor = requireActor(ctx);
  const doc = await incomingDb(ctx.db).selectFrom('incoming_document').select('agency_id').where('id', '=', documentId).executeTakeFirst();
  if (!doc || doc.agency_id !== actor.agencyId) throw notFound('Văn bản đến');
  const rows = await routingDb(ctx.db).selectFrom('incoming_event').selectAll().where('document_id', '=', documentId).orderBy('id').execute();
  return rows.map((e) => ({ at: e.at.toISOString(), actorId: e.actor_id, kind: e.kind, details: e.details }));
}

/**
 * My open work: assignments to me, to my unit when I head it, and documents I follow up or that
 * were presented to me and wait for direction — each with its deadline flags (Q-11.3d).
 */
export async function myTasks(ctx: Ctx): Promise<{ assignments: Assignment[]; awaitingDirection: string[]; followUp: Assignment[] }> {
  const actor = requireActor(ctx);
  const q = routingDb(ctx.db);
  const calendar = await loadWorkingCalendar(ctx.db);
  const today = legalDate(ctx.clock.now());
  const rows = await q
    .selectFrom('incoming_assignment')
    .selectAll()
    .where('agency_id', '=', actor.agencyId)
    .where('state', 'in', ['open', 'in_progress'])
    .where((eb) => {
      const mine = [eb('user_id', '=', actor.userId)];
      if (hasRole(actor, 'unit_head') && actor.unitId) mine.push(eb.and([eb('unit_id', '=', actor.unitId), eb('user_id', 'is', null)]));
      return eb.or(mine);
    })
    .orderBy('deadline')
    .execute();
  const awaiting = await q.selectFrom('incoming_routing').select('document_id').where('presented_to', '=', actor.userId).where('state', '=', 'presented').execute();
  const followed = await q
    .selectFrom('incoming_assignment')
    .innerJoin('incoming_routing', 'incoming_routing.document_id', 'incoming_assignment.document_id')
    .selectAll('incoming_assignment')
    .where('incoming_routing.follow_up_user_id', '=', actor.userId)
    .where('incoming_assignment.state', 'in', ['open', 'in_progress'])
    .where('incoming_assignment.role', '<>', 'inform')
    .execute();
  return {
    assignments: rows.map((r) => presentAssignment(r, today, calendar)),
    awaitingDirection: awaiting.map((a) => a.document_id),
    followUp: followed.map((r) => presentAssignment(r, today, calendar)).filter((a) => a.dueSoon || a.overdue),
  };
}
