import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../test/harness/engines.js';
import { call, login, startTestApp, type Session, type TestApp } from '../../test/harness/app.js';

/**
 * GET /api/incoming: the register's filters, alone and together. Four documents are registered up
 * front (numbers 1–4); the queue test at the end registers its own and looks at those only.
 */
describeEngines('the incoming list and its filters', (db) => {
  let t: TestApp;
  let clerk: Session, head: Session;
  let headId = '';
  const ids: string[] = [];

  const register = async (over: Record<string, unknown>) => {
    const res = await call(t.app, clerk, 'POST', '/api/incoming', { source: 'paper', issuerName: 'Ủy ban nhân dân tỉnh Thái Nguyên', typeName: 'Công văn', ...over });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  /** The số đến the list answers for this query string, in the list's order (newest first). */
  const numbers = async (query: string) => {
    const res = await call(t.app, clerk, 'GET', `/api/incoming?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().map((d: { arrivalNumber: number }) => d.arrivalNumber);
  };

  beforeAll(async () => {
    t = await startTestApp(db());
    t.clock.set('2026-05-20T09:00:00+07:00');
    [clerk, head] = await Promise.all([login(t.app, 'vanthu.snv'), login(t.app, 'giamdoc.snv')]);
    headId = (await call(t.app, clerk, 'GET', '/api/users')).json().find((u: { username: string }) => u.username === 'giamdoc.snv').id;
    // 1: early March, ordinary.
    ids.push(await register({ arrivedAt: '2026-03-02T10:00:00+07:00', issuedDate: '2026-02-25', codeNumber: '11', codeNotation: 'SNV-TCBC', subject: 'Về việc tuyển dụng công chức năm 2026' }));
    // 2: the last evening of March, Khẩn.
    ids.push(await register({ arrivedAt: '2026-03-31T23:30:00+07:00', issuedDate: '2026-03-30', codeNumber: '245', codeNotation: 'UBND-VP', subject: 'Về việc kiểm tra công tác văn thư', urgency: 1 }));
    // 3: a quarter past midnight on 1 April in Vietnam, still 31 March in UTC; no date on the document.
    ids.push(await register({ arrivedAt: '2026-03-31T17:15:00Z', codeNumber: '88', codeNotation: 'CĐ-UBND', subject: 'Về việc phòng, chống lụt bão', urgency: 3, typeName: 'Công điện' }));
    // 4: today, Khẩn, then cancelled.
    ids.push(await register({ issuedDate: '2026-05-18', codeNumber: '301', codeNotation: 'UBND-KT', subject: 'Về việc kiểm tra công tác văn thư (bản gửi nhầm)', urgency: 1 }));
    expect((await call(t.app, clerk, 'POST', `/api/incoming/${ids[3]}/cancel`, { reason: 'Đăng ký nhầm văn bản' })).statusCode).toBe(200);
  });
  afterAll(async () => t.close());

  it('[Q-3.7] lists the year newest first and narrows by urgency and status', async () => {
    expect(await numbers('')).toEqual([4, 3, 2, 1]);
    expect(await numbers('urgency=1')).toEqual([4, 2]);
    expect(await numbers('urgency=0')).toEqual([1]);
    expect(await numbers('status=cancelled')).toEqual([4]);
    expect(await numbers('status=registered&urgency=1')).toEqual([2]);
    expect(await numbers('year=2025')).toEqual([]);
  });

  it('[Q-3.7] narrows by a range of số đến, bounds included, and pages with limit and offset', async () => {
    expect(await numbers('fromNumber=2&toNumber=3')).toEqual([3, 2]);
    expect(await numbers('fromNumber=3')).toEqual([4, 3]);
    expect(await numbers('toNumber=1')).toEqual([1]);
    expect(await numbers('limit=2&offset=1')).toEqual([3, 2]);
  });

  it('[Q-3.7] [Q-11.2a] narrows by arrival date in Vietnam time, bounds included', async () => {
    expect(await numbers('fromDate=2026-03-31&toDate=2026-03-31')).toEqual([2]);
    expect(await numbers('fromDate=2026-04-01')).toEqual([4, 3]);
    expect(await numbers('toDate=2026-03-31')).toEqual([2, 1]);
    expect(await numbers('fromDate=2026-03-02&toDate=2026-03-02')).toEqual([1]);
    expect(await numbers('fromDate=2026-04-02&toDate=2026-05-19')).toEqual([]);
  });

  it('[Q-3.7] narrows by the date of the document; one without a date is left out of any range', async () => {
    expect(await numbers('issuedFrom=2026-03-01')).toEqual([4, 2]);
    expect(await numbers('issuedTo=2026-02-28')).toEqual([1]);
    expect(await numbers('issuedFrom=2026-02-25&issuedTo=2026-03-30')).toEqual([2, 1]);
  });

  it('[Q-3.7] searches number, symbol, issuer and summary with or without diacritics, and combines with the other filters', async () => {
    expect(await numbers(`q=${encodeURIComponent('lut bao')}`)).toEqual([3]);
    expect(await numbers(`q=${encodeURIComponent('11/snv-tcbc')}`)).toEqual([1]);
    expect(await numbers(`q=${encodeURIComponent('kiểm tra công tác văn thư')}`)).toEqual([4, 2]);
    expect(await numbers(`q=${encodeURIComponent('kiem tra cong tac van thu')}&status=registered`)).toEqual([2]);
    expect(await numbers(`q=${encodeURIComponent('kiểm tra')}&fromDate=2026-04-01`)).toEqual([4]);
    expect(await numbers(`q=${encodeURIComponent('không có văn bản nào như vậy')}`)).toEqual([]);
  });

  it('refuses a reversed date range with a Vietnamese message naming the field, and malformed values', async () => {
    const arrival = await call(t.app, clerk, 'GET', '/api/incoming?fromDate=2026-04-10&toDate=2026-04-01');
    expect(arrival.statusCode).toBe(400);
    expect(arrival.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Ngày đến (đến ngày) không được trước ngày bắt đầu.', details: [{ field: 'toDate' }] });
    const issued = await call(t.app, clerk, 'GET', '/api/incoming?issuedFrom=2026-04-10&issuedTo=2026-04-09');
    expect(issued.statusCode).toBe(400);
    expect(issued.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Ngày văn bản (đến ngày) không được trước ngày bắt đầu.', details: [{ field: 'issuedTo' }] });
    for (const bad of ['fromDate=2026-13-01', 'toDate=31/03/2026', 'urgency=7', 'status=draft', 'routingState=lost', 'returned=maybe', 'fromNumber=0']) {
      expect((await call(t.app, clerk, 'GET', `/api/incoming?${bad}`)).statusCode, bad).toBe(400);
    }
  });

  it("another agency's clerk sees none of these documents", async () => {
    const other = await login(t.app, 'vanthu.ubnd');
    const res = await call(t.app, other, 'GET', `/api/incoming?${ids.map((id) => `ids=${id}`).join('&')}`);
    expect(res.json()).toEqual([]);
  });

  it('[Q-11.3a] the clerk\'s queues: to present (never sent back) and returned (sent back, not presented again)', async () => {
    const present = (id: string) => call(t.app, clerk, 'POST', `/api/incoming/${id}/present`, { toUserId: headId });
    const giveBack = (id: string) => call(t.app, head, 'POST', `/api/incoming/${id}/return`, { reason: 'Văn bản gửi nhầm cơ quan, đề nghị văn thư trả lại nơi gửi' });
    const fresh = await register({ subject: 'Về việc báo cáo số liệu thống kê', codeNumber: '501' });
    const sentBack = await register({ subject: 'Về việc xin ý kiến dự thảo quy chế', codeNumber: '502' });
    const again = await register({ subject: 'Về việc góp ý dự thảo đề án', codeNumber: '503' });
    const waiting = await register({ subject: 'Về việc cử cán bộ dự tập huấn', codeNumber: '504' });
    for (const id of [sentBack, again, waiting]) expect((await present(id)).statusCode).toBe(200);
    for (const id of [sentBack, again]) expect((await giveBack(id)).statusCode).toBe(200);
    expect((await present(again)).statusCode).toBe(200);

    const mine = [fresh, sentBack, again, waiting].map((id) => `ids=${id}`).join('&');
    const queue = async (query: string) => (await call(t.app, clerk, 'GET', `/api/incoming?${mine}&${query}`)).json().map((d: { id: string }) => d.id);
    expect(await queue('routingState=registered&returned=false')).toEqual([fresh]);
    expect(await queue('returned=true')).toEqual([sentBack]);
    expect(await queue('routingState=presented')).toEqual([waiting, again]);
    expect((await queue('returned=false')).sort()).toEqual([fresh, again, waiting].sort());
    // Across the whole register, too: only the one sent back waits in that queue.
    expect((await call(t.app, clerk, 'GET', '/api/incoming?returned=true')).json().map((d: { id: string; routingState: string }) => [d.id, d.routingState])).toEqual([[sentBack, 'registered']]);
  });
});
