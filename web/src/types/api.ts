/** Shapes the server returns, shared by several features. */
import type { Role } from '@/config/roles';

export interface Agency {
  id: string;
  parentId: string | null;
  code: string;
  adminCode: string;
  name: string;
  abbreviation: string;
  address: string;
  email: string | null;
  phone: string | null;
  disabled: boolean;
}

export interface Unit {
  id: string;
  agencyId: string;
  name: string;
  abbreviation: string;
  disabled: boolean;
}

export interface AgencyDetail extends Agency {
  units: Unit[];
}

export interface User {
  id: string;
  agencyId: string;
  unitId: string | null;
  username: string;
  fullName: string;
  positionTitle: string | null;
  email: string | null;
  phone: string | null;
  roles: Role[];
  disabled: boolean;
}

export interface Session {
  user: { id: string; username: string; fullName: string; positionTitle: string | null };
  agency: { id: string; code: string; name: string; abbreviation: string };
  unit: { id: string; name: string; abbreviation: string } | null;
  roles: Role[];
  csrfToken: string;
}
