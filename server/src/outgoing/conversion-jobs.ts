import type { Db } from '../infra/db/database.js';
import { outgoingDb } from './repository.js';

/**
 * What waits for conversion to PDF: a draft version's file or an appendix's (Q-10.1, Q-8.2c).
 * Each job records its own outcome; the `pending` guard makes a repeated run harmless.
 */
export interface ConversionJob {
  sourceFileId: string;
  done(db: Db, pdfFileId: string): Promise<void>;
  failed(db: Db, message: string): Promise<void>;
}

export async function pendingJobs(db: Db, documentId: string): Promise<ConversionJob[]> {
  const q = outgoingDb(db);
  const versions = await q.selectFrom('outgoing_version').select(['version', 'source_file_id']).where('document_id', '=', documentId).where('conversion', '=', 'pending').orderBy('version').execute();
  const appendices = await q.selectFrom('outgoing_appendix').select(['id', 'source_file_id']).where('document_id', '=', documentId).where('conversion', '=', 'pending').orderBy('version').orderBy('ordinal').execute();
  const versionJobs = versions.map<ConversionJob>((v) => {
    const row = (db: Db) => outgoingDb(db).updateTable('outgoing_version').where('document_id', '=', documentId).where('version', '=', v.version).where('conversion', '=', 'pending');
    return {
      sourceFileId: v.source_file_id,
      done: async (db, pdfFileId) => void (await row(db).set({ pdf_file_id: pdfFileId, conversion: 'done' }).execute()),
      failed: async (db, message) => void (await row(db).set({ conversion: 'failed', conversion_error: message.slice(0, 1000) }).execute()),
    };
  });
  const appendixJobs = appendices.map<ConversionJob>((a) => {
    const row = (db: Db) => outgoingDb(db).updateTable('outgoing_appendix').where('id', '=', a.id).where('conversion', '=', 'pending');
    return {
      sourceFileId: a.source_file_id,
      done: async (db, pdfFileId) => void (await row(db).set({ pdf_file_id: pdfFileId, conversion: 'done' }).execute()),
      failed: async (db, message) => void (await row(db).set({ conversion: 'failed', conversion_error: message.slice(0, 1000) }).execute()),
    };
  });
  return [...versionJobs, ...appendixJobs];
}

/** Documents with anything pending, and who uploaded it: a stopped server resumes as that person. */
export async function documentsWithPending(db: Db): Promise<{ documentId: string; createdBy: string; agencyId: string }[]> {
  const rows = await outgoingDb(db)
    .selectFrom('outgoing_document')
    .innerJoin('outgoing_version', (join) => join.onRef('outgoing_version.document_id', '=', 'outgoing_document.id').onRef('outgoing_version.version', '=', 'outgoing_document.current_version'))
    .select(['outgoing_document.id', 'outgoing_document.agency_id', 'outgoing_version.created_by'])
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('outgoing_version as v').select('v.version').whereRef('v.document_id', '=', 'outgoing_document.id').where('v.conversion', '=', 'pending')),
        eb.exists(eb.selectFrom('outgoing_appendix as a').select('a.id').whereRef('a.document_id', '=', 'outgoing_document.id').where('a.conversion', '=', 'pending')),
      ]),
    )
    .execute();
  return rows.map((r) => ({ documentId: r.id, createdBy: r.created_by, agencyId: r.agency_id }));
}
