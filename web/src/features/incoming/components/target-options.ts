import type { AgencyDirectory } from '@/lib/directory';
import { compareVietnameseNames } from '@/lib/names';
import type { Target } from '../api/types';

/**
 * A unit or a person in one select value ("unit:<id>", "user:<id>"): the head directs to either,
 * and a single list with two groups reads more naturally than two fields.
 */
export const targetKey = (t: { unitId?: string | null; userId?: string | null }) => (t.userId ? `user:${t.userId}` : `unit:${t.unitId}`);

export function fromTargetKey(key: string): Target {
  const [kind, id] = key.split(':');
  return kind === 'user' ? { userId: id } : { unitId: id };
}

export function targetName(key: string, directory: AgencyDirectory): string {
  const t = fromTargetKey(key);
  return t.userId ? directory.personName(t.userId) : directory.unitName(t.unitId);
}

export function targetOptionGroups(directory: AgencyDirectory) {
  const units = directory.units.filter((u) => !u.disabled).map((u) => ({ value: `unit:${u.id}`, label: u.name }));
  const people = directory.people
    .filter((u) => !u.disabled)
    .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName))
    .map((u) => ({ value: `user:${u.id}`, label: [u.fullName, u.positionTitle, u.unitId ? directory.unitName(u.unitId) : null].filter(Boolean).join(' — ') }));
  return [
    { label: 'Đơn vị', title: 'Đơn vị', options: units },
    { label: 'Cá nhân', title: 'Cá nhân', options: people },
  ];
}
