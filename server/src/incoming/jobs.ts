import type { PeriodicJob } from '../infra/module.js';
import { inTransaction } from '../infra/db/database.js';
import { legalDate } from '../infra/time/legal-time.js';
import { loadWorkingCalendar } from '../infra/time/calendar.js';
import { sendDeadlineReminders } from './routing-notices.js';

/** Hourly: remind of deadlines coming within two working days or past (each reminder sent once). */
export const deadlineReminders: PeriodicJob = {
  name: 'incoming.deadline-reminders',
  everyMs: 60 * 60 * 1000,
  async run(db, clock) {
    const now = clock.now();
    const calendar = await loadWorkingCalendar(db);
    await inTransaction(db, (trx) => sendDeadlineReminders(trx, now, legalDate(now), calendar));
  },
};
