import { useFinishAssignment, useRecallAssignment, useReportProgress, useRequestExtension } from '../api/routing';
import type { Assignment } from '../api/types';
import { formatDate, toIsoDate } from './format';
import { TextActionModal } from './text-action-modal';
import { useDone } from './use-done';

export type AssignmentAction = 'assign' | 'progress' | 'finish' | 'recall' | 'extension' | 'deadline';

interface Props {
  assignment: Assignment;
  onDone: () => void;
}

const currentDeadline = (a: Assignment) => (a.deadline ? `Hạn hiện tại: ${formatDate(a.deadline)}.` : 'Hiện chưa có hạn.');

export function ProgressModal({ assignment, onDone }: Props) {
  const report = useReportProgress();
  const done = useDone(onDone);
  return (
    <TextActionModal
      title="Báo cáo tiến độ"
      label="Nội dung đã thực hiện"
      min={1}
      max={2000}
      submitText="Gửi báo cáo"
      pending={report.isPending}
      error={report.error}
      onSubmit={(note) => report.mutate({ id: assignment.id, note }, { onSuccess: done('Đã ghi nhận tiến độ.') })}
      onCancel={onDone}
    />
  );
}

export function FinishModal({ assignment, onDone }: Props) {
  const finish = useFinishAssignment();
  const done = useDone(onDone);
  return (
    <TextActionModal
      title="Hoàn thành xử lý"
      label="Kết quả giải quyết"
      min={1}
      max={2000}
      submitText="Hoàn thành"
      extra="Ví dụ: đã tham mưu văn bản trả lời số 45/SNV-VTLT ngày 20/11."
      pending={finish.isPending}
      error={finish.error}
      onSubmit={(result) => finish.mutate({ id: assignment.id, result }, { onSuccess: done('Đã hoàn thành.') })}
      onCancel={onDone}
    />
  );
}

export function RecallModal({ assignment, onDone }: Props) {
  const recall = useRecallAssignment();
  const done = useDone(onDone);
  return (
    <TextActionModal
      title="Thu hồi phân công"
      label="Lý do thu hồi"
      min={3}
      max={1000}
      submitText="Thu hồi"
      pending={recall.isPending}
      error={recall.error}
      onSubmit={(reason) => recall.mutate({ id: assignment.id, reason }, { onSuccess: done('Đã thu hồi phân công.') })}
      onCancel={onDone}
    />
  );
}

export function ExtensionModal({ assignment, onDone }: Props) {
  const ask = useRequestExtension();
  const done = useDone(onDone);
  return (
    <TextActionModal
      title="Đề nghị gia hạn"
      dateLabel="Đề nghị gia hạn đến ngày"
      label="Lý do"
      min={3}
      max={1000}
      submitText="Gửi đề nghị"
      extra={`${currentDeadline(assignment)} Người giao việc sẽ xem xét gia hạn.`}
      pending={ask.isPending}
      error={ask.error}
      onSubmit={(reason, until) =>
        ask.mutate({ id: assignment.id, until: toIsoDate(until)!, reason }, { onSuccess: done('Đã gửi đề nghị gia hạn.') })
      }
      onCancel={onDone}
    />
  );
}
