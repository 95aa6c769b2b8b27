/**
 * Test support: a small handling history at Sở Nội vụ in April 2026, made through the real API
 * as the demo users would, for the slip, tracking-book and report tests to read back.
 *
 *   01 Công văn BNV      lead VTLT (10/4), coordinating TCBC; handed to Mai (9/4), finished 9/4: on time
 *   02 Kế hoạch UBND     lead VTLT (15/4); handed to Mai, more time asked, finished 17/4: late
 *   03 Công văn STC      lead Nam in person (13/4), coordinating VTLT; finished 13/4: on time
 *   04 Quyết định UBND   lead TCBC (17/4), nobody takes it up: overdue
 *   05 Thông báo VPUBND  directed 20/4, lead VTLT (15/5), handed to Mai: in progress
 *   06 Giấy mời SKHCN    registered only
 *   07 (cancelled)
 *
 * The clock ends on Wednesday 22 April 2026, 10:00.
 */
import { expect } from 'vitest';
import { call, login, type Session, type TestApp } from '../../../test/harness/app.js';

export const FINAL_TIME = '2026-04-22T10:00:00+07:00';

export const DOCS = [
  { typeName: 'Công văn', codeNumber: '1203', codeNotation: 'BNV-VTLTNN', issuedDate: '2026-04-01', issuerName: 'Bộ Nội vụ', subject: 'V/v báo cáo công tác văn thư, lưu trữ quý I năm 2026', arrivedAt: '2026-04-03T09:00:00+07:00' },
  { typeName: 'Kế hoạch', codeNumber: '45', codeNotation: 'KH-UBND', issuedDate: '2026-04-02', issuerName: 'Ủy ban nhân dân tỉnh Thái Nguyên', subject: 'Kiểm tra công tác cải cách hành chính năm 2026', arrivedAt: '2026-04-03T10:00:00+07:00' },
  { typeName: 'Công văn', codeNumber: '210', codeNotation: 'STC-NS', issuedDate: '2026-04-03', issuerName: 'Sở Tài chính tỉnh Thái Nguyên', subject: 'V/v góp ý dự thảo quy định phân cấp quản lý tài sản công', arrivedAt: '2026-04-03T15:00:00+07:00' },
  { typeName: 'Quyết định', codeNumber: '318', codeNotation: 'QĐ-UBND', issuedDate: '2026-04-03', issuerName: 'Ủy ban nhân dân tỉnh Thái Nguyên', subject: 'Về việc giao chỉ tiêu biên chế công chức năm 2026', arrivedAt: '2026-04-06T07:45:00+07:00' },
  { typeName: 'Thông báo', codeNumber: '15', codeNotation: 'TB-VPUBND', issuedDate: '2026-04-03', issuerName: 'Văn phòng Ủy ban nhân dân tỉnh Thái Nguyên', subject: 'Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại buổi làm việc với Sở Nội vụ', description: 'Kèm theo bản sao kết luận', arrivedAt: '2026-04-06T07:50:00+07:00' },
  { typeName: 'Giấy mời', codeNumber: '27', codeNotation: 'GM-SKHCN', issuedDate: '2026-04-04', issuerName: 'Sở Khoa học và Công nghệ tỉnh Thái Nguyên', subject: 'Dự hội thảo chuyển đổi số trong công tác văn thư', dueDate: '2026-04-24', arrivedAt: '2026-04-06T08:00:00+07:00' },
  { typeName: 'Công văn', codeNumber: '99', codeNotation: 'BNV-VP', issuedDate: '2026-04-04', issuerName: 'Bộ Nội vụ', subject: 'Đăng ký nhầm', arrivedAt: '2026-04-06T08:05:00+07:00' },
];

export const DIRECTION_COMMENT = 'Giao Phòng Văn thư - Lưu trữ chủ trì, tham mưu báo cáo Bộ Nội vụ.';
export const HAND_ON_NOTE = 'Đồng chí Mai nghiên cứu, dự thảo báo cáo.';

export interface History {
  /** Document ids by arrival number (1…7). */
  docs: Record<number, string>;
  users: Record<string, string>;
  units: Record<string, string>;
  /** A session opened at the clock's current time (sessions lapse after two idle hours). */
  as(username: string): Promise<Session>;
}

