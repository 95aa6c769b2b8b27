/**
 * Test support: outgoing documents of Sở Nội vụ issued through the real API, with real signatures,
 * over four days (D1, D1+2, D1+4, D1+6), for the register, post-book and report tests to read back.
 *
 *   01/QĐ-SNV     D1  Quyết định, VTLT: UBND (delivered), Bộ Nội vụ (external, waiting)
 *   02/SNV-VTLT   D1  Công văn, VTLT, paper copies (b): UBND, Văn phòng Tỉnh ủy (external)
 *   03/TB-SNV     D2  Thông báo, TCBC: UBND, SKHCN; recalled
 *   01/QĐ-HĐTĐKT  D3  the council's own series: UBND, Bộ Nội vụ
 *   04/KH-SNV     D3  Kế hoạch, VTLT: UBND, which registers it (received)
 *   05/QĐ-SNV     D4  numbered, not yet issued with the organisation's signature
 */
import { sql } from 'kysely';
import { call } from '../../../test/harness/app.js';
import type { DatabaseHandle } from '../../infra/db/create-db.js';
import { addDays, legalDate, legalYear } from '../../infra/time/legal-time.js';
import { issue, setupOutgoing, throughSigning, type OutgoingFixture } from '../testkit.js';

export const COUNCIL = { code: 'HĐTĐKT', name: 'Hội đồng Thi đua - Khen thưởng' } as const;
export const RECALL_REASON = 'Ban hành chưa đúng thẩm quyền';
export const UBND = 'Ủy ban nhân dân tỉnh Thái Nguyên';
export const SKHCN = 'Sở Khoa học và Công nghệ tỉnh Thái Nguyên';
export const VTLT = 'Phòng Văn thư - Lưu trữ';
export const TCBC = 'Phòng Tổ chức, biên chế';

export interface OutgoingHistory {
  fx: OutgoingFixture;
  year: number;
  /** D1 … D4 as 'YYYY-MM-DD'. */
  days: [string, string, string, string];
  close(): Promise<void>;
}

/** Tomorrow (the test certificates begin today), or early January when the week would cross the year's end. */
function firstDay(): string {
  const tomorrow = legalDate(new Date(Date.now() + 86_400_000));
  const year = Number(tomorrow.slice(0, 4));
  return Number(addDays(tomorrow, 6).slice(0, 4)) === year ? tomorrow : `${year + 1}-01-05`;
}

export async function buildOutgoingHistory(handle: DatabaseHandle): Promise<OutgoingHistory> {
  const d1 = firstDay();
  const days: OutgoingHistory['days'] = [d1, addDays(d1, 2), addDays(d1, 4), addDays(d1, 6)];
  const fx = await setupOutgoing(handle, { at: new Date(`${d1}T09:00:00+07:00`) });
  const { t, s } = fx;
  const on = async (day: string) => {
    t.clock.set(`${day}T09:00:00+07:00`);
    await fx.relogin();
  };
  const moveHead = async (unitId: string) => {
    const moved = await call(t.app, s.admin, 'PATCH', `/api/users/${fx.users['truongphong.snv']}`, { unitId });
    if (moved.statusCode !== 200) throw new Error(moved.body);
    await fx.relogin();
  };
  const units = Object.fromEntries((await call(t.app, s.clerk, 'GET', `/api/agencies/${t.agencies.snv}`)).json().units.map((u: { abbreviation: string; id: string }) => [u.abbreviation, u.id]));
  // Series are data the admin declares; there is no screen for them yet.
  await sql`insert into outgoing_series (agency_id, code, name, issuer_abbreviation) values (${t.agencies.snv}, ${COUNCIL.code}, ${COUNCIL.name}, ${COUNCIL.code})`.execute(handle.db);

  await issue(fx, await throughSigning(fx, { summary: 'Về việc ban hành Quy chế công tác văn thư, lưu trữ của Sở' }));
  await issue(fx, await throughSigning(fx, { typeCode: 'CV', summary: 'V/v đề nghị cung cấp bản đồ địa giới hành chính', paperReason: 'b', externalRecipients: ['Văn phòng Tỉnh ủy Thái Nguyên'] }));

  await on(days[1]);
  // Phòng Tổ chức, biên chế has no head in the demo: the VTLT head stands in to approve its draft.
  await moveHead(units.TCBC);
  const notice = await throughSigning(fx, { typeCode: 'TB', summary: 'Thông báo lịch tiếp công dân định kỳ', draftingUnitId: units.TCBC, recipientAgencyIds: [t.agencies.ubnd, t.agencies.skhcn], externalRecipients: [] });
  await moveHead(units.VTLT);
  await issue(fx, notice);
  const recalled = await call(t.app, fx.s.clerk, 'POST', `/api/outgoing/${notice}/recall`, { reason: RECALL_REASON });
  if (recalled.statusCode !== 200) throw new Error(recalled.body);

  await on(days[2]);
  await issue(fx, await throughSigning(fx, { summary: 'Về việc khen thưởng tập thể, cá nhân có thành tích xuất sắc', series: COUNCIL.code }));
  const planSummary = 'Về việc kiểm tra công tác văn thư, lưu trữ tại các phòng';
  await issue(fx, await throughSigning(fx, { typeCode: 'KH', summary: planSummary, externalRecipients: [] }));
  const item = (await call(t.app, fx.s.ubnd, 'GET', '/api/incoming/inbox')).json().find((i: { envelope: { subject: string } }) => i.envelope.subject === planSummary);
  const registered = await call(t.app, fx.s.ubnd, 'POST', `/api/incoming/inbox/${item.id}/register`, {});
  if (registered.statusCode !== 201) throw new Error(registered.body);

  await on(days[3]);
  const pending = await throughSigning(fx, { summary: 'Về việc cử cán bộ tham gia lớp tập huấn nghiệp vụ' });
  const numbered = await call(t.app, fx.s.clerk, 'POST', `/api/outgoing/${pending}/number`);
  if (numbered.statusCode !== 200) throw new Error(numbered.body);

  return { fx, year: legalYear(new Date(`${d1}T12:00:00+07:00`)), days, close: () => fx.close() };
}
