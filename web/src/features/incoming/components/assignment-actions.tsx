import { useState, type ComponentType } from 'react';
import { Button, Space } from 'antd';
import { useCurrentSession } from '@/lib/auth';
import type { Assignment } from '../api/types';
import { ExtensionModal, FinishModal, ProgressModal, RecallModal, type AssignmentAction } from './assignment-action-modals';
import { AssignModal } from './assign-modal';
import { DeadlineModal } from './deadline-modal';
import { ACTION_LABELS, assignmentActions } from './permissions';

const MODALS: Record<AssignmentAction, ComponentType<{ assignment: Assignment; onDone: () => void }>> = {
  assign: AssignModal,
  progress: ProgressModal,
  extension: ExtensionModal,
  finish: FinishModal,
  recall: RecallModal,
  deadline: DeadlineModal,
};

/** The steps the current person may take on one assignment, each opening its dialog. */
export function AssignmentActions({ assignment }: { assignment: Assignment }) {
  const session = useCurrentSession();
  const [open, setOpen] = useState<AssignmentAction>();
  const actions = assignmentActions(session, assignment);
  if (actions.length === 0) return null;
  const Modal = open ? MODALS[open] : undefined;

  return (
    <>
      <Space size={0} wrap>
        {actions.map((action) => (
          <Button key={action} type="link" size="small" danger={action === 'recall'} onClick={() => setOpen(action)}>
            {ACTION_LABELS[action]}
          </Button>
        ))}
      </Space>
      {Modal && <Modal assignment={assignment} onDone={() => setOpen(undefined)} />}
    </>
  );
}
