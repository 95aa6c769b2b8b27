/**
 * The person acting and what their roles allow. Roles (vai trò) follow the Regulation:
 * clerk = văn thư, agency_head/deputy_head = lãnh đạo cơ quan, unit_head = lãnh đạo đơn vị,
 * staff = chuyên viên, archivist = lưu trữ, admin = quản trị hệ thống, inspector = thanh tra (Sở Nội vụ).
 */
export const ROLES = ['clerk', 'agency_head', 'deputy_head', 'unit_head', 'staff', 'archivist', 'admin', 'inspector'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  clerk: 'Văn thư',
  agency_head: 'Lãnh đạo cơ quan',
  deputy_head: 'Phó lãnh đạo cơ quan',
  unit_head: 'Lãnh đạo đơn vị',
  staff: 'Chuyên viên',
  archivist: 'Lưu trữ',
  admin: 'Quản trị hệ thống',
  inspector: 'Thanh tra',
};

export interface Actor {
  userId: string;
  username: string;
  fullName: string;
  agencyId: string;
  unitId: string | null;
  roles: Role[];
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}

/** Roles that look and change nothing: the inspector (thanh tra) examines, it does not take part. */
export const READ_ONLY_ROLES: ReadonlySet<Role> = new Set<Role>(['inspector']);

/** Every role of the actor is read-only (a person with no role at all changes nothing either). */
export function isReadOnly(actor: Actor): boolean {
  return actor.roles.every((r) => READ_ONLY_ROLES.has(r));
}

/**
 * The directory (an agency, its units and people, its numbering series): own agency always, every
 * agency for the system admin and the province-wide inspector. Records and their files are not
 * the directory: their own module decides (a document: its agency; a stored file: whoever may read
 * an object that holds it, infra/storage/holders.ts), so neither role reads another agency's records.
 */
export function canReadAgency(actor: Actor, agencyId: string): boolean {
  return actor.agencyId === agencyId || hasRole(actor, 'admin', 'inspector');
}

/** Only the system admin changes the directory of agencies, units and users. */
export function canAdminister(actor: Actor): boolean {
  return hasRole(actor, 'admin');
}
