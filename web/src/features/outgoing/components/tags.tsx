import { Tag } from 'antd';
import { URGENCY_COLORS } from '@/features/incoming/components/labels';
import { STATE_COLORS, urgencyLabel } from './labels';

export function OutgoingStateTag({ state, label }: { state: string; label: string }) {
  return (
    <Tag color={STATE_COLORS[state]} data-testid="outgoing-state">
      {label}
    </Tag>
  );
}

/** Ordinary documents get a plain tag so urgent ones stand out by colour. */
export function OutgoingUrgencyTag({ urgency }: { urgency: number }) {
  return <Tag color={URGENCY_COLORS[urgency]}>{urgencyLabel(urgency)}</Tag>;
}
