import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../test/harness/engines.js';
import { AGENCY_CODES, call, type Session } from '../../test/harness/app.js';
import { issue, setupOutgoing, throughSigning, upload, type OutgoingFixture } from '../outgoing/testkit.js';

/**
 * Documents delivered by another agency of the deployment (the outgoing module's delivery): the
 * receipt checks of Q-6.1d, the urgency of the envelope, and the reply link back to the register.
 */
describeEngines('receiving delivered documents', (db) => {
  let fx: OutgoingFixture;
  let admin: Session;
  const inboxItem = async (subject: string) => (await call(fx.t.app, fx.s.ubnd, 'GET', '/api/incoming/inbox')).json().find((i: { envelope: { subject: string } }) => i.envelope.subject === subject);
  const recipientAtUbnd = async (outgoingId: string) => (await call(fx.t.app, fx.s.clerk, 'GET', `/api/outgoing/${outgoingId}`)).json().recipients.find((r: { agencyId: string | null }) => r.agencyId === fx.t.agencies.ubnd);
  const lastNumber = async () => ((await call(fx.t.app, fx.s.ubnd, 'GET', '/api/incoming?limit=1')).json()[0]?.arrivalNumber ?? 0) as number;
  /** Issues a document of Sở Nội vụ to UBND tỉnh; answers its id and UBND's inbox item. */
  const deliver = async (summary: string) => {
    const id = await throughSigning(fx, { summary });
    await issue(fx, id);
    return { id, item: await inboxItem(summary) };
  };
  const changeEnvelope = (itemId: string, patch: Record<string, unknown>) => sql`update incoming_inbox set envelope = envelope || ${JSON.stringify(patch)}::jsonb where id = ${itemId}`.execute(db().db);

  beforeAll(async () => {
    fx = await setupOutgoing(db());
    admin = fx.s.admin;
  });
  afterAll(async () => fx.close());

  it('[Q-6.1d] a delivered document altered after signing is returned to its sender at once with the reason, logged, and uses no number', async () => {
    const { t, s } = fx;
    const { id, item } = await deliver('Về việc văn bản bị sửa sau khi ký');
    // The copy that reached UBND was changed on the way: one byte of the signed content flipped.
    const signed = (await call(t.app, s.ubnd, 'GET', `/api/files/${item.mainFileId}/content`)).rawPayload;
    const tampered = Buffer.from(signed);
    tampered[200] ^= 0x01;
    const altered = await upload(fx, s.ubnd, 'bi-sua.pdf', tampered);
    await sql`update incoming_inbox set main_file_id = ${altered} where id = ${item.id}`.execute(db().db);
    const before = await lastNumber();

    const res = await call(t.app, s.ubnd, 'POST', `/api/incoming/inbox/${item.id}/register`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'SIGNATURE_INVALID',
      message: expect.stringMatching(/chữ ký số không hợp lệ.*tự động trả lại cơ quan gửi/s),
      details: { indication: 'INVALID', returnedToSender: true, reason: expect.stringMatching(/^Chữ ký số không hợp lệ: /) },
    });
    const reason = res.json().details.reason;
    expect((await call(t.app, s.ubnd, 'GET', `/api/incoming/inbox/${item.id}`)).json()).toMatchObject({ state: 'returned', reason, documentId: null });
    expect(await recipientAtUbnd(id)).toMatchObject({ status: 'returned', reason });
    const notices = (await call(t.app, s.clerk, 'GET', '/api/notifications')).json().items;
    expect(notices.find((n: { kind: string; link: string }) => n.kind === 'outgoing.returned_by_recipient' && n.link === `/outgoing/${id}`)).toMatchObject({ urgent: true, title: expect.stringContaining('Chữ ký số không hợp lệ') });
    const audit = (await call(t.app, admin, 'GET', `/api/audit?action=incoming.return&objectId=${item.id}`)).json();
    expect(audit).toEqual([expect.objectContaining({ actorName: 'vanthu.ubnd', details: { reason, automatic: true, cause: 'signature_invalid' } })]);
    expect((await call(t.app, admin, 'GET', `/api/audit?action=incoming.refused_invalid_signature&objectId=${altered}`)).json()).toHaveLength(1);
    expect(await lastNumber()).toBe(before);
    expect((await call(t.app, s.ubnd, 'POST', `/api/incoming/inbox/${item.id}/register`, {})).statusCode).toBe(409);
    expect((await call(t.app, s.ubnd, 'GET', '/api/incoming/inbox')).json().map((i: { id: string }) => i.id)).not.toContain(item.id);
  });

  it('[Q-6.1d] [Q-6.1e] a document whose envelope names other recipients is returned as misaddressed; one naming this agency by code, or recipients by name only (not judged), is registered', async () => {
    const { t, s } = fx;
    const wrong = await deliver('Về việc gửi sai địa chỉ theo nơi nhận');
    await changeEnvelope(wrong.item.id, { recipients: [{ agencyCode: AGENCY_CODES.skhcn, name: 'Sở Khoa học và Công nghệ' }] });
    const before = await lastNumber();
    const res = await call(t.app, s.ubnd, 'POST', `/api/incoming/inbox/${wrong.item.id}/register`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/gửi sai địa chỉ.*Sở Khoa học và Công nghệ.*tự động trả lại/s), details: { returnedToSender: true, cause: 'MISADDRESSED' } });
    const reason = res.json().details.reason;
    expect(reason).toMatch(/^Văn bản không gửi đến .*: nơi nhận ghi trên văn bản là Sở Khoa học và Công nghệ\.$/);
    expect(await recipientAtUbnd(wrong.id)).toMatchObject({ status: 'returned', reason });
    expect((await call(t.app, admin, 'GET', `/api/audit?action=incoming.return&objectId=${wrong.item.id}`)).json()).toEqual([expect.objectContaining({ details: { reason, automatic: true, cause: 'misaddressed' } })]);
    expect(await lastNumber()).toBe(before);

    const byCode = await deliver('Về việc gửi đúng địa chỉ theo mã');
    await changeEnvelope(byCode.item.id, { recipients: [{ agencyCode: AGENCY_CODES.skhcn, name: 'Sở Khoa học và Công nghệ' }, { agencyCode: AGENCY_CODES.ubnd, name: 'UBND tỉnh' }] });
    const byName = await deliver('Về việc gửi đúng địa chỉ theo tên');
    await changeEnvelope(byName.item.id, { recipients: [{ name: 'UBND tỉnh' }] }); // an abbreviation of this agency's name
    for (const ok of [byCode, byName]) {
      const registered = await call(t.app, s.ubnd, 'POST', `/api/incoming/inbox/${ok.item.id}/register`, {});
      expect(registered.statusCode, registered.body).toBe(201);
      expect(await recipientAtUbnd(ok.id)).toMatchObject({ status: 'received', arrivalNumber: registered.json().arrivalNumber });
    }
  });

  it('[Q-6.2b] [Q-11.2a] a delivered Hỏa tốc hẹn giờ document keeps its level and appointed time; level 4 without a time is registered as Hỏa tốc', async () => {
    const { t, s } = fx;
    const timed = await deliver('Về việc họp khẩn có hẹn giờ');
    const appointed = new Date(t.clock.now().getTime() + 3 * 3600 * 1000).toISOString();
    await changeEnvelope(timed.item.id, { urgency: 4, urgentDeadline: appointed });
    const listed = (await call(t.app, s.ubnd, 'GET', '/api/incoming/inbox')).json();
    expect(listed[0]).toMatchObject({ id: timed.item.id, envelope: { urgency: 4, urgentDeadline: appointed } });
    const res = await call(t.app, s.ubnd, 'POST', `/api/incoming/inbox/${timed.item.id}/register`, {});
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ source: 'internal', urgency: 4, urgencyLabel: 'Hỏa tốc hẹn giờ', urgentDeadline: appointed });

    const untimed = await deliver('Về việc hỏa tốc thiếu giờ hẹn');
    await changeEnvelope(untimed.item.id, { urgency: 4 });
    expect((await call(t.app, s.ubnd, 'POST', `/api/incoming/inbox/${untimed.item.id}/register`, {})).json()).toMatchObject({ urgency: 3, urgencyLabel: 'Hỏa tốc', urgentDeadline: null });
  });

  it('[Q-11.3đ] issuing an outgoing reply writes its number and symbol on the incoming document, with a "replied" event on the timeline', async () => {
    const { t, s } = fx;
    const incoming = (
      await call(t.app, s.clerk, 'POST', '/api/incoming', { source: 'paper', issuerName: 'Bộ Nội vụ', typeName: 'Công văn', codeNumber: '77', codeNotation: 'BNV-VTLT', subject: 'Về việc đề nghị báo cáo tình hình ký số' })
    ).json();
    expect(incoming.replyNotation).toBeNull();
    const id = await throughSigning(fx, { summary: 'Về việc báo cáo tình hình ký số (trả lời Công văn số 77/BNV-VTLT)', replyToIncomingId: incoming.id });
    const numbered = await issue(fx, id);
    const after = (await call(t.app, s.clerk, 'GET', `/api/incoming/${incoming.id}`)).json();
    expect(after.replyNotation).toBe(numbered.numberAndNotation);
    const timeline = (await call(t.app, s.clerk, 'GET', `/api/incoming/${incoming.id}/timeline`)).json();
    expect(timeline.at(-1)).toMatchObject({ kind: 'replied', actorId: fx.users['vanthu.snv'], details: { notation: numbered.numberAndNotation, outgoingId: id } });
  });
});
