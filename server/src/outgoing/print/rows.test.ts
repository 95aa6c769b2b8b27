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
    corrects: null,
    correctedBy: [],
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

  it('[Q-12.3d] notes what a document replaces or amends, and on the original what replaced or amended it', () => {
    const original = { number: 1, notation: 'QĐ-SNV', issuedDate: '2026-01-05' };
    expect(registerNote(doc({ corrects: { kind: 'replace', ...original } }))).toBe('Thay thế văn bản số 01/QĐ-SNV ngày 05/01/2026');
    expect(registerNote(doc({ state: 'numbered', corrects: { kind: 'amend', ...original } }))).toBe('Sửa đổi, bổ sung văn bản số 01/QĐ-SNV ngày 05/01/2026\nĐã cấp số, chưa phát hành');
    const amended = { kind: 'amend' as const, number: 12, notation: 'QĐ-SNV', issuedDate: '2026-02-10' };
    const replaced = { kind: 'replace' as const, number: 20, notation: 'QĐ-SNV', issuedDate: '2026-03-02' };
    expect(registerNote(doc({ state: 'recalled', recallReason: 'Sai thẩm quyền', correctedBy: [amended, replaced] }))).toBe(
      'Đã thu hồi: Sai thẩm quyền\nĐã được sửa đổi, bổ sung bởi văn bản số 12/QĐ-SNV ngày 10/02/2026\nĐã được thay thế bởi văn bản số 20/QĐ-SNV ngày 02/03/2026',
    );
  });

  it('[Q-12.3b] prints the type before the summary unless the summary starts with it', () => {
    expect(typeAndSubject(doc())).toBe('Quyết định: Về việc ban hành quy chế');
    expect(typeAndSubject(doc({ typeCode: 'TB', summary: 'Thông báo lịch trực' }))).toBe('Thông báo lịch trực');
  });

  it('[Q-7.2] [Q-6.1c] posts to every recipient when the draft asked for paper, else to the external ones only', () => {
    expect(postRecipients(doc({ paperReason: 'đ' }))).toEqual([internal, external]);
    expect(postRecipients(doc())).toEqual([external]);
    expect(postRows([doc({ recipients: [internal] }), doc({ number: 8, issuedOn: null })])).toEqual([]);
    expect(postRows([doc({ paperReason: 'a', state: 'recalled', recallReason: 'Sai' })])).toEqual([
      { number: 7, sentOn: '2026-12-01', numberAndNotation: '07/QĐ-SNV', recipients: `${internal.name}\n${external.name}`, envelopes: 2, note: 'Gửi bản giấy (lý do điểm a)\nĐã thu hồi: Sai' },
    ]);
  });
});
