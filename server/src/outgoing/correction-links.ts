import type { Db } from '../infra/db/database.js';
import type { OutgoingDetail } from './schemas.js';
import { findDocument, numberAndNotation, outgoingDb, type DocumentRow } from './repository.js';
import type { CorrectionKind } from './tables.js';

/**
 * How a document's detail shows its corrections (Q-12.3d). Both directions are read from the
 * correcting documents' rows: the corrected original is never written to when it is corrected.
 */

const CORRECTS_LABEL: Record<CorrectionKind, string> = { replace: 'Thay thế văn bản', amend: 'Sửa đổi, bổ sung văn bản' };
const CORRECTED_BY_LABEL: Record<CorrectionKind, string> = { replace: 'Đã bị thay thế bởi', amend: 'Được sửa đổi, bổ sung bởi' };

export async function loadCorrectionLinks(db: Db, row: DocumentRow): Promise<Pick<OutgoingDetail, 'corrects' | 'correctedBy'>> {
  const target = row.corrects_id ? await findDocument(db, row.corrects_id) : undefined;
  const kind = row.correction_kind;
  // A draft's correction counts once it is issued; a recalled correction stays listed, marked as recalled.
  const by = await outgoingDb(db)
    .selectFrom('outgoing_document')
    .select(['id', 'number', 'notation', 'correction_kind', 'issued_at', 'recalled_at'])
    .where('corrects_id', '=', row.id)
    .where('agency_id', '=', row.agency_id)
    .where('state', 'in', ['issued', 'recalled'])
    .orderBy('issued_at')
    .execute();
  return {
    corrects: target && kind ? { id: target.id, numberAndNotation: numberAndNotation(target) ?? '', kind, label: `${CORRECTS_LABEL[kind]} ${numberAndNotation(target)}` } : null,
    correctedBy: by.map((d) => {
      const text = numberAndNotation(d)!;
      const label = `${CORRECTED_BY_LABEL[d.correction_kind!]} ${text}` + (d.recalled_at ? ' (văn bản này đã bị thu hồi)' : '');
      return { id: d.id, numberAndNotation: text, kind: d.correction_kind!, issuedAt: d.issued_at!.toISOString(), recalledAt: d.recalled_at?.toISOString() ?? null, label };
    }),
  };
}
