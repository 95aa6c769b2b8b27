import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../infra/time/working-days.js';
import { lateness } from './timeliness.js';
import { describeEngines } from '../../test/harness/engines.js';
import { call, login, startTestApp, type TestApp } from '../../test/harness/app.js';

const calendar = new WorkingCalendar();
const at = (s: string) => new Date(s);

describe('timeliness rules', () => {
  it('[Q-6.2b] an ordinary document may be registered up to the end of the next working day (holidays skipped)', () => {
    // Friday 24 April 2026; Monday 27 April is the Giỗ Tổ compensatory day, so the limit is Tuesday 28 at 24:00.
    const base = { urgency: 0, arrivedAt: at('2026-04-24T10:00:00+07:00'), presentedAt: at('2026-04-28T15:00:00+07:00') };
    expect(lateness({ ...base, registeredAt: at('2026-04-28T14:00:00+07:00') }, at('2026-04-30T00:00:00+07:00'), calendar)).toEqual([]);
    const late = lateness({ ...base, registeredAt: at('2026-04-29T08:00:00+07:00'), presentedAt: at('2026-04-29T09:00:00+07:00') }, at('2026-04-30T00:00:00+07:00'), calendar);
    expect(late).toEqual([{ step: 'register', limit: '2026-04-28T17:00:00.000Z', actual: '2026-04-29T01:00:00.000Z', hoursLate: 8 }]);
  });

  it('[Q-6.2b] an urgent document must be registered and presented at once', () => {
    const late = lateness({ urgency: 3, arrivedAt: at('2026-03-02T08:00:00+07:00'), registeredAt: at('2026-03-02T11:00:00+07:00'), presentedAt: null }, at('2026-03-02T14:30:00+07:00'), calendar);
    expect(late.map((l) => [l.step, l.hoursLate])).toEqual([
      ['register', 1],
      ['present', 1.5],
    ]);
  });
});

describeEngines('late documents list', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(db());
  });
  afterAll(async () => t.close());

  it('[Q-6.2b] lists documents registered late and those still waiting to be presented past their limit', async () => {
    t.clock.set('2026-03-04T09:00:00+07:00'); // Wednesday
    const clerk = await login(t.app, 'vanthu.snv');
    const base = { source: 'paper', issuerName: 'Bộ Nội vụ', typeName: 'Công văn', subject: 'Về việc kiểm tra công tác lưu trữ' };
    const onTime = (await call(t.app, clerk, 'POST', '/api/incoming', { ...base, codeNumber: '1', arrivedAt: '2026-03-04T08:00:00+07:00' })).json();
    const lateOne = (await call(t.app, clerk, 'POST', '/api/incoming', { ...base, codeNumber: '2', arrivedAt: '2026-03-02T08:00:00+07:00' })).json();
    const list = (await call(t.app, clerk, 'GET', '/api/incoming/late')).json();
    expect(list.map((d: { arrivalNumber: number }) => d.arrivalNumber)).toEqual([lateOne.arrivalNumber]);
    expect(list[0].late[0]).toMatchObject({ step: 'register' });
    expect(onTime.arrivalNumber).toBe(1);
  });
});
