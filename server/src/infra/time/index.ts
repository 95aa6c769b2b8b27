/** Thời gian pháp lý và lịch ngày làm việc (legal time, working-day calendar). */
import type { AppModule } from '../module.js';
import { calendarMigrations } from './migrations.js';
import { calendarRoutes } from './routes.js';

export const calendarModule: AppModule = { name: 'calendar', prefix: 'calendar', migrations: calendarMigrations, routes: calendarRoutes };
export { loadWorkingCalendar } from './calendar.js';
export { WorkingCalendar } from './working-days.js';
export * from './legal-time.js';
export { systemClock, FixedClock, type Clock } from './clock.js';
