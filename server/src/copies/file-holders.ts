import type { FileHolders } from '../infra/storage/holders.js';
import { copyDb } from './repository.js';

/** A copy's file, readable by anyone of the copying agency (getCopy). */
export const copyFileHolders: FileHolders = async (db, actor, fileId) => {
  const copies = await copyDb(db).selectFrom('document_copy').select('agency_id').where('file_id', '=', fileId).execute();
  return copies.length ? copies.some((c) => c.agency_id === actor.agencyId) : undefined;
};
