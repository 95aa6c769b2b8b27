/**
 * Which buttons a person sees, mirroring the server's checks in outgoing/drafts.ts, issuing.ts and
 * delivery.ts. The server decides in the end; this only spares people buttons that would be refused.
 */
import { hasRole } from '@/lib/auth';
import type { Session } from '@/types/api';
import type { OutgoingSummary } from '../api/types';

const EDITABLE = new Set(['draft', 'submitted', 'returned', 'approved']);

export const canDraft = (session: Session) => hasRole(session, 'staff', 'unit_head', 'clerk', 'deputy_head', 'agency_head');

const isApprover = (session: Session, doc: OutgoingSummary) =>
  (hasRole(session, 'unit_head') && session.unit?.id === doc.draftingUnitId) || hasRole(session, 'agency_head', 'deputy_head');

export function outgoingActions(session: Session, doc: OutgoingSummary) {
  const me = session.user.id;
  const clerk = hasRole(session, 'clerk');
  return {
    newVersion: EDITABLE.has(doc.state) && (doc.drafterId === me || (hasRole(session, 'unit_head') && session.unit?.id === doc.draftingUnitId)),
    submit: (doc.state === 'draft' || doc.state === 'returned') && doc.drafterId === me,
    approve: doc.state === 'submitted' && isApprover(session, doc),
    giveBack: (doc.state === 'submitted' && isApprover(session, doc)) || (doc.state === 'approved' && (doc.signerId === me || isApprover(session, doc))),
    sign: doc.state === 'approved' && doc.signerId === me,
    number: clerk && doc.state === 'signed',
    // Q-12.2b: an approved draft may instead be signed on paper, numbered here, and its scan sealed.
    paperNumber: clerk && doc.state === 'approved',
    paperScan: clerk && doc.state === 'numbered' && doc.issuePath === 'paper',
    seal: clerk && doc.state === 'numbered' && (doc.issuePath !== 'paper' || !!doc.paperScanFileId),
    printOriginal: clerk && doc.state === 'issued' && doc.issuePath !== 'paper',
    recall: doc.state === 'issued' && hasRole(session, 'clerk', 'agency_head'),
  };
}

export type OutgoingActionKey = keyof ReturnType<typeof outgoingActions>;
