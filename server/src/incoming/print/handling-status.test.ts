import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../infra/time/working-days.js';
import type { Names } from './form-names.js';
import { NO_UNIT, tallyHandling, type ReportAssignment } from './handling-report.js';
import { progressText, standing, type HandlingFacts } from './handling-status.js';

const calendar = new WorkingCalendar();
const open = (deadline: string | null): HandlingFacts => ({ deadline, state: 'in_progress', finishedAt: null });
const done = (deadline: string | null, at: string): HandlingFacts => ({ deadline, state: 'done', finishedAt: new Date(at) });

describe('handling standing', () => {
  it('[Q-6.2c] on time up to the end of the deadline day, Vietnam time', () => {
    expect(standing(done('2026-04-10', '2026-04-10T23:30:00+07:00'), '2026-04-30')).toBe('onTime');
    // 00:30 on the 11th in Vietnam is still the 10th in UTC: the legal day decides.
    expect(standing(done('2026-04-10', '2026-04-11T00:30:00+07:00'), '2026-04-30')).toBe('late');
    expect(standing(done(null, '2026-06-01T08:00:00+07:00'), '2026-06-30')).toBe('onTime');
  });

  it('[Q-6.2c] open work is overdue only after its deadline day; work finished after the day judged is still open then', () => {
    expect(standing(open('2026-04-10'), '2026-04-10')).toBe('inProgress');
    expect(standing(open('2026-04-10'), '2026-04-11')).toBe('overdue');
    expect(standing(open(null), '2030-01-01')).toBe('inProgress');
    expect(standing(done('2026-04-10', '2026-04-14T08:00:00+07:00'), '2026-04-13')).toBe('overdue');
    expect(standing(done('2026-04-20', '2026-04-14T08:00:00+07:00'), '2026-04-13')).toBe('inProgress');
  });
});

describe('tracking progress text', () => {
  it('[Q-11.3đ] before direction: not presented, or awaiting direction', () => {
    expect(progressText('registered', null, null, '2026-04-22', calendar)).toBe('Chưa trình lãnh đạo');
    expect(progressText('presented', null, '2026-04-24', '2026-04-22', calendar)).toBe('Chờ ý kiến chỉ đạo');
  });

  it('[Q-11.3đ] done on a date, late by working days', () => {
    expect(progressText('done', done('2026-04-15', '2026-04-15T16:00:00+07:00'), '2026-04-15', '2026-04-22', calendar)).toBe('Đã giải quyết ngày 15/04/2026');
    expect(progressText('done', done('2026-04-15', '2026-04-17T16:00:00+07:00'), '2026-04-15', '2026-04-22', calendar)).toBe('Đã giải quyết ngày 17/04/2026 (quá hạn 2 ngày làm việc)');
  });

  it('[Q-11.3đ] overdue by working days; a deadline on Friday seen on Saturday is overdue by none yet', () => {
    expect(progressText('directed', open('2026-04-17'), '2026-04-17', '2026-04-17', calendar)).toBe('Đang giải quyết');
    expect(progressText('directed', open('2026-04-17'), '2026-04-17', '2026-04-22', calendar)).toBe('Quá hạn 3 ngày làm việc');
    expect(progressText('directed', open('2026-04-17'), '2026-04-17', '2026-04-18', calendar)).toBe('Quá hạn');
    expect(progressText('directed', open(null), null, '2027-01-01', calendar)).toBe('Đang giải quyết');
  });
});

describe('handling tally', () => {
  const names: Names = {
    units: new Map([
      ['u1', 'Phòng Một'],
      ['u2', 'Phòng Hai'],
      ['old', 'Phòng Cũ'],
    ]),
    people: new Map([
      ['p1', { fullName: 'Nguyễn Văn An', positionTitle: 'Chuyên viên', unitId: 'u1' }],
      ['p2', { fullName: 'Lê Thị Bình', positionTitle: 'Phó Giám đốc', unitId: null }],
    ]),
  };
  const units = [
    { id: 'u1', name: 'Phòng Một', disabled: false },
    { id: 'u2', name: 'Phòng Hai', disabled: false },
    { id: 'old', name: 'Phòng Cũ', disabled: true },
  ];
  const a = (over: Partial<ReportAssignment>): ReportAssignment => ({ parentId: null, unitId: 'u1', userId: null, ...open('2026-04-10'), ...over });

  it('[Q-6.2c] a unit answers for leads to it and to its people; a person for direct leads and hand-ons', () => {
    const tally = tallyHandling(
      [
        a({}),
        a({ parentId: 'x', userId: 'p1', ...done('2026-04-09', '2026-04-09T10:00:00+07:00') }),
        a({ userId: 'p1', ...done('2026-04-10', '2026-04-12T10:00:00+07:00') }),
        a({ unitId: null, userId: 'p2' }),
      ],
      '2026-04-20',
      units,
      names,
    );
    expect(tally.units).toEqual([
      { unitId: 'u1', unitName: 'Phòng Một', received: 2, onTime: 0, late: 1, inProgress: 0, overdue: 1 },
      { unitId: 'u2', unitName: 'Phòng Hai', received: 0, onTime: 0, late: 0, inProgress: 0, overdue: 0 },
      { unitId: null, unitName: NO_UNIT, received: 1, onTime: 0, late: 0, inProgress: 0, overdue: 1 },
    ]);
    expect(tally.people.map((p) => [p.fullName, p.unitName, p.received, p.onTime, p.late, p.overdue])).toEqual([
      ['Lê Thị Bình', '', 1, 0, 0, 1],
      ['Nguyễn Văn An', 'Phòng Một', 2, 1, 1, 0],
    ]);
    expect(tally.unitTotal).toEqual({ received: 3, onTime: 0, late: 1, inProgress: 0, overdue: 2 });
  });

  it('a disabled unit is listed only when it had work', () => {
    expect(tallyHandling([], '2026-04-20', units, names).units.map((u) => u.unitId)).toEqual(['u1', 'u2']);
    expect(tallyHandling([a({ unitId: 'old' })], '2026-04-20', units, names).units.map((u) => u.unitId)).toEqual(['u1', 'u2', 'old']);
  });
});
