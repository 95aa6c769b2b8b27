/**
 * Báo cáo tình hình giải quyết văn bản đến (Q-6.2c, Q-11.3d): the lead assignments received in a
 * period, per unit and per person, by where they stand at the report's end. Pure: the service
 * loads, this counts, and the JSON, PDF and spreadsheet show the same numbers.
 *
 * Only lead (chủ trì) work is counted: handling the document is the lead's duty, and counting
 * coordination too would count one document several times over.
 */
import type { LegalDate } from '../../infra/time/legal-time.js';
import type { Names } from './form-names.js';
import { standing, type HandlingFacts } from './handling-status.js';

export interface HandlingCounts {
  received: number;
  onTime: number;
  late: number;
  inProgress: number;
  overdue: number;
}

/** A lead assignment: the head's to a unit or a person (no parent), or a unit head's hand-on to staff. */
export interface ReportAssignment extends HandlingFacts {
  parentId: string | null;
  unitId: string | null;
  userId: string | null;
}

export interface UnitLine extends HandlingCounts {
  unitId: string | null;
  unitName: string;
}

export interface PersonLine extends HandlingCounts {
  userId: string;
  fullName: string;
  unitName: string;
}

export interface HandlingTally {
  units: UnitLine[];
  people: PersonLine[];
  unitTotal: HandlingCounts;
  peopleTotal: HandlingCounts;
}

/** Lead work given to a person who belongs to no unit (a deputy head, say) is totalled here. */
export const NO_UNIT = 'Cá nhân không thuộc đơn vị';

export const zeroCounts = (): HandlingCounts => ({ received: 0, onTime: 0, late: 0, inProgress: 0, overdue: 0 });

function add(counts: HandlingCounts, a: HandlingFacts, asOf: LegalDate): void {
  counts.received++;
  counts[standing(a, asOf)]++;
}

function sum(lines: readonly HandlingCounts[]): HandlingCounts {
  const total = zeroCounts();
  for (const line of lines) for (const k of Object.keys(total) as (keyof HandlingCounts)[]) total[k] += line[k];
  return total;
}

/**
 * A unit answers for the head's lead assignments to it and to its people; a person for those
 * given to them directly and for the hand-ons they received. Units listed are every unit in scope
 * still in use, with or without work, and any other that had some.
 */
export function tallyHandling(assignments: readonly ReportAssignment[], asOf: LegalDate, units: readonly { id: string; name: string; disabled: boolean }[], names: Names): HandlingTally {
  const byUnit = new Map<string | null, HandlingCounts>();
  const byPerson = new Map<string, HandlingCounts>();
  const bump = <K>(map: Map<K, HandlingCounts>, key: K, a: HandlingFacts) => {
    const c = map.get(key) ?? zeroCounts();
    add(c, a, asOf);
    map.set(key, c);
  };
  for (const a of assignments) {
    if (a.parentId === null) bump(byUnit, a.unitId, a);
    if (a.userId) bump(byPerson, a.userId, a);
  }

  const unitLines: UnitLine[] = units
    .filter((u) => !u.disabled || byUnit.has(u.id))
    .map((u) => ({ unitId: u.id, unitName: u.name, ...(byUnit.get(u.id) ?? zeroCounts()) }));
  const noUnit = byUnit.get(null);
  if (noUnit) unitLines.push({ unitId: null, unitName: NO_UNIT, ...noUnit });

  const unitName = (id: string | null | undefined) => (id ? (names.units.get(id) ?? '') : '');
  const people: PersonLine[] = [...byPerson]
    .map(([userId, c]) => ({ userId, fullName: names.people.get(userId)?.fullName ?? '', unitName: unitName(names.people.get(userId)?.unitId), ...c }))
    .sort((x, y) => x.unitName.localeCompare(y.unitName, 'vi') || x.fullName.localeCompare(y.fullName, 'vi'));

  return { units: unitLines, people, unitTotal: sum(unitLines), peopleTotal: sum(people) };
}
