import { Readable } from 'node:stream';
import type { Ctx } from '../infra/context.js';
import { inTransaction, type Db } from '../infra/db/database.js';
import type { OfficeConverter } from '../infra/convert/index.js';
import { AppError } from '../shared/errors.js';
import { outgoingDb } from './repository.js';

/**
 * Drafts uploaded as .docx, .odt, .doc or .rtf become PDF in the background: the upload
 * answers at once with conversion "pending", the converter's queue does the work, and the version
 * gets its PDF, or the reason it failed. Versions left pending by a stop are taken up at start.
 */
export class DraftConversions {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly converter: OfficeConverter,
    private readonly log: (message: string) => void,
  ) {}

  /** Converts every pending version of a document; never throws (failures are recorded on the version). */
  enqueue(ctx: Ctx, documentId: string): void {
    const job = this.run(ctx, documentId).catch((err) => this.log(`chuyển đổi dự thảo ${documentId} lỗi: ${err instanceof Error ? err.message : err}`));
    this.inFlight.add(job);
    void job.finally(() => this.inFlight.delete(job));
  }

  /** Resumes what a stopped server left pending, acting as each version's author. */
  async resume(base: Omit<Ctx, 'actor'>): Promise<void> {
    const rows = await outgoingDb(base.db)
      .selectFrom('outgoing_version')
      .innerJoin('outgoing_document', 'outgoing_document.id', 'outgoing_version.document_id')
      .select(['outgoing_version.document_id', 'outgoing_version.created_by', 'outgoing_document.agency_id'])
      .where('outgoing_version.conversion', '=', 'pending')
      .execute();
    for (const r of rows) {
      this.enqueue({ ...base, actor: { userId: r.created_by, username: '', fullName: '', agencyId: r.agency_id, unitId: null, roles: [] } }, r.document_id);
    }
  }

  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  private async run(ctx: Ctx, documentId: string): Promise<void> {
    const pending = await outgoingDb(ctx.db).selectFrom('outgoing_version').selectAll().where('document_id', '=', documentId).where('conversion', '=', 'pending').orderBy('version').execute();
    for (const version of pending) {
      const source = await ctx.files.get(ctx, version.source_file_id);
      let pdf: Buffer;
      try {
        pdf = (await this.converter.convert({ path: await ctx.files.localPath(source), originalName: source.originalName })).pdf;
      } catch (err) {
        const message = err instanceof AppError ? err.message : 'Lỗi không xác định khi chuyển đổi sang PDF.';
        await markFailed(ctx.db, documentId, version.version, message);
        if (!(err instanceof AppError)) throw err;
        continue;
      }
      await inTransaction(ctx.db, async (trx) => {
        const tctx = { ...ctx, db: trx };
        const name = source.originalName.replace(/\.[^.]+$/, '') + '.pdf';
        const file = await ctx.files.store(tctx, { source: Readable.from([pdf]), originalName: name });
        await outgoingDb(trx).updateTable('outgoing_version').set({ pdf_file_id: file.id, conversion: 'done' }).where('document_id', '=', documentId).where('version', '=', version.version).where('conversion', '=', 'pending').execute();
      });
    }
  }
}

async function markFailed(db: Db, documentId: string, version: number, message: string) {
  await outgoingDb(db).updateTable('outgoing_version').set({ conversion: 'failed', conversion_error: message.slice(0, 1000) }).where('document_id', '=', documentId).where('version', '=', version).where('conversion', '=', 'pending').execute();
}
