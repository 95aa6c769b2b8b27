/**
 * Which buttons a person sees, mirroring the server's checks in incoming/routing.ts. The server
 * decides in the end; this only spares people buttons that would be refused.
 */
import { hasRole } from '@/lib/auth';
import type { Session } from '@/types/api';
import type { Assignment, IncomingDocument, Routing } from '../api/types';
import type { AssignmentAction } from './assignment-action-modals';

const isLive = (a: Assignment) => a.state === 'open' || a.state === 'in_progress';
const isHead = (session: Session) => hasRole(session, 'agency_head', 'deputy_head');
const isUnitHeadOf = (session: Session, unitId: string | null) => hasRole(session, 'unit_head') && !!unitId && session.unit?.id === unitId;

/** The agency head always; a deputy for what was presented to them or what they directed. */
function leadsDocument(session: Session, routing: Routing): boolean {
  if (hasRole(session, 'agency_head')) return true;
  if (!hasRole(session, 'deputy_head')) return false;
  if (routing.state === 'presented') return routing.presentedTo === session.user.id;
  return routing.state === 'directed' && routing.directedBy === session.user.id;
}

/** The head of the live lead unit, or the person given the lead. */
function holdsLead(session: Session, routing: Routing): boolean {
  const lead = routing.assignments.find((a) => !a.parentId && a.role === 'lead' && isLive(a));
  if (!lead) return false;
  return lead.userId ? lead.userId === session.user.id : isUnitHeadOf(session, lead.unitId);
}

export function documentActions(session: Session, doc: IncomingDocument, routing: Routing | undefined) {
  // A recalled copy is frozen (Q-12.3c): its clerk confirms the recall, which also cancels the entry.
  const open = doc.status === 'registered' && !!routing && !doc.recall;
  const state = routing?.state;
  return {
    present: open && hasRole(session, 'clerk') && (state === 'registered' || state === 'presented'),
    cancel: doc.status === 'registered' && !doc.recall && hasRole(session, 'clerk'),
    direct: open && isHead(session) && state !== 'done' && leadsDocument(session, routing),
    giveBack: open && (state === 'presented' || state === 'directed') && (leadsDocument(session, routing) || (state === 'directed' && holdsLead(session, routing))),
  };
}

export function assignmentActions(session: Session, a: Assignment): AssignmentAction[] {
  if (!isLive(a)) return [];
  const me = session.user.id;
  const actions: AssignmentAction[] = [];
  // A unit's assignment is worked by its head: hand it to staff, or report and finish directly.
  const unitsTurn = !a.userId && isUnitHeadOf(session, a.unitId);
  const mine = a.userId === me || unitsTurn;
  if (unitsTurn && a.role !== 'inform') actions.push('assign');
  if (mine && a.role !== 'inform') actions.push('progress');
  if (mine && a.role !== 'inform') actions.push('extension');
  if (mine) actions.push('finish');
  if (a.parentId && (a.assignedBy === me || isUnitHeadOf(session, a.unitId))) actions.push('recall');
  if (a.role !== 'inform' && (a.assignedBy === me || hasRole(session, 'agency_head') || (a.parentId && isUnitHeadOf(session, a.unitId)))) actions.push('deadline');
  return actions;
}

export const ACTION_LABELS: Record<AssignmentAction, string> = {
  assign: 'Giao chuyên viên',
  progress: 'Báo cáo tiến độ',
  extension: 'Đề nghị gia hạn',
  finish: 'Hoàn thành',
  recall: 'Thu hồi',
  deadline: 'Gia hạn',
};
