/** Roles as the server names them, with the titles the Regulation uses. */
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

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}

export const ROLE_OPTIONS = ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));
