/**
 * Live counts for the role cards. The dashboard is where features meet, so it reads the incoming
 * feature's queries directly: same cache, and refreshed by the same mutations.
 */
import { useLatestIncoming, useLateDocuments } from '@/features/incoming/api/incoming';
import { useMyTasks } from '@/features/incoming/api/routing';
import { hasRole } from '@/lib/auth';
import type { Session } from '@/types/api';

export interface Figure {
  value?: number;
  loading: boolean;
}

export const FIGURES = {
  numbersIssued: 'Số đến đã cấp năm nay',
  late: 'Văn bản đăng ký, trình muộn',
  awaitingDirection: 'Văn bản chờ chỉ đạo',
  unitToAssign: 'Văn bản chờ phân công',
  myOpen: 'Việc đang xử lý',
  myDue: 'Việc sắp đến hạn, quá hạn',
} as const;

export function useFigures(session: Session): Record<string, Figure> {
  const clerk = hasRole(session, 'clerk');
  const withTasks = hasRole(session, 'agency_head', 'deputy_head', 'unit_head', 'staff');
  const latest = useLatestIncoming(clerk);
  const late = useLateDocuments(undefined, clerk);
  const tasks = useMyTasks(withTasks);

  const assignments = tasks.data?.assignments ?? [];
  const mine = assignments.filter((a) => a.userId === session.user.id);
  const t = (value: number | undefined): Figure => ({ value: tasks.data ? value : undefined, loading: tasks.isPending });
  return {
    [FIGURES.numbersIssued]: { value: latest.data === undefined ? undefined : (latest.data?.arrivalNumber ?? 0), loading: latest.isPending },
    // null: the server has no lateness report yet, so the card keeps its dash.
    [FIGURES.late]: { value: late.data?.length, loading: late.isPending },
    [FIGURES.awaitingDirection]: t(tasks.data?.awaitingDirection.length),
    [FIGURES.unitToAssign]: t(assignments.filter((a) => !a.userId && a.unitId === session.unit?.id && a.state === 'open').length),
    [FIGURES.myOpen]: t(mine.length),
    [FIGURES.myDue]: t(mine.filter((a) => a.dueSoon || a.overdue).length),
  };
}
