import type { Selectable } from 'kysely';
import type { Db } from '../infra/db/database.js';
import type { CopyTables } from './tables.js';
import { formatNumber } from '../shared/legal-format.js';
import type { Copy } from './schemas.js';

/** Audit and signing-session object type of a copy. */
export const OBJECT_TYPE = 'document_copy';

/** The only code, with the migrations, that names the copies table. */
export const copyDb = (db: Db) => db.withTables<CopyTables>();

export type CopyRow = Selectable<CopyTables['document_copy']>;

export function presentCopy(row: CopyRow): Copy {
  return {
    id: row.id,
    agencyId: row.agency_id,
    sourceType: row.source_type,
    sourceId: row.source_id,
    form: row.form,
    direction: row.direction,
    state: row.state,
    pages: row.page_from !== null && row.page_to !== null ? { from: row.page_from, to: row.page_to } : null,
    year: row.year,
    number: row.number,
    notation: row.notation,
    numberAndNotation: row.number !== null && row.notation ? `${formatNumber(row.number)}/${row.notation}` : null,
    signer: row.signer_user_id ? { userId: row.signer_user_id, position: row.signer_position ?? '', name: row.signer_name ?? '' } : null,
    toPlaces: row.to_places,
    fileId: row.file_id,
    signingSessionId: row.signing_session_id,
    madeBy: row.made_by,
    madeAt: row.made_at.toISOString(),
  };
}

/** One copy of the agency; another agency's copy is as good as missing. */
export async function findCopy(db: Db, agencyId: string, id: string): Promise<CopyRow | undefined> {
  return copyDb(db).selectFrom('document_copy').selectAll().where('id', '=', id).where('agency_id', '=', agencyId).executeTakeFirst();
}

/** The copy a signing session was prepared for, locked until the caller's transaction ends. */
export async function lockCopyOfSession(db: Db, agencyId: string, sessionId: string): Promise<CopyRow | undefined> {
  return copyDb(db).selectFrom('document_copy').selectAll().where('signing_session_id', '=', sessionId).where('agency_id', '=', agencyId).forUpdate().executeTakeFirst();
}

/** Copies made of one document, in number order; preparations never signed are left out. */
export async function listCopiesOf(db: Db, agencyId: string, sourceType: string, sourceId: string): Promise<CopyRow[]> {
  return copyDb(db)
    .selectFrom('document_copy')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('source_type', '=', sourceType as CopyRow['source_type'])
    .where('source_id', '=', sourceId)
    .where('state', '!=', 'prepared')
    .orderBy('year')
    .orderBy('number')
    .execute();
}
