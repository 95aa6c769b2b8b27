import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { TSchema } from 'typebox';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../test/harness/engines.js';
import { call, login, startTestApp, type Session, type TestApp } from '../../test/harness/app.js';
import { multipart } from '../../test/harness/samples.js';
import { CancelIncoming, RegisterIncoming } from './schemas.js';
import { AssignStaff, Direct, Extension, Finish, Note, Reason } from './routing-schemas.js';
import { RegisterFromInbox, ReturnToSender } from './inbox-routes.js';

/** Every string property of an object schema with its maxLength (also inside Optional and `T | null`). */
function boundedStrings(schema: TSchema): [string, number][] {
  type Node = { maxLength?: number; anyOf?: Node[]; properties?: Record<string, Node> };
  const max = (s: Node): number | undefined => (typeof s.maxLength === 'number' ? s.maxLength : s.anyOf?.map(max).find((m) => m !== undefined));
  return Object.entries((schema as Node).properties ?? {}).flatMap(([name, s]) => {
    const m = max(s);
    return m === undefined ? [] : [[name, m] as [string, number]];
  });
}

describeEngines('bad input to incoming registration and routing', (db) => {
  let t: TestApp;
  let clerk: Session, head: Session, unitHead: Session, staff: Session;
  const users: Record<string, string> = {};
  const units: Record<string, string> = {};
  const base = { source: 'paper', issuerName: 'Bộ Nội vụ', typeName: 'Công văn', subject: 'Về việc kiểm tra dữ liệu nhập sai' };
  const lastNumber = async () => ((await call(t.app, clerk, 'GET', '/api/incoming?limit=1')).json()[0]?.arrivalNumber ?? 0) as number;
  const upload = (name: string, content: Buffer) => {
    const body = multipart(name, content);
    return t.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf, 'content-type': body.contentType }, payload: body.payload });
  };

  beforeAll(async () => {
    t = await startTestApp(db());
    t.clock.set('2026-05-05T08:00:00+07:00'); // Tuesday
    [clerk, head, unitHead, staff] = await Promise.all(['vanthu.snv', 'giamdoc.snv', 'truongphong.snv', 'chuyenvien.snv'].map((u) => login(t.app, u)));
    for (const u of (await call(t.app, clerk, 'GET', '/api/users')).json()) users[u.username] = u.id;
    for (const u of (await call(t.app, clerk, 'GET', `/api/agencies/${t.agencies.snv}`)).json().units) units[u.abbreviation] = u.id;
  });
  afterAll(async () => t.close());

  it('[Q-11.2a] [Q-11.1b] every bounded field of a registration, one character too long, is refused naming the field and uses no number', async () => {
    const fields = boundedStrings(RegisterIncoming);
    // The table is the schema's: NĐ30 Appendix VI lengths, and nothing bounded is forgotten.
    expect(Object.fromEntries(fields)).toMatchObject({ issuerName: 200, typeName: 100, codeNumber: 11, codeNotation: 30, subject: 500, description: 500, signerName: 50 });
    const before = await lastNumber();
    for (const [field, max] of fields) {
      const res = await call(t.app, clerk, 'POST', '/api/incoming', { ...base, [field]: 'ệ'.repeat(max + 1) });
      expect(res.statusCode, field).toBe(400);
      expect(res.json(), field).toMatchObject({ code: 'VALIDATION_FAILED', details: expect.arrayContaining([expect.objectContaining({ field: `body/${field}`, rule: 'maxLength', params: { limit: max } })]) });
    }
    expect(await lastNumber()).toBe(before);
    // Exactly at the limit (Vietnamese letters count as one character each) the database keeps it all.
    const atLimit = Object.fromEntries(fields.map(([field, max]) => [field, 'ệ'.repeat(max)]));
    const ok = await call(t.app, clerk, 'POST', '/api/incoming', { ...base, ...atLimit });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ arrivalNumber: before + 1, subject: 'ệ'.repeat(500), codeNotation: 'ệ'.repeat(30) });
  });

  it('[Q-11.3đ] every bounded comment, note and reason of routing and of the inbox, one character too long, is refused naming the field; nothing changes', async () => {
    const doc = (await call(t.app, clerk, 'POST', '/api/incoming', { ...base, subject: 'Về việc kiểm tra ý kiến quá dài' })).json().id as string;
    expect((await call(t.app, head, 'POST', `/api/incoming/${doc}/direct`, { lead: { unitId: units.VTLT } })).statusCode).toBe(200);
    const routing = async () => (await call(t.app, clerk, 'GET', `/api/incoming/${doc}/routing`)).json();
    const unitTask = (await routing()).assignments[0].id as string;
    expect((await call(t.app, unitHead, 'POST', `/api/incoming/assignments/${unitTask}/assign`, { userId: users['chuyenvien.snv'] })).statusCode).toBe(200);
    const staffTask = (await routing()).assignments.find((a: { parentId: string | null }) => a.parentId === unitTask).id as string;
    const bodies: { what: string; schema: TSchema; session: Session; url: string; valid: Record<string, unknown> }[] = [
      { what: 'direct', schema: Direct, session: head, url: `/${doc}/direct`, valid: { lead: { unitId: units.TCBC } } },
      { what: 'return to clerk', schema: Reason, session: head, url: `/${doc}/return`, valid: { reason: 'Gửi nhầm' } },
      { what: 'assign', schema: AssignStaff, session: unitHead, url: `/assignments/${unitTask}/assign`, valid: { userId: users['chuyenvien.snv'] } },
      { what: 'progress', schema: Note, session: staff, url: `/assignments/${staffTask}/progress`, valid: { note: 'Đang làm' } },
      { what: 'finish', schema: Finish, session: staff, url: `/assignments/${staffTask}/finish`, valid: { result: 'Xong' } },
      { what: 'recall', schema: Reason, session: unitHead, url: `/assignments/${staffTask}/recall`, valid: { reason: 'Giao lại' } },
      { what: 'extension', schema: Extension, session: staff, url: `/assignments/${staffTask}/extension-request`, valid: { until: '2026-06-30', reason: 'Chờ số liệu' } },
      { what: 'cancel', schema: CancelIncoming, session: clerk, url: `/${doc}/cancel`, valid: { reason: 'Đăng ký nhầm' } },
      { what: 'inbox return', schema: ReturnToSender, session: clerk, url: `/inbox/${randomUUID()}/return`, valid: { reason: 'Gửi nhầm cơ quan' } },
      { what: 'inbox register', schema: RegisterFromInbox, session: clerk, url: `/inbox/${randomUUID()}/register`, valid: {} },
    ];
    const timeline = async () => (await call(t.app, clerk, 'GET', `/api/incoming/${doc}/timeline`)).json();
    const [routingBefore, timelineBefore] = [await routing(), await timeline()];
    let checked = 0;
    for (const b of bodies) {
      const fields = boundedStrings(b.schema);
      expect(fields.length, b.what).toBeGreaterThan(0);
      for (const [field, max] of fields) {
        const res = await call(t.app, b.session, 'POST', `/api/incoming${b.url}`, { ...b.valid, [field]: 'ệ'.repeat(max + 1) });
        expect(res.statusCode, `${b.what}: ${field}`).toBe(400);
        expect(res.json(), `${b.what}: ${field}`).toMatchObject({ code: 'VALIDATION_FAILED', details: expect.arrayContaining([expect.objectContaining({ field: `body/${field}`, rule: 'maxLength', params: { limit: max } })]) });
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(bodies.length);
    expect(await routing()).toEqual(routingBefore);
    expect(await timeline()).toEqual(timelineBefore);
    expect((await call(t.app, clerk, 'GET', `/api/incoming/${doc}`)).json().status).toBe('registered');
  });

  it('[Q-9.3] [Q-11.1b] a 0-byte upload is refused; a "%PDF-" file that is no PDF is refused as the main file and uses no number', async () => {
    const empty = await upload('rong.pdf', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'EMPTY_FILE', message: expect.stringMatching(/rỗng \(0 byte\)/) });

    const garbage = await upload('rac.pdf', Buffer.from(`%PDF-1.7\n${'không phải PDF, chỉ là rác '.repeat(20)}`));
    expect(garbage.statusCode).toBe(201);
    const before = await lastNumber();
    const electronic = await call(t.app, clerk, 'POST', '/api/incoming', { ...base, source: 'upload', mainFileId: garbage.json().id, subject: 'Về việc tệp hỏng' });
    expect(electronic.statusCode).toBe(422);
    expect(electronic.json()).toMatchObject({ code: 'SIGNATURE_INVALID', message: expect.stringMatching(/Tệp PDF bị hỏng/), details: { indication: 'INVALID', subIndication: 'FORMAT_FAILURE' } });
    const paper = await call(t.app, clerk, 'POST', '/api/incoming', { ...base, mainFileId: garbage.json().id, subject: 'Về việc bản số hóa hỏng' });
    expect(paper.statusCode).toBe(400);
    expect(paper.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/Bản số hóa chưa đạt chuẩn/), details: [{ field: 'mainFileId', code: 'UNREADABLE' }] });
    expect(await lastNumber()).toBe(before);
    expect((await call(t.app, clerk, 'POST', '/api/incoming', base)).json().arrivalNumber).toBe(before + 1);
  });

  it('[Q-11.1b] the database refuses to delete a registered entry, even outside the application; cancelling still works', async () => {
    const doc = (await call(t.app, clerk, 'POST', '/api/incoming', { ...base, subject: 'Về việc thử xóa khỏi sổ' })).json();
    await expect(sql`delete from incoming_document where id = ${doc.id}`.execute(db().db)).rejects.toThrow(/never deleted/);
    await expect(sql`truncate incoming_document cascade`.execute(db().db)).rejects.toThrow(/never deleted/);
    expect((await call(t.app, clerk, 'GET', `/api/incoming/${doc.id}`)).json()).toMatchObject({ arrivalNumber: doc.arrivalNumber, status: 'registered' });
    const cancelled = await call(t.app, clerk, 'POST', `/api/incoming/${doc.id}/cancel`, { reason: 'Đăng ký nhầm văn bản' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', arrivalNumber: doc.arrivalNumber });
  });
});
