/**
 * Who sees the handling report and of what: the agency's leaders, its clerks and the inspector see
 * the whole agency; a unit head sees their own unit only. Always the actor's own agency.
 */
import type { Ctx } from '../../infra/context.js';
import { requireActor } from '../../infra/context.js';
import { hasRole, type Actor } from '../../infra/auth/actor.js';
import { addDays, legalDate, startOfLegalDay } from '../../infra/time/legal-time.js';
import { AppError, forbidden } from '../../shared/errors.js';
import { listUnits } from '../../agencies/index.js';
import { incomingDb } from '../repository.js';
import { agencyNames, loadNames } from './form-names.js';
import { tallyHandling, type HandlingTally, type ReportAssignment } from './handling-report.js';

export interface HandlingReportQuery {
  fromDate: string;
  toDate: string;
}

export interface HandlingReport extends HandlingTally {
  agencyName: string;
  parentAgencyName: string | null;
  /** The unit a unit head's report is limited to; null for the whole agency. */
  unitId: string | null;
  unitName: string | null;
  fromDate: string;
  toDate: string;
  /** The day the standing is judged on: the period's end, or today while the period is running. */
  asOf: string;
}

/** The unit the actor's report is limited to; null for the whole agency. */
function reportScope(actor: Actor): string | null {
  if (hasRole(actor, 'agency_head', 'deputy_head', 'clerk', 'inspector')) return null;
  if (hasRole(actor, 'unit_head') && actor.unitId) return actor.unitId;
  throw forbidden('Chỉ lãnh đạo cơ quan, văn thư, lãnh đạo đơn vị và thanh tra được xem báo cáo tình hình giải quyết văn bản đến.');
}

/** Lead assignments received in the period, not recalled, of documents still registered. */
async function loadLeadAssignments(ctx: Ctx, agencyId: string, unitId: string | null, query: HandlingReportQuery): Promise<ReportAssignment[]> {
  let q = incomingDb(ctx.db)
    .selectFrom('incoming_assignment as a')
    .innerJoin('incoming_document as d', 'd.id', 'a.document_id')
    .select(['a.parent_id', 'a.unit_id', 'a.user_id', 'a.deadline', 'a.state', 'a.finished_at'])
    .where('a.agency_id', '=', agencyId)
    .where('d.status', '=', 'registered')
    .where('a.role', '=', 'lead')
    .where('a.state', '<>', 'recalled')
    .where('a.assigned_at', '>=', startOfLegalDay(query.fromDate))
    .where('a.assigned_at', '<', startOfLegalDay(addDays(query.toDate, 1)));
  if (unitId) q = q.where('a.unit_id', '=', unitId);
  const rows = await q.execute();
  return rows.map((r) => ({ parentId: r.parent_id, unitId: r.unit_id, userId: r.user_id, deadline: r.deadline, state: r.state, finishedAt: r.finished_at }));
}

export async function handlingReport(ctx: Ctx, query: HandlingReportQuery): Promise<HandlingReport> {
  const actor = requireActor(ctx);
  const unitId = reportScope(actor);
  if (query.fromDate > query.toDate) throw new AppError('VALIDATION_FAILED', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.', [{ field: 'fromDate' }]);
  const today = legalDate(ctx.clock.now());
  const asOf = query.toDate < today ? query.toDate : today;

  const agency = await agencyNames(ctx.db, actor.agencyId);
  const assignments = await loadLeadAssignments(ctx, agency.id, unitId, query);
  // Sorted here rather than by the database, whose collation differs between engines.
  const units = (await listUnits(ctx.db, agency.id)).filter((u) => !unitId || u.id === unitId).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const names = await loadNames(ctx.db, agency.id, assignments.flatMap((a) => (a.userId ? [a.userId] : [])));
  return {
    agencyName: agency.name,
    parentAgencyName: agency.parentName,
    unitId,
    unitName: unitId ? (names.units.get(unitId) ?? null) : null,
    fromDate: query.fromDate,
    toDate: query.toDate,
    asOf,
    ...tallyHandling(assignments, asOf, units, names),
  };
}
