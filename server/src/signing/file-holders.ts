import { canAdminister } from '../infra/auth/actor.js';
import type { Db } from '../infra/db/database.js';
import type { FileHolders } from '../infra/storage/holders.js';
import type { SigningTables } from './tables.js';

const q = (db: Db) => db.withTables<SigningTables>();

/**
 * Files of the signing module: a person's signature image (that person, or the system admin who
 * manages it for them), the agency's seal image (its people, who sign with it, and the system
 * admin who uploads it) and a device assignment's decision and handover record (anyone of the
 * agency, listAssignments). Verification records only refer to a file: they hold none.
 */
export const signingFileHolders: FileHolders = async (db, actor, fileId) => {
  const signatures = await q(db).selectFrom('signing_signature_image').select('user_id').where('file_id', '=', fileId).execute();
  const seals = await q(db).selectFrom('signing_seal_image').select('agency_id').where('file_id', '=', fileId).execute();
  const assignments = await q(db)
    .selectFrom('signing_device_assignment')
    .select('agency_id')
    .where((eb) => eb.or([eb('decision_file_id', '=', fileId), eb('handover_file_id', '=', fileId)]))
    .execute();
  if (!signatures.length && !seals.length && !assignments.length) return undefined;
  const admin = canAdminister(actor);
  return (
    signatures.some((s) => s.user_id === actor.userId || admin) ||
    seals.some((s) => s.agency_id === actor.agencyId || admin) ||
    assignments.some((a) => a.agency_id === actor.agencyId)
  );
};
