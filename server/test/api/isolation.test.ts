import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../harness/engines.js';
import { call, login, startTestApp, type Session, type TestApp } from '../harness/app.js';
import { multipart, pngBytes } from '../harness/samples.js';

/**
 * Agency isolation, endpoint family by endpoint family: a user sees and changes only their own
 * agency's data; another agency's object answers 404 exactly like a missing one.
 */
describeEngines('agency isolation', (db) => {
  let t: TestApp;
  let ubndClerk: Session;
  let snvClerk: Session;
  let inspector: Session;
  let snvFileId: string;
  let snvUserId: string;
  const missing = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    t = await startTestApp(db());
    ubndClerk = await login(t.app, 'vanthu.ubnd');
    snvClerk = await login(t.app, 'vanthu.snv');
    inspector = await login(t.app, 'thanhtra.snv');
    const body = multipart('anh.png', pngBytes());
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { cookie: snvClerk.cookie, 'x-csrf-token': snvClerk.csrf, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(upload.statusCode).toBe(201);
    snvFileId = upload.json().id;
    snvUserId = (await call(t.app, snvClerk, 'GET', '/api/auth/me')).json().user.id;
  });
  afterAll(async () => t.close());

  const expectNotFound = (res: { statusCode: number; json: () => { code: string } }) => {
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  };

  /** Every item passes, and there is at least one: `every` on an empty list proves nothing. */
  const expectEveryOf = <T>(list: T[], check: (item: T) => boolean) => {
    expect(list.length).toBeGreaterThan(0);
    expect(list.filter((item) => !check(item))).toEqual([]);
  };

  it('agencies: own agency detail is visible; another agency answers like a missing one', async () => {
    expect((await call(t.app, ubndClerk, 'GET', `/api/agencies/${t.agencies.ubnd}`)).json().units.length).toBeGreaterThan(0);
    const other = await call(t.app, ubndClerk, 'GET', `/api/agencies/${t.agencies.snv}`);
    expectNotFound(other);
    expect(other.json()).toEqual((await call(t.app, ubndClerk, 'GET', `/api/agencies/${missing}`)).json());
  });

  it('users: the list and the record of another agency answer 404', async () => {
    expectEveryOf((await call(t.app, ubndClerk, 'GET', '/api/users')).json(), (u: { agencyId: string }) => u.agencyId === t.agencies.ubnd);
    expectNotFound(await call(t.app, ubndClerk, 'GET', `/api/users?agencyId=${t.agencies.snv}`));
    expectNotFound(await call(t.app, ubndClerk, 'GET', `/api/users/${snvUserId}`));
  });

  it('files: metadata and content of another agency answer 404', async () => {
    expect((await call(t.app, snvClerk, 'GET', `/api/files/${snvFileId}`)).statusCode).toBe(200);
    expectNotFound(await call(t.app, ubndClerk, 'GET', `/api/files/${snvFileId}`));
    expectNotFound(await call(t.app, ubndClerk, 'GET', `/api/files/${snvFileId}/content`));
  });

  it('audit: an agency head reads only their own agency; a clerk reads none', async () => {
    const head = await login(t.app, 'chutich.ubnd');
    const own = await call(t.app, head, 'GET', '/api/audit');
    expect(own.statusCode).toBe(200);
    expectEveryOf(own.json(), (e: { agencyId: string }) => e.agencyId === t.agencies.ubnd);
    expectNotFound(await call(t.app, head, 'GET', `/api/audit?agencyId=${t.agencies.snv}`));
    expect((await call(t.app, ubndClerk, 'GET', '/api/audit')).statusCode).toBe(403);
  });

  it('admin writes: a non-admin cannot change agencies, units, users or the calendar', async () => {
    const head = await login(t.app, 'giamdoc.snv');
    const attempts = [
      call(t.app, head, 'PATCH', `/api/agencies/${t.agencies.snv}`, { name: 'Sở bị sửa' }),
      call(t.app, head, 'POST', `/api/agencies/${t.agencies.snv}/units`, { name: 'Phòng mới', abbreviation: 'PM' }),
      call(t.app, head, 'POST', '/api/users', { username: 'moi', fullName: 'Người mới', password: 'MatKhau2026', agencyId: t.agencies.snv, roles: ['staff'] }),
      call(t.app, head, 'PATCH', `/api/users/${snvUserId}`, { roles: ['admin'] }),
      call(t.app, head, 'POST', '/api/calendar/overrides', { date: '2026-09-01', kind: 'holiday', name: 'Nghỉ Quốc khánh' }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
  });

  it('the province-wide inspector reads every agency\'s directory and log but changes none and opens none of its files', async () => {
    expect((await call(t.app, inspector, 'GET', `/api/agencies/${t.agencies.ubnd}`)).statusCode).toBe(200);
    expectEveryOf((await call(t.app, inspector, 'GET', `/api/users?agencyId=${t.agencies.skhcn}`)).json(), (u: { agencyId: string }) => u.agencyId === t.agencies.skhcn);
    expectEveryOf((await call(t.app, inspector, 'GET', `/api/audit?agencyId=${t.agencies.ubnd}`)).json(), (e: { agencyId: string }) => e.agencyId === t.agencies.ubnd);
    const change = await call(t.app, inspector, 'PATCH', `/api/agencies/${t.agencies.ubnd}`, { name: 'Tên mới của tỉnh' });
    expect([change.statusCode, change.json().code]).toEqual([403, 'READ_ONLY_ROLE']);
    expectNotFound(await call(t.app, inspector, 'GET', `/api/files/${snvFileId}`));
  });
});
