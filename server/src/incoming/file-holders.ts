import { sql } from 'kysely';
import { hasRole } from '../infra/auth/actor.js';
import type { FileHolders } from '../infra/storage/holders.js';
import { incomingDb } from './repository.js';

/**
 * The files of incoming documents, readable by anyone of the registering agency (readIncoming),
 * and of items waiting in the inbox, readable by its clerks (getInboxItem).
 */
export const incomingFileHolders: FileHolders = async (db, actor, fileId) => {
  const q = incomingDb(db);
  const documents = await q
    .selectFrom('incoming_document_file as f')
    .innerJoin('incoming_document as d', 'd.id', 'f.document_id')
    .select('d.agency_id')
    .where('f.file_id', '=', fileId)
    .execute();
  const inbox = await q
    .selectFrom('incoming_inbox')
    .select('agency_id')
    .where((eb) => eb.or([eb('main_file_id', '=', fileId), sql<boolean>`${fileId}::uuid = any(attachment_file_ids)`]))
    .execute();
  if (!documents.length && !inbox.length) return undefined;
  return documents.some((d) => d.agency_id === actor.agencyId) || (hasRole(actor, 'clerk') && inbox.some((i) => i.agency_id === actor.agencyId));
};