export async function buildHistory(t: TestApp): Promise<History> {
  const as = (username: string) => login(t.app, username);
  const at = (time: string) => t.clock.set(time);
  const post = async (username: string, url: string, body: unknown) => {
    const res = await call(t.app, await as(username), 'POST', `/api/incoming${url}`, body);
    expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(300);
    return res;
  };

  at('2026-04-06T08:30:00+07:00');
  const clerk = await as('vanthu.snv');
  const users: Record<string, string> = {};
  const units: Record<string, string> = {};
  for (const u of (await call(t.app, clerk, 'GET', '/api/users')).json()) users[u.username] = u.id;
  for (const u of (await call(t.app, clerk, 'GET', `/api/agencies/${t.agencies.snv}`)).json().units) units[u.abbreviation] = u.id;
  const docs: Record<number, string> = {};
  for (const doc of DOCS) {
    const res = await post('vanthu.snv', '', { source: 'paper', acknowledgeDuplicate: true, ...doc });
    docs[res.json().arrivalNumber] = res.json().id;
  }
  await post('vanthu.snv', `/${docs[7]}/cancel`, { reason: 'Đăng ký nhầm văn bản' });
  for (const n of [1, 2, 3, 4, 5]) await post('vanthu.snv', `/${docs[n]}/present`, { toUserId: users['giamdoc.snv'] });

  at('2026-04-06T09:00:00+07:00');
  await post('giamdoc.snv', `/${docs[1]}/direct`, {
    lead: { unitId: units.VTLT, deadline: '2026-04-10' },
    coordinating: [{ unitId: units.TCBC, deadline: '2026-04-09' }],
    inform: [{ unitId: units.VP }],
    comment: DIRECTION_COMMENT,
    deadline: '2026-04-10',
    followUpUserId: users['phogiamdoc.snv'],
  });
  await post('giamdoc.snv', `/${docs[2]}/direct`, { lead: { unitId: units.VTLT, deadline: '2026-04-15' } });
  await post('giamdoc.snv', `/${docs[3]}/direct`, { lead: { userId: users['chuyenvien2.snv'], deadline: '2026-04-13' }, coordinating: [{ unitId: units.VTLT, deadline: '2026-04-13' }] });
  await post('giamdoc.snv', `/${docs[4]}/direct`, { lead: { unitId: units.TCBC, deadline: '2026-04-17' } });

  const leadOf = async (n: number, username = 'truongphong.snv') => {
    const res = await call(t.app, await as(username), 'GET', `/api/incoming/${docs[n]}/routing`);
    return res.json().assignments as { id: string; role: string; parentId: string | null; userId: string | null; state: string }[];
  };
  const unitLead = async (n: number) => (await leadOf(n)).find((a) => a.role === 'lead' && a.parentId === null)!.id;
  const handOn = async (n: number) => (await leadOf(n)).find((a) => a.role === 'lead' && a.parentId !== null && a.state !== 'recalled')!.id;

  at('2026-04-07T08:00:00+07:00');
  await post('truongphong.snv', `/assignments/${await unitLead(1)}/assign`, { userId: users['chuyenvien.snv'], deadline: '2026-04-09', note: HAND_ON_NOTE });
  await post('truongphong.snv', `/assignments/${await unitLead(2)}/assign`, { userId: users['chuyenvien.snv'] });
  at('2026-04-08T14:00:00+07:00');
  await post('chuyenvien.snv', `/assignments/${await handOn(1)}/progress`, { note: 'Đã tổng hợp số liệu của các phòng' });
  at('2026-04-09T16:00:00+07:00');
  await post('chuyenvien.snv', `/assignments/${await handOn(1)}/finish`, { result: 'Đã dự thảo báo cáo trình lãnh đạo Sở' });
  at('2026-04-13T10:00:00+07:00');
  await post('chuyenvien2.snv', `/assignments/${await unitLead(3)}/finish`, { result: 'Đã tham mưu văn bản góp ý gửi Sở Tài chính' });
  at('2026-04-14T09:00:00+07:00');
  await post('chuyenvien.snv', `/assignments/${await handOn(2)}/extension-request`, { until: '2026-04-20', reason: 'Chờ số liệu của các phòng' });
  at('2026-04-17T15:00:00+07:00');
  await post('chuyenvien.snv', `/assignments/${await handOn(2)}/finish`, { result: 'Đã báo cáo kết quả kiểm tra' });

  at('2026-04-20T08:30:00+07:00');
  await post('giamdoc.snv', `/${docs[5]}/direct`, { lead: { unitId: units.VTLT, deadline: '2026-05-15' } });
  await post('truongphong.snv', `/assignments/${await unitLead(5)}/assign`, { userId: users['chuyenvien.snv'] });
  await post('chuyenvien.snv', `/assignments/${await handOn(5)}/progress`, { note: 'Đang xây dựng kế hoạch thực hiện' });

  at(FINAL_TIME);
  return { docs, users, units, as };
}
