import type { Agency } from '../agencies/index.js';
import type { Db } from '../infra/db/database.js';
import { takeNextNumber } from '../registers/index.js';
import { conflict } from '../shared/errors.js';
import type { CopyForm } from '../signing/index.js';

/**
 * Số, ký hiệu bản sao (NĐ 30 Phụ lục I, Phần II; Mẫu 3.1): ONE yearly series per agency for
 * sao y, sao lục and trích sao alike, from 01 on 1 January (Vietnam time); the symbol names the
 * form and the copying agency: "05/SY-SNV", "06/TrS-SNV".
 */
export const COPY_SYMBOLS: Record<CopyForm, string> = { 'SAO Y': 'SY', 'SAO LỤC': 'SL', 'TRÍCH SAO': 'TrS' };

export function copyNotation(form: CopyForm, agency: Pick<Agency, 'abbreviation'>): string {
  if (!agency.abbreviation) throw conflict('Cơ quan chưa khai báo chữ viết tắt tên cơ quan để ghi ký hiệu bản sao; quản trị hệ thống cần bổ sung.');
  return `${COPY_SYMBOLS[form]}-${agency.abbreviation}`;
}

/**
 * Takes the next copy number in the caller's transaction, for the legal year of `at` (the copy's
 * date). Call it last before writing the copy: the register row stays locked until commit.
 */
export async function takeCopyNumber(db: Db, agency: Pick<Agency, 'id' | 'abbreviation'>, form: CopyForm, at: Date) {
  const notation = copyNotation(form, agency);
  const taken = await takeNextNumber(db, { agencyId: agency.id, kind: 'copy', at });
  return { register_id: taken.registerId, year: taken.year, number: taken.number, notation };
}
