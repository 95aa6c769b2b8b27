import type { Generated } from 'kysely';

export type RegisterTables = {
  register: {
    id: Generated<string>;
    agency_id: string;
    kind: string;
    /** Separate series inside a kind (e.g. one per type of legal normative document); '' = the default. */
    series: string;
    year: number;
    name: string;
    /** The number the next entry gets. Taken with a row lock in the entry's own transaction. */
    next_number: number;
    created_at: Date;
  };
};
