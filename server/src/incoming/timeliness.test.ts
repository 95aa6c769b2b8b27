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

  it('[Q-6.2b] a Hỏa tốc hẹn giờ document must be through each step by its appointed time when that comes before the urgent limit', () => {
    const arrivedAt = at('2026-03-02T08:00:00+07:00');
    const doc = { urgency: 4, arrivedAt, registeredAt: at('2026-03-02T08:45:00+07:00'), presentedAt: at('2026-03-02T08:50:00+07:00') };
    // Appointed 08:30: registering at 08:45 is a quarter of an hour late (rounded to 0.3 h); presenting at 08:50 is "at once".
    expect(lateness({ ...doc, urgentDeadline: at('2026-03-02T08:30:00+07:00') }, at('2026-03-02T12:00:00+07:00'), calendar)).toEqual([
      { step: 'register', limit: '2026-03-02T01:30:00.000Z', actual: '2026-03-02T01:45:00.000Z', hoursLate: 0.3 },
    ]);
    // Appointed for the afternoon: the urgent limit of two hours still applies.
    expect(lateness({ ...doc, urgentDeadline: at('2026-03-02T16:00:00+07:00'), registeredAt: at('2026-03-02T10:30:00+07:00') }, at('2026-03-02T12:00:00+07:00'), calendar).map((l) => [l.step, l.limit])).toEqual([
      ['register', '2026-03-02T03:00:00.000Z'],
    ]);
    // Appointed before it even arrived: that time cannot be kept, the urgent limit stands.
    expect(lateness({ ...doc, urgentDeadline: at('2026-03-02T07:00:00+07:00') }, at('2026-03-02T12:00:00+07:00'), calendar)).toEqual([]);
  });

  it('[Q-6.2b] handing on for handling: by the end of the next working day after the direction, urgent ones at once; a direction to a person hands on at once', () => {
    const base = { urgency: 0, arrivedAt: at('2026-03-02T08:00:00+07:00'), registeredAt: at('2026-03-02T08:30:00+07:00'), presentedAt: at('2026-03-02T09:00:00+07:00'), directedAt: at('2026-03-02T10:00:00+07:00') };
    const now = at('2026-03-05T09:00:00+07:00'); // Thursday
    expect(lateness({ ...base, forwardedAt: at('2026-03-03T16:00:00+07:00') }, now, calendar)).toEqual([]);
    expect(lateness({ ...base, forwardedAt: null }, now, calendar)).toEqual([{ step: 'forward', limit: '2026-03-03T17:00:00.000Z', actual: null, hoursLate: 33 }]);
    expect(lateness({ ...base, urgency: 1, arrivedAt: base.registeredAt, forwardedAt: at('2026-03-02T13:00:00+07:00') }, now, calendar).map((l) => [l.step, l.hoursLate])).toEqual([['forward', 1]]);
    // Directed without being presented: the head had it in hand, so presenting is not late.
    expect(lateness({ ...base, presentedAt: null, forwardedAt: base.directedAt }, now, calendar)).toEqual([]);
  });
});

describeEngines('late documents list', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(db());
  });
  afterAll(async () => t.close());

  it('[Q-6.2b] [Q-6.1e] lists documents registered late and those still waiting to be presented past their limit', async () => {
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

  it('[Q-6.2b] lists a document the lead unit has not handed on to its staff by the end of the next working day; a person named by the head is handed it at once', async () => {
    t.clock.set('2026-03-09T08:00:00+07:00'); // Monday
    const [clerk, head] = await Promise.all(['vanthu.snv', 'giamdoc.snv'].map((u) => login(t.app, u)));
    const users: Record<string, string> = {};
    for (const u of (await call(t.app, clerk, 'GET', '/api/users')).json()) users[u.username] = u.id;
    const units: Record<string, string> = {};
    for (const u of (await call(t.app, clerk, 'GET', `/api/agencies/${t.agencies.snv}`)).json().units) units[u.abbreviation] = u.id;
    const base = { source: 'paper', issuerName: 'Bộ Nội vụ', typeName: 'Công văn', subject: 'Về việc chuyển giao xử lý' };
    const toUnit = (await call(t.app, clerk, 'POST', '/api/incoming', { ...base, codeNumber: '11' })).json();
    const toPerson = (await call(t.app, clerk, 'POST', '/api/incoming', { ...base, codeNumber: '12' })).json();
    const handedOn = (await call(t.app, clerk, 'POST', '/api/incoming', { ...base, codeNumber: '13' })).json();
    for (const d of [toUnit, toPerson, handedOn]) await call(t.app, clerk, 'POST', `/api/incoming/${d.id}/present`, { toUserId: users['giamdoc.snv'] });
    await call(t.app, head, 'POST', `/api/incoming/${toUnit.id}/direct`, { lead: { unitId: units.VTLT } });
    await call(t.app, head, 'POST', `/api/incoming/${toPerson.id}/direct`, { lead: { userId: users['chuyenvien.snv'] } });
    await call(t.app, head, 'POST', `/api/incoming/${handedOn.id}/direct`, { lead: { unitId: units.VTLT } });
    const task = (await call(t.app, clerk, 'GET', `/api/incoming/${handedOn.id}/routing`)).json().assignments[0];
    t.clock.set('2026-03-10T15:00:00+07:00'); // Tuesday, within the limit
    expect((await call(t.app, await login(t.app, 'truongphong.snv'), 'POST', `/api/incoming/assignments/${task.id}/assign`, { userId: users['chuyenvien.snv'] })).statusCode).toBe(200);

    t.clock.set('2026-03-11T09:00:00+07:00'); // Wednesday: Tuesday's limit has passed
    const late = (await call(t.app, await login(t.app, 'vanthu.snv'), 'GET', '/api/incoming/late')).json();
    const byNumber = new Map(late.map((d: { arrivalNumber: number; late: { step: string }[] }) => [d.arrivalNumber, d.late.map((l) => l.step)]));
    expect(byNumber.get(toUnit.arrivalNumber)).toEqual(['forward']);
    expect(byNumber.has(toPerson.arrivalNumber)).toBe(false);
    expect(byNumber.has(handedOn.arrivalNumber)).toBe(false);
  });
});
