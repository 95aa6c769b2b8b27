import type { Generated } from 'kysely';

export type CalendarTables = {
  calendar_holiday_rule: {
    id: Generated<number>;
    name: string;
    calendar: 'solar' | 'lunar';
    month: number;
    /** null = last day of the month */
    day: number | null;
    span: number;
    compensate: boolean;
  };
  calendar_override: {
    date: string;
    kind: 'holiday' | 'working';
    name: string;
    created_by: string | null;
    created_at: Date;
  };
};
