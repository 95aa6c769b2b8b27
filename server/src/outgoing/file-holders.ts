import type { FileHolders } from '../infra/storage/holders.js';
import { outgoingDb } from './repository.js';

/**
 * The files of outgoing documents (each version's file and PDF, appendices, the signed, numbered,
 * issued and paper-scanned PDFs): readable by whoever may read the document, anyone of its agency
 * (readOutgoing).
 */
export const outgoingFileHolders: FileHolders = async (db, actor, fileId) => {
  const q = outgoingDb(db);
  const documents = await q
    .selectFrom('outgoing_document')
    .select('agency_id')
    .where((eb) => eb.or([eb('signed_file_id', '=', fileId), eb('numbered_file_id', '=', fileId), eb('issued_file_id', '=', fileId), eb('paper_scan_file_id', '=', fileId)]))
    .union(
      q
        .selectFrom('outgoing_version as v')
        .innerJoin('outgoing_document as d', 'd.id', 'v.document_id')
        .select('d.agency_id')
        .where((eb) => eb.or([eb('v.source_file_id', '=', fileId), eb('v.pdf_file_id', '=', fileId)])),
    )
    .union(
      q
        .selectFrom('outgoing_appendix as a')
        .innerJoin('outgoing_document as d', 'd.id', 'a.document_id')
        .select('d.agency_id')
        .where((eb) => eb.or([eb('a.source_file_id', '=', fileId), eb('a.pdf_file_id', '=', fileId), eb('a.sealed_file_id', '=', fileId)])),
    )
    .execute();
  return documents.length ? documents.some((d) => d.agency_id === actor.agencyId) : undefined;
};
