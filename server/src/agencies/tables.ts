import type { Generated } from 'kysely';

export interface AgencyTable {
  id: Generated<string>;
  parent_id: string | null;
  /** QCVN 102:2016 code, 13 characters, level 1 at the right: 000.00.00.H55 */
  code: string;
  /** Decision 20/2020/QĐ-TTg code, level 1 at the left: H55.05 */
  admin_code: string;
  name: string;
  /** Used in document symbols: UBND, SNV */
  abbreviation: string;
  address: string;
  place_name: Generated<string>;
  email: string | null;
  phone: string | null;
  disabled: Generated<boolean>;
  created_at: Date;
  updated_at: Date;
}

export interface AgencyUnitTable {
  id: Generated<string>;
  agency_id: string;
  name: string;
  /** Used in the symbol of a Công văn: 12/SNV-VP */
  abbreviation: string;
  disabled: Generated<boolean>;
  created_at: Date;
  updated_at: Date;
}

export type AgencyTables = {
  agency: AgencyTable;
  agency_unit: AgencyUnitTable;
}
