import type { Db } from '../infra/db/database.js';
import { outgoingDb } from './repository.js';

/**
 * What waits for conversion to PDF in one version of a draft: the version's file and its
 * appendices' (Q-10.1, Q-8.2c). Each records its own outcome; the `pending` guard makes a repeated
 * run harmless.
 */
export interface PendingConversion {
  sourceFileId: string;
  done(db: Db, pdfFileId: string): Promise<void>;
  failed(db: Db, message: string): Promise<void>;
}

export async function pendingConversions(db: Db, documentId: string, version: number): Promise<PendingConversion[]> {
  const q = outgoingDb(db);
  const versions = await q.selectFrom('outgoing_version').select(['version', 'source_file_id']).where('document_id', '=', documentId).where('version', '=', version).where('conversion', '=', 'pending').execute();
  const appendices = await q.selectFrom('outgoing_appendix').select(['id', 'source_file_id']).where('document_id', '=', documentId).where('version', '=', version).where('conversion', '=', 'pending').orderBy('ordinal').execute();
  const versionJobs = versions.map<PendingConversion>((v) => {
    const row = (db: Db) => outgoingDb(db).updateTable('outgoing_version').where('document_id', '=', documentId).where('version', '=', v.version).where('conversion', '=', 'pending');
    return {
      sourceFileId: v.source_file_id,
      done: async (db, pdfFileId) => void (await row(db).set({ pdf_file_id: pdfFileId, conversion: 'done' }).execute()),
      failed: async (db, message) => void (await row(db).set({ conversion: 'failed', conversion_error: message.slice(0, 1000) }).execute()),
    };
  });
  const appendixJobs = appendices.map<PendingConversion>((a) => {
    const row = (db: Db) => outgoingDb(db).updateTable('outgoing_appendix').where('id', '=', a.id).where('conversion', '=', 'pending');
    return {
      sourceFileId: a.source_file_id,
      done: async (db, pdfFileId) => void (await row(db).set({ pdf_file_id: pdfFileId, conversion: 'done' }).execute()),
      failed: async (db, message) => void (await row(db).set({ conversion: 'failed', conversion_error: message.slice(0, 1000) }).execute()),
    };
  });
  return [...versionJobs, ...appendixJobs];
}

/** The document versions with anything pending (their own file or an appendix). */
export async function versionsWithPending(db: Db): Promise<{ documentId: string; version: number }[]> {
  const q = outgoingDb(db);
  const rows = await q
    .selectFrom('outgoing_version')
    .select(['document_id', 'version'])
    .where('conversion', '=', 'pending')
    .union(q.selectFrom('outgoing_appendix').select(['document_id', 'version']).where('conversion', '=', 'pending'))
    .execute();
  return rows.map((r) => ({ documentId: r.document_id, version: r.version }));
}

/** Who uploaded a version, and the document's agency: the conversion reads and stores files as that person. */
export async function versionAuthor(db: Db, documentId: string, version: number): Promise<{ userId: string; agencyId: string } | undefined> {
  const row = await outgoingDb(db)
    .selectFrom('outgoing_version')
    .innerJoin('outgoing_document', 'outgoing_document.id', 'outgoing_version.document_id')
    .select(['outgoing_version.created_by', 'outgoing_document.agency_id'])
    .where('outgoing_version.document_id', '=', documentId)
    .where('outgoing_version.version', '=', version)
    .executeTakeFirst();
  return row && { userId: row.created_by, agencyId: row.agency_id };
}
