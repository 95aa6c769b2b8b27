import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../infra/time/working-days.js';
import type { Names } from './form-names.js';
import type { TrackingEntry } from './tracking-data.js';
import { documentLine, entryDeadline, toTrackingRow, trackingCover, trackingCoverLines } from './tracking-rows.js';

const names: Names = { units: new Map([['u1', 'Phòng Một']]), people: new Map([['p1', { fullName: 'Nguyễn Văn An', positionTitle: null, unitId: 'u1' }]]) };

function entry(over: Partial<TrackingEntry> = {}): TrackingEntry {
  return {
    documentId: 'd',
    arrivalNumber: 3,
    arrivalDate: '2026-04-06',
    typeName: 'Công văn',
    codeNumber: '12',
    codeNotation: 'UBND-VX',
    issuedDate: '2026-04-01',
    issuerName: 'Ủy ban nhân dân tỉnh Thái Nguyên',
    description: null,
    replyNotation: null,
    dueDate: '2026-04-30',
    routingState: 'registered',
    routingDeadline: null,
    lead: null,
    coordinating: [],
    ...over,
  };
}

describe('tracking rows', () => {
  it('[Q-11.3đ] names the document by type, number and symbol, date and issuer, leaving out what is unknown', () => {
    expect(documentLine(entry())).toBe('Công văn số 12/UBND-VX ngày 01/04/2026 của Ủy ban nhân dân tỉnh Thái Nguyên');
    expect(documentLine(entry({ codeNumber: null, codeNotation: null, issuedDate: null }))).toBe('Công văn của Ủy ban nhân dân tỉnh Thái Nguyên');
  });

  it('[Q-11.3đ] takes the lead\'s deadline, else the direction\'s, else the one registered', () => {
    const lead = { documentId: 'd', unitId: 'u1', userId: null, role: 'lead' as const, deadline: '2026-04-20', state: 'open' as const, finishedAt: null };
    expect(entryDeadline(entry({ lead, routingDeadline: '2026-04-25' }))).toBe('2026-04-20');
    expect(entryDeadline(entry({ lead: { ...lead, deadline: null }, routingDeadline: '2026-04-25' }))).toBe('2026-04-25');
    expect(entryDeadline(entry())).toBe('2026-04-30');
  });

  it('[Q-11.3đ] lists the lead, then the coordinating units and people', () => {
    const base = { documentId: 'd', deadline: '2026-04-20', state: 'open' as const, finishedAt: null };
    const row = toTrackingRow(
      entry({ routingState: 'directed', lead: { ...base, role: 'lead', unitId: 'u1', userId: null }, coordinating: [{ ...base, role: 'coordinate', unitId: 'u1', userId: 'p1' }] }),
      names,
      '2026-04-10',
      new WorkingCalendar(),
    );
    expect(row).toMatchObject({ arrivalNumber: 3, recipients: 'Chủ trì: Phòng Một\nPhối hợp: Nguyễn Văn An', deadline: '20/04/2026', progress: 'Đang giải quyết', reply: '' });
  });

  it('[Q-11.3đ] prints the number and symbol of the outgoing document issued in reply', () => {
    expect(toTrackingRow(entry({ replyNotation: '215/SNV-VTLT' }), names, '2026-04-10', new WorkingCalendar()).reply).toBe('215/SNV-VTLT');
  });

  it('[Q-11.3đ] the cover spans the earliest to the latest arrival and has no number range', () => {
    const cover = trackingCover({ name: 'Sở Nội vụ', parentName: null }, 2026, [entry({ arrivalDate: '2026-04-06' }), entry({ arrivalDate: '2026-04-03' })]);
    expect(trackingCoverLines(cover)).toEqual({ year: 'Năm: 2026', dates: 'Từ ngày 03/04/2026 đến ngày 06/04/2026', volume: 'Quyển số: ……………' });
    expect(cover.parentAgencyName).toBeNull();
  });
});
