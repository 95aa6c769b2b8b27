import { describe, expect, it } from 'vitest';
import type { NumberedDocument } from './print-data.js';
import { postRecipients, postRows } from './post-rows.js';
import { copiesOf, FILE_COPIES, registerNote, typeAndSubject } from './register-rows.js';

const internal = { name: 'Ủy ban nhân dân tỉnh Thái Nguyên', agencyId: 'a1', status: 'delivered' as const };
const external = { name: 'Bộ Nội vụ', agencyId: null, status: 'waiting_exchange' as const };

function doc(over: Partial<NumberedDocument> = {}): NumberedDocument {
  return {
    id: 'd',
    state: 'issued',
    number: 7,
    notation: 'QĐ-SNV',
    issuedDate: '2026-12-01',
    issuedOn: '2026-12-01',
    typeCode: 'QĐ',
    summary: 'Về việc ban hành quy chế',
    signerId: 's',
    signerPosition: 'Giám đốc',
    draftingUnitId: 'u',
    paperReason: null,
    recallReason: null,
    recipients: [internal, external],
    ...over,
  };
}

describe('outgoing register and post-book rows', () => {
  it('[Q-12.3b] Số lượng bản is one per recipient and the two file copies (Lưu: VT, đơn vị soạn thảo)', () => {
    expect(FILE_COPIES).toBe(2);
    expect(copiesOf(doc())).toBe(4);
    expect(copiesOf(doc({ recipients: [] }))).toBe(2);
  });

  it('[Q-12.3b] notes a recall with its reason and a number not yet issued', () => {
    expect(registerNote(doc({ state: 'recalled', recallReason: 'Sai thẩm quyền' }))).toBe('Đã thu hồi: Sai thẩm quyền');
    expect(registerNote(doc({ state: 'recalled' }))).toBe('Đã thu hồi');
    expect(registerNote(doc({ state: 'numbered', issuedOn: null }))).toBe('Đã cấp số, chưa phát hành');
    expect(registerNote(doc())).toBe('');
  });

  it('[Q-12.3b] prints the type before the summary unless the summary starts with it', () => {
    expect(typeAndSubject(doc())).toBe('Quyết định: Về việc ban hành quy chế');
    expect(typeAndSubject(doc({ typeCode: 'TB', summary: 'Thông báo lịch trực' }))).toBe('Thông báo lịch trực');
  });

  it('[Q-7.2] posts to every recipient when the draft asked for paper, else to the external ones only', () => {
    expect(postRecipients(doc({ paperReason: 'đ' }))).toEqual([internal, external]);
    expect(postRecipients(doc())).toEqual([external]);
    expect(postRows([doc({ recipients: [internal] }), doc({ number: 8, issuedOn: null })])).toEqual([]);
    expect(postRows([doc({ paperReason: 'a', state: 'recalled', recallReason: 'Sai' })])).toEqual([
      { number: 7, sentOn: '2026-12-01', numberAndNotation: '07/QĐ-SNV', recipients: `${internal.name}\n${external.name}`, envelopes: 2, note: 'Gửi bản giấy (lý do điểm a)\nĐã thu hồi: Sai' },
    ]);
  });
});
