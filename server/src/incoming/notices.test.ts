import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../test/harness/engines.js';
import { call, login, startTestApp, type Session, type TestApp } from '../../test/harness/app.js';
import { deadlineReminders } from './jobs.js';
import { jobEnv } from '../../test/harness/jobs.js';

describeEngines('in-app notifications of incoming work', (db) => {
  let t: TestApp;
  let clerk: Session, head: Session, unitHead: Session, staff: Session, deputy: Session;
  const users: Record<string, string> = {};
  const units: Record<string, string> = {};
  const inbox = async (s: Session) => (await call(t.app, s, 'GET', '/api/notifications')).json();

  beforeAll(async () => {
    t = await startTestApp(db());
    t.clock.set('2026-04-21T08:00:00+07:00'); // Tuesday
    [clerk, head, unitHead, staff, deputy] = await Promise.all(['vanthu.snv', 'giamdoc.snv', 'truongphong.snv', 'chuyenvien.snv', 'phogiamdoc.snv'].map((u) => login(t.app, u)));
    for (const u of (await call(t.app, clerk, 'GET', '/api/users')).json()) users[u.username] = u.id;
    for (const u of (await call(t.app, clerk, 'GET', `/api/agencies/${t.agencies.snv}`)).json().units) units[u.abbreviation] = u.id;
  });
  afterAll(async () => t.close());

  it('notifies the head of an urgent document to direct, the unit head of the work, the staff of the hand-on; urgent first', async () => {
    const doc = (await call(t.app, clerk, 'POST', '/api/incoming', { source: 'paper', issuerName: 'Văn phòng Chính phủ', typeName: 'Công văn', subject: 'Về việc triển khai gấp nhiệm vụ', urgency: 3 })).json();
    await call(t.app, clerk, 'POST', `/api/incoming/${doc.id}/present`, { toUserId: users['giamdoc.snv'] });
    const headInbox = await inbox(head);
    expect(headInbox.unread).toBe(1);
    expect(headInbox.items[0]).toMatchObject({ kind: 'incoming.awaiting_direction', urgent: true, link: `/van-ban-den/${doc.id}`, title: expect.stringContaining(`số ${doc.arrivalNumber}`) });

    await call(t.app, head, 'POST', `/api/incoming/${doc.id}/direct`, { lead: { unitId: units.VTLT, deadline: '2026-04-23' }, followUpUserId: users['phogiamdoc.snv'] });
    expect((await inbox(unitHead)).items[0]).toMatchObject({ kind: 'incoming.lead', title: expect.stringMatching(/^Được giao chủ trì/) });
    expect((await inbox(deputy)).items[0].kind).toBe('incoming.follow_up');
    const task = (await call(t.app, unitHead, 'GET', '/api/incoming/tasks/mine')).json().assignments[0];
    await call(t.app, unitHead, 'POST', `/api/incoming/assignments/${task.id}/assign`, { userId: users['chuyenvien.snv'] });
    expect((await inbox(staff)).items[0].kind).toBe('incoming.assigned');
  });

  it('[Q-11.3d] deadline reminders go once to the people working on it and to the follow-up person', async () => {
    await deadlineReminders.run({}, jobEnv(db().db, t.clock), { id: 0, attempt: 1 });
    await deadlineReminders.run({}, jobEnv(db().db, t.clock), { id: 0, attempt: 1 });
    const soon = (await inbox(staff)).items.filter((n: { kind: string }) => n.kind === 'incoming.due_soon');
    expect(soon).toHaveLength(1);
    expect((await inbox(deputy)).items.filter((n: { kind: string }) => n.kind === 'incoming.due_soon')).toHaveLength(1);
    t.clock.set('2026-04-24T08:00:00+07:00');
    await deadlineReminders.run({}, jobEnv(db().db, t.clock), { id: 0, attempt: 1 });
    staff = await login(t.app, 'chuyenvien.snv');
    expect((await inbox(staff)).items[0]).toMatchObject({ kind: 'incoming.overdue', title: expect.stringMatching(/^Quá hạn/) });
  });

  it('[Q-11.3d] the unit head hears once when the work they handed to staff nears its deadline, and once when it passes', async () => {
    t.clock.set('2026-04-24T08:00:00+07:00'); // Friday; Monday 27 April is a public holiday
    [clerk, head, unitHead, staff] = await Promise.all(['vanthu.snv', 'giamdoc.snv', 'truongphong.snv', 'chuyenvien.snv'].map((u) => login(t.app, u)));
    const doc = (await call(t.app, clerk, 'POST', '/api/incoming', { source: 'paper', issuerName: 'Bộ Nội vụ', typeName: 'Công văn', subject: 'Về việc báo cáo số liệu tinh giản biên chế' })).json();
    // The unit has until the end of June; its head gives the staff member until Tuesday 28 April.
    await call(t.app, head, 'POST', `/api/incoming/${doc.id}/direct`, { lead: { unitId: units.VTLT, deadline: '2026-06-30' } });
    const task = (await call(t.app, unitHead, 'GET', '/api/incoming/tasks/mine')).json().assignments.find((a: { documentId: string }) => a.documentId === doc.id);
    expect((await call(t.app, unitHead, 'POST', `/api/incoming/assignments/${task.id}/assign`, { userId: users['chuyenvien.snv'], deadline: '2026-04-28' })).statusCode).toBe(200);
    const about = async (s: Session, kind: string) => (await inbox(s)).items.filter((n: { kind: string; link: string }) => n.kind === kind && n.link === `/van-ban-den/${doc.id}`);

    await deadlineReminders.run({}, jobEnv(db().db, t.clock), { id: 0, attempt: 1 });
    await deadlineReminders.run({}, jobEnv(db().db, t.clock), { id: 0, attempt: 1 });
    expect(await about(staff, 'incoming.due_soon')).toHaveLength(1);
    expect(await about(unitHead, 'incoming.due_soon')).toEqual([expect.objectContaining({ title: expect.stringContaining(`Sắp đến hạn giải quyết (2026-04-28): văn bản đến số ${doc.arrivalNumber}`) })]);

    t.clock.set('2026-04-29T08:00:00+07:00');
    await deadlineReminders.run({}, jobEnv(db().db, t.clock), { id: 0, attempt: 1 });
    await deadlineReminders.run({}, jobEnv(db().db, t.clock), { id: 0, attempt: 1 });
    [staff, unitHead] = await Promise.all([login(t.app, 'chuyenvien.snv'), login(t.app, 'truongphong.snv')]);
    expect(await about(staff, 'incoming.overdue')).toHaveLength(1);
    expect(await about(unitHead, 'incoming.overdue')).toEqual([expect.objectContaining({ title: expect.stringMatching(/^Quá hạn giải quyết \(2026-04-28\)/) })]);
    // The unit's own deadline is far off: the head has no second reminder about it yet.
    expect(await about(unitHead, 'incoming.due_soon')).toHaveLength(1);

    // Near the unit's own deadline the head is reminded of it, though a reminder about the staff's came first.
    t.clock.set('2026-06-26T08:00:00+07:00');
    await deadlineReminders.run({}, jobEnv(db().db, t.clock), { id: 0, attempt: 1 });
    [staff, unitHead] = await Promise.all([login(t.app, 'chuyenvien.snv'), login(t.app, 'truongphong.snv')]);
    expect((await about(unitHead, 'incoming.due_soon')).map((n: { title: string }) => n.title)).toEqual(expect.arrayContaining([expect.stringContaining('(2026-06-30)')]));
  });

  it('a user reads and marks only their own notifications', async () => {
    const mine = await inbox(staff);
    const other = await login(t.app, 'vanthu.ubnd');
    expect((await call(t.app, other, 'POST', `/api/notifications/${mine.items[0].id}/read`)).statusCode).toBe(404);
    expect((await call(t.app, staff, 'POST', `/api/notifications/${mine.items[0].id}/read`)).statusCode).toBe(200);
    expect((await inbox(staff)).unread).toBe(mine.unread - 1);
    await call(t.app, staff, 'POST', '/api/notifications/read-all');
    expect((await inbox(staff)).unread).toBe(0);
  });
});
