import type { JobDefinition } from '../infra/jobs/index.js';
import { inTransaction } from '../infra/db/database.js';
import { legalDate } from '../infra/time/legal-time.js';
import { loadWorkingCalendar } from '../infra/time/calendar.js';
import { sendDeadlineReminders } from './routing-notices.js';

/** Hourly, once across all nodes: remind of deadlines coming within two working days or past (each reminder sent once). */
export const deadlineReminders: JobDefinition = {
  name: 'incoming.deadline-reminders',
  everyMs: 60 * 60 * 1000,
  async run(_slot, { db, clock }) {
    const now = clock.now();
    const calendar = await loadWorkingCalendar(db);
    await inTransaction(db, (trx) => sendDeadlineReminders(trx, now, legalDate(now), calendar));
  },
};
