import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../test/harness/engines.js';
import { call, login, startTestApp, type Session, type TestApp } from '../../test/harness/app.js';

describeEngines('Hỏa tốc hẹn giờ (urgency 4 with an appointed time)', (db) => {
  let t: TestApp;
  let clerk: Session;
  const base = { source: 'paper', issuerName: 'Văn phòng Chính phủ', typeName: 'Giấy mời', codeNotation: 'GM-VPCP', subject: 'Mời dự họp trực tuyến về phòng, chống thiên tai' };
  const lastNumber = async () => ((await call(t.app, clerk, 'GET', '/api/incoming?limit=1')).json()[0]?.arrivalNumber ?? 0) as number;

  beforeAll(async () => {
    t = await startTestApp(db());
    t.clock.set('2026-03-02T08:10:00+07:00'); // Monday
    clerk = await login(t.app, 'vanthu.snv');
  });
  afterAll(async () => t.close());

  it('[Q-6.2b] [Q-11.2a] a Hỏa tốc hẹn giờ document is registered with its level and appointed time, and listed first', async () => {
    const ordinary = await call(t.app, clerk, 'POST', '/api/incoming', { ...base, codeNumber: '40', subject: 'Về việc thường', arrivedAt: '2026-03-02T08:00:00+07:00' });
    expect(ordinary.statusCode).toBe(201);
    const res = await call(t.app, clerk, 'POST', '/api/incoming', { ...base, codeNumber: '41', urgency: 4, urgentDeadline: '2026-03-02T14:00:00+07:00', arrivedAt: '2026-03-02T08:05:00+07:00' });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({ urgency: 4, urgencyLabel: 'Hỏa tốc hẹn giờ', urgentDeadline: '2026-03-02T07:00:00.000Z', arrivalNumber: ordinary.json().arrivalNumber + 1 });
    expect((await call(t.app, clerk, 'GET', `/api/incoming/${doc.id}`)).json()).toMatchObject({ urgency: 4, urgentDeadline: '2026-03-02T07:00:00.000Z' });
    expect((await call(t.app, clerk, 'GET', '/api/incoming?urgency=4')).json().map((d: { id: string }) => d.id)).toEqual([doc.id]);
  });

  it('[Q-6.2b] [Q-11.1b] urgency 4 without its appointed time is refused naming the field, and uses no number', async () => {
    const before = await lastNumber();
    const res = await call(t.app, clerk, 'POST', '/api/incoming', { ...base, codeNumber: '42', urgency: 4 });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/giờ hẹn/), details: [{ field: 'urgentDeadline' }] });
    expect(await lastNumber()).toBe(before);
  });

  it('[Q-6.2b] the late list measures a Hỏa tốc hẹn giờ document against its appointed time', async () => {
    // Arrived 08:00, appointed 08:30 (before the two-hour urgent limit), registered at 08:45.
    t.clock.set('2026-03-02T08:45:00+07:00');
    clerk = await login(t.app, 'vanthu.snv');
    const doc = (await call(t.app, clerk, 'POST', '/api/incoming', { ...base, codeNumber: '43', urgency: 4, urgentDeadline: '2026-03-02T08:30:00+07:00', arrivedAt: '2026-03-02T08:00:00+07:00' })).json();
    const late = (await call(t.app, clerk, 'GET', '/api/incoming/late')).json().find((d: { documentId: string }) => d.documentId === doc.id);
    expect(late.late[0]).toMatchObject({ step: 'register', limit: '2026-03-02T01:30:00.000Z', actual: '2026-03-02T01:45:00.000Z' });
  });
});
