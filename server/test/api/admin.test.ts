import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../harness/engines.js';
import { call, login, startTestApp, type Session, type TestApp } from '../harness/app.js';

describeEngines('administration of agencies, units, users and the calendar', (db) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp(db());
    admin = await login(t.app, 'admin');
  });
  afterAll(async () => t.close());

  it('the demo province has the agencies and users the README lists', async () => {
    const agencies = (await call(t.app, admin, 'GET', '/api/agencies')).json();
    expect(agencies.map((a: { name: string }) => a.name)).toEqual(
      expect.arrayContaining(['Ủy ban nhân dân tỉnh Thái Nguyên', 'Văn phòng Ủy ban nhân dân tỉnh Thái Nguyên', 'Sở Nội vụ tỉnh Thái Nguyên', 'Sở Khoa học và Công nghệ tỉnh Thái Nguyên', 'Sở Tài chính tỉnh Thái Nguyên', 'Ủy ban nhân dân phường Phan Đình Phùng', 'Ủy ban nhân dân xã Phú Bình']),
    );
    const ubnd = agencies.find((a: { code: string }) => a.code === '000.00.00.H55');
    expect(ubnd).toMatchObject({ parentId: null, abbreviation: 'UBND', adminCode: 'H55' });
    expect(agencies.filter((a: { parentId: string | null }) => a.parentId === ubnd.id)).toHaveLength(6);
    const expected: Record<string, string[]> = {
      admin: ['admin'], 'vanthu.snv': ['clerk'], 'giamdoc.snv': ['agency_head'], 'truongphong.snv': ['unit_head'],
      'chuyenvien.snv': ['staff'], 'luutru.snv': ['archivist'], 'vanthu.ubnd': ['clerk'], 'thanhtra.snv': ['inspector'],
    };
    for (const [username, roles] of Object.entries(expected)) {
      const me = (await call(t.app, await login(t.app, username), 'GET', '/api/auth/me')).json();
      expect(me.roles, username).toEqual(roles);
      expect(me.agency.code).toBe(username.endsWith('.ubnd') ? '000.00.00.H55' : '000.00.05.H55');
    }
  });

  it('creates an agency in the tree with both codes, and refuses a duplicate code or a cycle', async () => {
    const created = await call(t.app, admin, 'POST', '/api/agencies', { parentId: t.agencies.ubnd, code: '000.00.20.H55', adminCode: 'H55.20', name: 'Sở Xây dựng tỉnh Thái Nguyên', abbreviation: 'SXD' });
    expect(created.statusCode).toBe(201);
    const dup = await call(t.app, admin, 'POST', '/api/agencies', { code: '000.00.20.H55', adminCode: 'H55.21', name: 'Trùng mã', abbreviation: 'TM' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toMatch(/đã tồn tại/);
    const cycle = await call(t.app, admin, 'PATCH', `/api/agencies/${t.agencies.ubnd}`, { parentId: created.json().id });
    expect(cycle.statusCode).toBe(400);
    const badCode = await call(t.app, admin, 'POST', '/api/agencies', { code: 'H55.000.00.00', adminCode: 'H55.22', name: 'Sai mã', abbreviation: 'SM' });
    expect(badCode.statusCode).toBe(400);
  });

  it('adds a unit and a user placed in it; the new user logs in with the given password', async () => {
    const unit = await call(t.app, admin, 'POST', `/api/agencies/${t.agencies.skhcn}/units`, { name: 'Phòng Kế hoạch - Tài chính', abbreviation: 'KHTC' });
    expect(unit.statusCode).toBe(201);
    const user = await call(t.app, admin, 'POST', '/api/users', {
      username: 'ketoan.skhcn', fullName: 'Vi Thị Kế', password: 'KeToan2026', agencyId: t.agencies.skhcn, unitId: unit.json().id, positionTitle: 'Kế toán viên', roles: ['staff'],
    });
    expect(user.statusCode).toBe(201);
    const me = (await call(t.app, await login(t.app, 'ketoan.skhcn', 'KeToan2026'), 'GET', '/api/auth/me')).json();
    expect(me).toMatchObject({ unit: { abbreviation: 'KHTC' }, agency: { abbreviation: 'SKHCN' }, user: { positionTitle: 'Kế toán viên' } });
  });

  it('refuses a user in a unit of another agency, a taken username and a weak password', async () => {
    const snvUnits = (await call(t.app, admin, 'GET', `/api/agencies/${t.agencies.snv}`)).json().units;
    const base = { fullName: 'Người Thử', password: 'MatKhau2026', agencyId: t.agencies.stc, roles: ['staff'] };
    const wrongUnit = await call(t.app, admin, 'POST', '/api/users', { ...base, username: 'thu1', unitId: snvUnits[0].id });
    expect(wrongUnit.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Đơn vị không thuộc cơ quan đã chọn.' });
    expect((await call(t.app, admin, 'POST', '/api/users', { ...base, username: 'vanthu.snv' })).statusCode).toBe(409);
    expect((await call(t.app, admin, 'POST', '/api/users', { ...base, username: 'thu2', password: 'abc' })).json().message).toMatch(/ít nhất 8/);
    expect((await call(t.app, admin, 'POST', '/api/users', { ...base, username: 'thu3', roles: ['king'] })).statusCode).toBe(400);
  });

  it('[Q-6.2b] the working-day calendar: holidays from the lunar calendar and the overrides an admin enters', async () => {
    const year = (await call(t.app, admin, 'GET', '/api/calendar/2026')).json();
    const day = (d: string) => year.days.find((x: { date: string }) => x.date === d);
    expect(day('2026-02-17')).toMatchObject({ working: false, name: 'Tết Âm lịch' });
    expect(day('2026-04-27')).toMatchObject({ working: false, reason: 'compensatory' });
    const add = await call(t.app, admin, 'POST', '/api/calendar/overrides', { date: '2026-09-01', kind: 'holiday', name: 'Nghỉ Quốc khánh (ngày thứ hai)' });
    expect(add.statusCode).toBe(201);
    expect((await call(t.app, admin, 'POST', '/api/calendar/overrides', { date: '2026-09-01', kind: 'working', name: 'Trùng' })).statusCode).toBe(409);
    const after = (await call(t.app, admin, 'GET', '/api/calendar/2026')).json();
    expect(after.days.find((x: { date: string }) => x.date === '2026-09-01')).toMatchObject({ working: false, reason: 'override-holiday' });
    expect((await call(t.app, admin, 'DELETE', '/api/calendar/overrides/2026-09-01')).statusCode).toBe(200);
    expect((await call(t.app, admin, 'DELETE', '/api/calendar/overrides/2026-09-01')).statusCode).toBe(404);
  });

  it('every change is in the audit log with actor, agency, object and address', async () => {
    const log = (await call(t.app, admin, 'GET', '/api/audit?action=user.create&limit=5')).json();
    expect(log[0]).toMatchObject({ action: 'user.create', actorName: 'admin', objectType: 'user', ip: '127.0.0.1' });
    const verify = (await call(t.app, admin, 'GET', '/api/audit/verify')).json();
    expect(verify).toMatchObject({ problemCount: 0, problems: [] });
    expect(verify.checked).toBeGreaterThan(30);
  });
});
