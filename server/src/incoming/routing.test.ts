import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../test/harness/engines.js';
import { call, login, startTestApp, type Session, type TestApp } from '../../test/harness/app.js';

describeEngines('incoming routing and processing', (db) => {
  let t: TestApp;
  let clerk: Session, head: Session, unitHead: Session, staff: Session, deputy: Session;
  const users: Record<string, string> = {};
  const units: Record<string, string> = {};
  let n = 0;

  const registerDoc = async () =>
    (
      await call(t.app, clerk, 'POST', '/api/incoming', {
        source: 'paper',
        issuerName: 'Bộ Nội vụ',
        typeName: 'Công văn',
        codeNumber: String(500 + ++n),
        codeNotation: 'BNV-VP',
        subject: `Về việc báo cáo công tác văn thư, lưu trữ (${n})`,
        urgency: 1,
      })
    ).json().id as string;
  const post = (s: Session, url: string, body: unknown) => call(t.app, s, 'POST', `/api/incoming${url}`, body);
  const routing = async (id: string) => (await call(t.app, clerk, 'GET', `/api/incoming/${id}/routing`)).json();

  beforeAll(async () => {
    t = await startTestApp(db());
    t.clock.set('2026-04-20T08:00:00+07:00'); // Monday
    [clerk, head, unitHead, staff, deputy] = await Promise.all(['vanthu.snv', 'giamdoc.snv', 'truongphong.snv', 'chuyenvien.snv', 'phogiamdoc.snv'].map((u) => login(t.app, u)));
    for (const u of (await call(t.app, clerk, 'GET', '/api/users')).json()) users[u.username] = u.id;
    for (const u of (await call(t.app, clerk, 'GET', `/api/agencies/${t.agencies.snv}`)).json().units) units[u.abbreviation] = u.id;
  });
  afterAll(async () => t.close());

  it('[Q-1.1] [Q-11.1a] [Q-11.3a] [Q-11.3b] [Q-11.3c] [Q-11.3đ] clerk presents, head directs, unit head assigns staff, staff finishes; every step on the timeline', async () => {
    const id = await registerDoc();
    expect((await post(staff, `/${id}/present`, { toUserId: users['giamdoc.snv'] })).statusCode).toBe(403);
    expect((await post(clerk, `/${id}/present`, { toUserId: users['chuyenvien.snv'] })).json().message).toMatch(/lãnh đạo cơ quan/);
    expect((await post(clerk, `/${id}/present`, { toUserId: users['giamdoc.snv'] })).statusCode).toBe(200);
    expect((await call(t.app, head, 'GET', '/api/incoming/tasks/mine')).json().awaitingDirection).toContain(id);

    const direct = await post(head, `/${id}/direct`, {
      lead: { unitId: units.VTLT, deadline: '2026-04-28' },
      coordinating: [{ unitId: units.TCBC, deadline: '2026-04-27' }],
      inform: [{ unitId: units.VP }],
      comment: 'Giao Phòng Văn thư - Lưu trữ chủ trì, tham mưu báo cáo.',
      deadline: '2026-04-28',
      followUpUserId: users['phogiamdoc.snv'],
    });
    expect(direct.statusCode).toBe(200);
    const r = await routing(id);
    expect(r).toMatchObject({ state: 'directed', comment: 'Giao Phòng Văn thư - Lưu trữ chủ trì, tham mưu báo cáo.', deadline: '2026-04-28', followUpUserId: users['phogiamdoc.snv'] });
    expect(r.assignments.map((a: { role: string }) => a.role)).toEqual(['lead', 'coordinate', 'inform']);

    const unitTask = (await call(t.app, unitHead, 'GET', '/api/incoming/tasks/mine')).json().assignments.find((a: { documentId: string }) => a.documentId === id);
    expect(unitTask).toMatchObject({ role: 'lead', unitId: units.VTLT, deadline: '2026-04-28' });
    expect((await post(unitHead, `/assignments/${unitTask.id}/assign`, { userId: users['chuyenvien2.snv'] })).json().message).toMatch(/thuộc đơn vị/);
    expect((await post(unitHead, `/assignments/${unitTask.id}/assign`, { userId: users['chuyenvien.snv'], deadline: '2026-04-29' })).json().message).toMatch(/không được sau/);
    expect((await post(unitHead, `/assignments/${unitTask.id}/assign`, { userId: users['chuyenvien.snv'], deadline: '2026-04-27' })).statusCode).toBe(200);

    const mine = (await call(t.app, staff, 'GET', '/api/incoming/tasks/mine')).json().assignments.find((a: { documentId: string }) => a.documentId === id);
    expect(mine).toMatchObject({ userId: users['chuyenvien.snv'], deadline: '2026-04-27', dueSoon: false, overdue: false });
    expect((await post(staff, `/assignments/${mine.id}/progress`, { note: 'Đã tổng hợp số liệu quý I' })).statusCode).toBe(200);
    expect((await post(staff, `/assignments/${mine.id}/extension-request`, { until: '2026-05-05', reason: 'Chờ số liệu của các phòng' })).statusCode).toBe(200);
    expect((await post(staff, `/assignments/${mine.id}/deadline`, { until: '2026-05-05' })).statusCode).toBe(403);
    expect((await post(unitHead, `/assignments/${mine.id}/deadline`, { until: '2026-05-05' })).statusCode).toBe(200);
    expect((await post(staff, `/assignments/${mine.id}/finish`, { result: 'Đã dự thảo báo cáo trình lãnh đạo' })).statusCode).toBe(200);
    expect((await post(staff, `/assignments/${mine.id}/finish`, { result: 'lần hai' })).statusCode).toBe(409);

    expect((await routing(id)).state).toBe('done');
    const timeline = (await call(t.app, head, 'GET', `/api/incoming/${id}/timeline`)).json();
    expect(timeline.map((e: { kind: string }) => e.kind)).toEqual(['registered', 'presented', 'directed', 'assigned', 'progress', 'extension_requested', 'deadline_extended', 'finished']);
  });

  it('[Q-11.3d] deadlines count working days: due soon two working days ahead, overdue after; the follow-up person sees them', async () => {
    const id = await registerDoc();
    // Friday 24 April 2026: two working days ahead is Tuesday 28 April (Monday 27 is the Giỗ Tổ compensatory day).
    t.clock.set('2026-04-24T08:00:00+07:00');
    [clerk, head, unitHead, staff, deputy] = await Promise.all(['vanthu.snv', 'giamdoc.snv', 'truongphong.snv', 'chuyenvien.snv', 'phogiamdoc.snv'].map((u) => login(t.app, u)));
    await post(head, `/${id}/direct`, { lead: { userId: users['chuyenvien.snv'], deadline: '2026-04-28' }, followUpUserId: users['phogiamdoc.snv'] });
    const task = () => call(t.app, staff, 'GET', '/api/incoming/tasks/mine').then((r) => r.json().assignments.find((a: { documentId: string }) => a.documentId === id));
    expect(await task()).toMatchObject({ dueSoon: true, overdue: false });
    expect((await call(t.app, deputy, 'GET', '/api/incoming/tasks/mine')).json().followUp.map((a: { documentId: string }) => a.documentId)).toContain(id);
    t.clock.set('2026-04-29T08:00:00+07:00');
    [staff] = await Promise.all([login(t.app, 'chuyenvien.snv')]);
    expect(await task()).toMatchObject({ dueSoon: false, overdue: true });
  });

  it('[Q-11.3b] new direction replaces the old one: exactly one live lead; bad directions change nothing', async () => {
    t.clock.set('2026-05-04T08:00:00+07:00');
    [clerk, head, unitHead, staff] = await Promise.all(['vanthu.snv', 'giamdoc.snv', 'truongphong.snv', 'chuyenvien.snv'].map((u) => login(t.app, u)));
    const id = await registerDoc();
    await post(head, `/${id}/direct`, { lead: { unitId: units.VTLT } });
    const bad = [
      { lead: { unitId: units.VTLT }, coordinating: [{ unitId: units.VTLT }] },
      { lead: { unitId: units.TCBC, userId: users['chuyenvien.snv'] } },
      { lead: {} },
      { lead: { unitId: units.TCBC, deadline: '2026-01-01' } },
      { lead: { userId: users['vanthu.ubnd'] ?? '00000000-0000-4000-8000-000000000000' } },
    ];
    for (const body of bad) expect((await post(head, `/${id}/direct`, body)).statusCode, JSON.stringify(body)).toBe(400);
    expect((await post(staff, `/${id}/direct`, { lead: { unitId: units.TCBC } })).statusCode).toBe(403);
    expect((await routing(id)).assignments.filter((a: { state: string }) => a.state === 'open').map((a: { unitId: string }) => a.unitId)).toEqual([units.VTLT]);
    await post(head, `/${id}/direct`, { lead: { unitId: units.TCBC } });
    const live = (await routing(id)).assignments.filter((a: { role: string; state: string }) => a.role === 'lead' && a.state !== 'recalled');
    expect(live.map((a: { unitId: string }) => a.unitId)).toEqual([units.TCBC]);
  });

  it('[Q-11.3a] [Q-11.3đ] a recalled hand-on reopens the unit\'s assignment, which is handed on again and finished; the head can return the document to the clerk', async () => {
    const id = await registerDoc();
    await post(head, `/${id}/direct`, { lead: { unitId: units.VTLT } });
    const unitTask = (await routing(id)).assignments[0];
    await post(unitHead, `/assignments/${unitTask.id}/assign`, { userId: users['chuyenvien.snv'] });
    const staffTask = (await routing(id)).assignments.find((a: { parentId: string | null }) => a.parentId === unitTask.id);
    expect((await post(staff, `/assignments/${staffTask.id}/recall`, { reason: 'Tự thu hồi' })).statusCode).toBe(403);
    expect((await post(unitHead, `/assignments/${staffTask.id}/recall`, { reason: 'Giao lại cho người khác' })).statusCode).toBe(200);
    expect((await post(staff, `/assignments/${staffTask.id}/finish`, { result: 'x' })).statusCode).toBe(409);
    const afterRecall = (await routing(id)).assignments;
    expect(afterRecall.find((a: { id: string }) => a.id === unitTask.id).state).toBe('open');
    expect((await call(t.app, staff, 'GET', '/api/incoming/tasks/mine')).json().assignments.map((a: { id: string }) => a.id)).not.toContain(staffTask.id);

    // Handed on again: a new live hand-on, which the staff member finishes, and the document is done.
    expect((await post(unitHead, `/assignments/${unitTask.id}/assign`, { userId: users['chuyenvien.snv'], note: 'Giao lại' })).statusCode).toBe(200);
    const handOns = (await routing(id)).assignments.filter((a: { parentId: string | null }) => a.parentId === unitTask.id);
    expect(handOns.map((a: { state: string }) => a.state).sort()).toEqual(['open', 'recalled']);
    const again = handOns.find((a: { state: string }) => a.state === 'open');
    expect((await call(t.app, staff, 'GET', '/api/incoming/tasks/mine')).json().assignments.map((a: { id: string }) => a.id)).toContain(again.id);
    expect((await post(staff, `/assignments/${again.id}/finish`, { result: 'Đã xử lý sau khi được giao lại' })).statusCode).toBe(200);
    expect((await routing(id)).state).toBe('done');
    expect((await call(t.app, head, 'GET', `/api/incoming/${id}/timeline`)).json().map((e: { kind: string }) => e.kind)).toEqual(['registered', 'directed', 'assigned', 'recalled', 'assigned', 'finished']);
    expect((await post(head, `/${id}/return`, { reason: 'Văn bản gửi nhầm cơ quan' })).statusCode).toBe(409);

    const other = await registerDoc();
    await post(head, `/${other}/direct`, { lead: { unitId: units.VTLT } });
    expect((await post(head, `/${other}/return`, { reason: 'Văn bản gửi nhầm cơ quan' })).statusCode).toBe(200);
    expect((await routing(other)).state).toBe('registered');
    expect((await call(t.app, head, 'GET', `/api/incoming/${other}/timeline`)).json().at(-1)).toMatchObject({ kind: 'returned_to_clerk', details: { reason: 'Văn bản gửi nhầm cơ quan' } });
  });

  it('[Q-11.3a] [Q-11.3b] an unknown or another agency\'s unit or person in a direction or a hand-on is refused with the field named; nothing changes', async () => {
    const id = await registerDoc();
    await post(head, `/${id}/direct`, { lead: { unitId: units.VTLT, deadline: '2026-06-30' } });
    const foreignUnit = (await call(t.app, await login(t.app, 'vanthu.stc'), 'GET', `/api/agencies/${t.agencies.stc}`)).json().units[0]?.id as string;
    expect(foreignUnit).toBeTruthy();
    const foreignUser = (await call(t.app, await login(t.app, 'vanthu.ubnd'), 'GET', '/api/auth/me')).json().user.id as string;
    const unknown = '00000000-0000-4000-8000-000000000000';
    const before = { routing: await routing(id), timeline: (await call(t.app, head, 'GET', `/api/incoming/${id}/timeline`)).json() };

    const directions: [Record<string, unknown>, string, RegExp][] = [
      [{ lead: { unitId: unknown } }, 'lead', /Đơn vị không thuộc cơ quan/],
      [{ lead: { unitId: foreignUnit } }, 'lead', /Đơn vị không thuộc cơ quan/],
      [{ lead: { unitId: units.VTLT }, coordinating: [{ unitId: foreignUnit }] }, 'coordinating/0', /Đơn vị không thuộc cơ quan/],
      [{ lead: { unitId: units.VTLT }, inform: [{ unitId: unknown }] }, 'inform/0', /Đơn vị không thuộc cơ quan/],
      [{ lead: { userId: foreignUser } }, 'lead', /Người nhận không thuộc cơ quan/],
      [{ lead: { unitId: units.VTLT }, followUpUserId: foreignUser }, 'followUpUserId', /Người theo dõi/],
      [{ lead: { unitId: units.VTLT }, followUpUserId: unknown }, 'followUpUserId', /Người theo dõi/],
    ];
    for (const [body, field, message] of directions) {
      const res = await post(head, `/${id}/direct`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json(), JSON.stringify(body)).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(message), details: [{ field }] });
    }
    const unitTask = before.routing.assignments[0];
    for (const userId of [unknown, foreignUser]) {
      const res = await post(unitHead, `/assignments/${unitTask.id}/assign`, { userId });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/thuộc đơn vị/), details: [{ field: 'userId' }] });
    }
    expect((await post(unitHead, `/assignments/${unknown}/assign`, { userId: users['chuyenvien.snv'] })).statusCode).toBe(404);
    expect((await post(head, `/${id}/direct`, { lead: { unitId: 'khong-phai-uuid' } })).statusCode).toBe(400);
    expect(await routing(id)).toEqual(before.routing);
    expect((await call(t.app, head, 'GET', `/api/incoming/${id}/timeline`)).json()).toEqual(before.timeline);
  });

  /** A head of another unit of the same agency, made for the test (the demo agency has one unit head). */
  const unitHeadOf = async (abbreviation: string) => {
    const username = `truongphong.${abbreviation.toLowerCase()}.snv`;
    const admin = await login(t.app, 'admin');
    const made = await call(t.app, admin, 'POST', '/api/users', { username, fullName: `Trưởng phòng ${abbreviation}`, password: 'demo-Pass-2026', agencyId: t.agencies.snv, unitId: units[abbreviation], positionTitle: 'Trưởng phòng', roles: ['unit_head'] });
    expect(made.statusCode).toBe(201);
    return login(t.app, username, 'demo-Pass-2026');
  };
  const timelineKinds = async (id: string) => (await call(t.app, head, 'GET', `/api/incoming/${id}/timeline`)).json().map((e: { kind: string }) => e.kind);

  it("[Q-11.3a] [Q-11.3b] only the head of the lead unit (or the lead person) sends a directed document back; another unit's head, a coordinating unit's head and a deputy it was not presented to are refused and the direction stays", async () => {
    [clerk, head, unitHead, staff, deputy] = await Promise.all(['vanthu.snv', 'giamdoc.snv', 'truongphong.snv', 'chuyenvien.snv', 'phogiamdoc.snv'].map((u) => login(t.app, u)));
    const [tcbcHead, vpHead] = [await unitHeadOf('TCBC'), await unitHeadOf('VP')];
    const id = await registerDoc();
    expect((await post(clerk, `/${id}/present`, { toUserId: users['giamdoc.snv'] })).statusCode).toBe(200);
    expect((await post(head, `/${id}/direct`, { lead: { unitId: units.VTLT }, coordinating: [{ unitId: units.TCBC }], comment: 'Phòng Văn thư - Lưu trữ chủ trì.', deadline: '2026-06-30' })).statusCode).toBe(200);
    const before = await routing(id);
    for (const [who, session] of [['another unit', vpHead], ['coordinating unit', tcbcHead], ['deputy', deputy], ['staff', staff]] as const) {
      const res = await post(session, `/${id}/return`, { reason: 'Không thuộc chức năng của phòng' });
      expect(res.statusCode, who).toBe(403);
    }
    expect(await routing(id)).toEqual(before);
    expect(before).toMatchObject({ state: 'directed', comment: 'Phòng Văn thư - Lưu trữ chủ trì.' });
    expect(await timelineKinds(id)).not.toContain('returned_to_clerk');
    expect((await post(await login(t.app, 'chutich.ubnd'), `/${id}/return`, { reason: 'Gửi nhầm' })).statusCode).toBe(404);

    expect((await post(unitHead, `/${id}/return`, { reason: 'Đề nghị giao Phòng Tổ chức, biên chế chủ trì' })).statusCode).toBe(200);
    const after = await routing(id);
    expect(after.state).toBe('registered');
    expect(after.assignments.map((a: { state: string }) => a.state)).toEqual(['recalled', 'recalled']);

    // A person given the lead sends it back themselves; the head of their unit was not handed it.
    const personal = await registerDoc();
    await post(head, `/${personal}/direct`, { lead: { userId: users['chuyenvien.snv'] } });
    expect((await post(unitHead, `/${personal}/return`, { reason: 'Không thuộc phòng' })).statusCode).toBe(403);
    expect((await post(staff, `/${personal}/return`, { reason: 'Cần bổ sung hồ sơ' })).statusCode).toBe(200);
    // A document still with the clerk cannot be sent back to the clerk.
    expect((await post(head, `/${personal}/return`, { reason: 'Gửi nhầm' })).statusCode).toBe(409);
  });

  it('[Q-11.3a] a deputy directs, extends and sends back only what was presented to them or they directed; the agency head may always', async () => {
    [clerk, head, deputy] = await Promise.all(['vanthu.snv', 'giamdoc.snv', 'phogiamdoc.snv'].map((u) => login(t.app, u)));
    const toHead = await registerDoc();
    await post(clerk, `/${toHead}/present`, { toUserId: users['giamdoc.snv'] });
    expect((await post(deputy, `/${toHead}/direct`, { lead: { unitId: units.VTLT } })).statusCode).toBe(403);
    expect((await post(deputy, `/${toHead}/return`, { reason: 'Gửi nhầm' })).statusCode).toBe(403);
    expect((await routing(toHead)).state).toBe('presented');

    const toDeputy = await registerDoc();
    await post(clerk, `/${toDeputy}/present`, { toUserId: users['phogiamdoc.snv'] });
    expect((await post(deputy, `/${toDeputy}/direct`, { lead: { unitId: units.VTLT, deadline: '2026-06-30' } })).statusCode).toBe(200);
    const deputys = (await routing(toDeputy)).assignments[0];
    expect((await post(deputy, `/assignments/${deputys.id}/deadline`, { until: '2026-07-15' })).statusCode).toBe(200);
    // The agency head takes it over: the deputy may no longer change or undo the head's direction.
    expect((await post(head, `/${toDeputy}/direct`, { lead: { unitId: units.TCBC, deadline: '2026-06-30' } })).statusCode).toBe(200);
    const heads = (await routing(toDeputy)).assignments.find((a: { state: string }) => a.state === 'open');
    const before = await routing(toDeputy);
    expect((await post(deputy, `/${toDeputy}/direct`, { lead: { unitId: units.VP } })).statusCode).toBe(403);
    expect((await post(deputy, `/assignments/${heads.id}/deadline`, { until: '2026-07-30' })).statusCode).toBe(403);
    expect((await post(deputy, `/${toDeputy}/return`, { reason: 'Gửi nhầm' })).statusCode).toBe(403);
    expect(await routing(toDeputy)).toEqual(before);
    expect((await post(head, `/assignments/${heads.id}/deadline`, { until: '2026-07-30' })).statusCode).toBe(200);
    expect((await post(head, `/${toDeputy}/return`, { reason: 'Cần bổ sung hồ sơ' })).statusCode).toBe(200);
  });

  it('another agency cannot see or touch the routing (404)', async () => {
    const id = await registerDoc();
    const other = await login(t.app, 'chutich.ubnd');
    expect((await call(t.app, other, 'GET', `/api/incoming/${id}/routing`)).statusCode).toBe(404);
    expect((await call(t.app, other, 'GET', `/api/incoming/${id}/timeline`)).statusCode).toBe(404);
    expect((await post(other, `/${id}/direct`, { lead: { unitId: units.VTLT } })).statusCode).toBe(404);
  });

  it("the list shows each document's routing state and filters by it (queues: to present, waiting, in progress)", async () => {
    const a = await registerDoc();
    const b = await registerDoc();
    await post(clerk, `/${b}/present`, { toUserId: users['giamdoc.snv'] });
    const toPresent = (await call(t.app, clerk, 'GET', '/api/incoming?routingState=registered')).json().map((d: { id: string }) => d.id);
    expect(toPresent).toContain(a);
    expect(toPresent).not.toContain(b);
    const some = (await call(t.app, clerk, 'GET', `/api/incoming?ids=${a}&ids=${b}`)).json();
    expect(some.map((d: { id: string; routingState: string }) => [d.id, d.routingState]).sort()).toEqual([[a, 'registered'], [b, 'presented']].sort());
  });
});
