import type { Generated } from 'kysely';

export type NotificationTables = {
  notification: {
    id: Generated<string>;
    user_id: string;
    agency_id: string;
    kind: string;
    title: string;
    link: string | null;
    urgent: boolean;
    /** Set for notices that must be sent once only (e.g. "deadline approaching" per assignment). */
    dedupe_key: string | null;
    created_at: Date;
    read_at: Date | null;
  };
};
