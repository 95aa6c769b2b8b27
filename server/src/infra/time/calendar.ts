import type { Ctx } from '../context.js';
import { requireAdmin } from '../context.js';
import { isUniqueViolation, type Db } from '../db/database.js';
import { recordAudit } from '../audit/audit.js';
import { AppError, conflict, notFound } from '../../shared/errors.js';
import { nfc } from '../../shared/text.js';
import type { CalendarTables } from './tables.js';
import type { HolidayRule } from './holidays.js';
import { WorkingCalendar, type DayOverride } from './working-days.js';
import { isLegalDate } from './legal-time.js';

const calendarDb = (db: Db) => db.withTables<CalendarTables>();

export async function listHolidayRules(db: Db): Promise<HolidayRule[]> {
  const rows = await calendarDb(db).selectFrom('calendar_holiday_rule').selectAll().orderBy('id').execute();
  return rows.map((r) => ({ name: r.name, calendar: r.calendar, month: r.month, day: r.day ?? 'last', span: r.span, compensate: r.compensate }));
}

export async function listOverrides(db: Db): Promise<DayOverride[]> {
  const rows = await calendarDb(db).selectFrom('calendar_override').select(['date', 'kind', 'name']).orderBy('date').execute();
  return rows;
}

/** The working-day calendar as the data says today: rules, then the admin's overrides. */
export async function loadWorkingCalendar(db: Db): Promise<WorkingCalendar> {
  const [rules, overrides] = await Promise.all([listHolidayRules(db), listOverrides(db)]);
  return new WorkingCalendar({ rules, overrides });
}

export async function addOverride(ctx: Ctx, input: DayOverride): Promise<DayOverride> {
  const actor = requireAdmin(ctx);
  if (!isLegalDate(input.date)) throw new AppError('VALIDATION_FAILED', 'Ngày không hợp lệ.', [{ field: 'date' }]);
  const row = { date: input.date, kind: input.kind, name: nfc(input.name) };
  await calendarDb(ctx.db)
    .insertInto('calendar_override')
    .values({ ...row, created_by: actor.userId, created_at: ctx.clock.now() })
    .execute()
    .catch((err) => {
      throw isUniqueViolation(err) ? conflict(`Ngày ${input.date} đã có điều chỉnh; xóa điều chỉnh cũ trước.`) : err;
    });
  await recordAudit(ctx, { action: 'calendar.override_add', objectType: 'calendar_day', objectId: input.date, agencyId: null, details: row });
  return row;
}

export async function removeOverride(ctx: Ctx, date: string): Promise<void> {
  requireAdmin(ctx);
  const res = await calendarDb(ctx.db).deleteFrom('calendar_override').where('date', '=', date).executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw notFound('Điều chỉnh lịch');
  await recordAudit(ctx, { action: 'calendar.override_remove', objectType: 'calendar_day', objectId: date, agencyId: null });
}
