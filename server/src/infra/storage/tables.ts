import type { Generated } from 'kysely';

export interface StoredFileTable {
  id: Generated<string>;
  agency_id: string;
  sha256: string;
  size: number;
  format: string;
  media_type: string;
  original_name: string;
  created_by: string | null;
  created_at: Date;
}

export type StorageTables = {
  stored_file: StoredFileTable;
}
