import type { Generated } from 'kysely';

export interface AppUserTable {
  id: Generated<string>;
  agency_id: string;
  unit_id: string | null;
  username: string;
  full_name: string;
  /** Chức vụ, as printed under a signature: Giám đốc, Trưởng phòng … */
  position_title: string | null;
  email: string | null;
  phone: string | null;
  roles: string[];
  password_hash: string;
  disabled_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export type UserTables = {
  app_user: AppUserTable;
}
