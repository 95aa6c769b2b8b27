import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../test/harness/engines.js';
import { call, login, type Session } from '../../test/harness/app.js';
import { draftBody, draftPdf, issue, setupOutgoing, throughSigning, upload, type OutgoingFixture } from './testkit.js';

type Row = { id: string; delivery: Record<string, number> };
const ZERO = { total: 0, waiting: 0, delivered: 0, received: 0, returned: 0, processing: 0, finished: 0, recalled: 0 };

describeEngines('delivery status board', (db) => {
  let fx: OutgoingFixture;
  let skhcn: Session;
  const list = async (query: string): Promise<Row[]> => {
    const res = await call(fx.t.app, fx.s.clerk, 'GET', `/api/outgoing?${query}&limit=500`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json();
  };
  const counts = async (id: string) => (await list('queue=issued')).find((r) => r.id === id)?.delivery;
  const ids = async (query: string) => (await list(query)).map((r) => r.id);
  /** The recipient clerk's inbox item of a document, by its summary. */
  const inboxItem = async (s: Session, subject: string) =>
    (await call(fx.t.app, s, 'GET', '/api/incoming/inbox')).json().find((i: { envelope: { subject: string } }) => i.envelope.subject === subject);

  beforeAll(async () => {
    fx = await setupOutgoing(db());
    skhcn = await login(fx.t.app, 'vanthu.skhcn');
  });
  afterAll(() => fx.close());

  it('[Q-12.3c] [Q-6.2c] each issued document counts its recipients by status: after delivery, after a recipient registers, after a return', async () => {
    const { t, s } = fx;
    const summary = 'Về việc theo dõi tình trạng gửi văn bản đến ba nơi nhận';
    const id = await throughSigning(fx, { summary, recipientAgencyIds: [t.agencies.ubnd, t.agencies.skhcn], externalRecipients: ['Bộ Nội vụ'] });
    // Before issue the recipients are only planned.
    expect((await list('queue=issue')).find((r) => r.id === id)?.delivery).toEqual({ ...ZERO, total: 3, waiting: 3 });
    await issue(fx, id);
    expect(await counts(id)).toEqual({ ...ZERO, total: 3, waiting: 1, delivered: 2 });

    expect((await call(t.app, s.ubnd, 'POST', `/api/incoming/inbox/${(await inboxItem(s.ubnd, summary)).id}/register`, {})).statusCode).toBe(201);
    expect(await counts(id)).toEqual({ ...ZERO, total: 3, waiting: 1, delivered: 1, received: 1 });

    expect((await call(t.app, skhcn, 'POST', `/api/incoming/inbox/${(await inboxItem(skhcn, summary)).id}/return`, { reason: 'Không thuộc thẩm quyền' })).statusCode).toBe(200);
    expect(await counts(id)).toEqual({ ...ZERO, total: 3, waiting: 1, received: 1, returned: 1 });
    // The detail's recipients tell the same story one by one.
    const recipients = (await call(t.app, s.clerk, 'GET', `/api/outgoing/${id}`)).json().recipients.map((r: { status: string }) => r.status).sort();
    expect(recipients).toEqual(['received', 'returned', 'waiting_exchange']);
  });

  it('[Q-12.3c] the filter: pending = someone has not registered it yet, returned = someone returned it, done = all registered or further', async () => {
    const { t, s } = fx;
    const mixedSummary = 'Về việc văn bản vừa bị trả lại vừa chờ nơi nhận';
    const mixed = await throughSigning(fx, { summary: mixedSummary, recipientAgencyIds: [t.agencies.ubnd, t.agencies.skhcn], externalRecipients: [] });
    await issue(fx, mixed);
    const doneSummary = 'Về việc văn bản mọi nơi nhận đã vào sổ đến';
    const done = await throughSigning(fx, { summary: doneSummary, recipientAgencyIds: [t.agencies.ubnd], externalRecipients: [] });
    await issue(fx, done);
    const fileId = await upload(fx, s.drafter, 'du-thao.pdf', await draftPdf());
    const draft = (await call(t.app, s.drafter, 'POST', '/api/outgoing', draftBody(fx, fileId))).json().id;

    expect(await ids('queue=issued&delivery=pending')).toEqual(expect.arrayContaining([mixed, done]));
    expect(await ids('queue=issued&delivery=done')).not.toContain(done);
    await call(t.app, skhcn, 'POST', `/api/incoming/inbox/${(await inboxItem(skhcn, mixedSummary)).id}/return`, { reason: 'Gửi nhầm cơ quan' });
    await call(t.app, s.ubnd, 'POST', `/api/incoming/inbox/${(await inboxItem(s.ubnd, doneSummary)).id}/register`, {});

    const pending = await ids('queue=issued&delivery=pending');
    const returned = await ids('queue=issued&delivery=returned');
    const finished = await ids('queue=issued&delivery=done');
    expect(pending).toContain(mixed); // UBND has it delivered, not yet registered
    expect(returned).toContain(mixed);
    expect(finished).not.toContain(mixed);
    expect(finished).toContain(done);
    expect([...pending, ...returned]).not.toContain(done);
    // Every row the filter gives agrees with its own counts.
    for (const row of await list('queue=issued&delivery=done')) expect(row.delivery.waiting + row.delivery.delivered + row.delivery.returned).toBe(0);
    for (const row of await list('queue=issued&delivery=pending')) expect(row.delivery.waiting + row.delivery.delivered).toBeGreaterThan(0);
    // The board is about documents that went out: a draft is in no delivery filter, whatever the queue.
    for (const filter of ['pending', 'returned', 'done']) expect(await ids(`delivery=${filter}`)).not.toContain(draft);
    expect((await call(t.app, s.clerk, 'GET', '/api/outgoing?delivery=late')).statusCode).toBe(400);
    // A recipient agency answers with its own list: another agency's documents are not counted there.
    expect((await call(t.app, s.ubnd, 'GET', '/api/outgoing?queue=issued&delivery=pending')).json().map((r: Row) => r.id)).not.toContain(mixed);
  });
});
