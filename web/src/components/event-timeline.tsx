import { Empty, Timeline, Typography } from 'antd';
import { formatDateTime } from '@/features/incoming/components/format';

export interface TimelineEntry {
  kind: string;
  at: string;
  who: string;
  label: string;
  color: string;
  /** Lines that say what the step did; empty ones are left out. */
  lines: (string | null | undefined | false)[];
}

/** A document's steps, oldest first: when, who, what, and the details of each. */
export function EventTimeline({ entries, testId }: { entries: TimelineEntry[]; testId: string }) {
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có bước xử lý nào" />;
  return (
    <div data-testid={testId}>
      <Timeline
        items={entries.map((e, i) => ({
          key: i,
          color: e.color,
          content: (
            <div data-testid={`timeline-${e.kind}`}>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {formatDateTime(e.at)} · {e.who}
              </Typography.Text>
              <Typography.Text strong>{e.label}</Typography.Text>
              {e.lines
                .filter((line): line is string => !!line)
                .map((line) => (
                  <Typography.Paragraph key={line} style={{ margin: 0 }}>
                    {line}
                  </Typography.Paragraph>
                ))}
            </div>
          ),
        }))}
      />
    </div>
  );
}
