import { Readable } from 'node:stream';
import type { Ctx } from '../infra/context.js';
import { inTransaction } from '../infra/db/database.js';
import type { OfficeConverter } from '../infra/convert/index.js';
import { AppError } from '../shared/errors.js';
import { documentsWithPending, pendingJobs } from './conversion-jobs.js';

/**
 * Drafts and appendices uploaded as .docx, .odt, .doc or .rtf become PDF in the background (Q-10.1,
 * Q-8.2c): the upload answers at once with conversion "pending", the converter's queue does the
 * work, and the version or appendix gets its PDF, or the reason it failed. What a stop left
 * pending is taken up at start.
 */
export class DraftConversions {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly converter: OfficeConverter,
    private readonly log: (message: string) => void,
  ) {}

  /** Converts every pending version and appendix of a document; never throws (failures are recorded on each). */
  enqueue(ctx: Ctx, documentId: string): void {
    const job = this.run(ctx, documentId).catch((err) => this.log(`chuyển đổi dự thảo ${documentId} lỗi: ${err instanceof Error ? err.message : err}`));
    this.inFlight.add(job);
    void job.finally(() => this.inFlight.delete(job));
  }

  /** Resumes what a stopped server left pending, acting as the author of each document's current version. */
  async resume(base: Omit<Ctx, 'actor'>): Promise<void> {
    for (const r of await documentsWithPending(base.db)) {
      this.enqueue({ ...base, actor: { userId: r.createdBy, username: '', fullName: '', agencyId: r.agencyId, unitId: null, roles: [] } }, r.documentId);
    }
  }

  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  private async run(ctx: Ctx, documentId: string): Promise<void> {
    for (const job of await pendingJobs(ctx.db, documentId)) {
      const source = await ctx.files.get(ctx, job.sourceFileId);
      let pdf: Buffer;
      try {
        pdf = (await this.converter.convert({ path: await ctx.files.localPath(source), originalName: source.originalName })).pdf;
      } catch (err) {
        // Recorded on the version, which asks for another file; the document's other files still convert.
        await job.failed(ctx.db, err instanceof AppError ? err.message : 'Lỗi không xác định khi chuyển đổi sang PDF.');
        continue;
      }
      await inTransaction(ctx.db, async (trx) => {
        const name = source.originalName.replace(/\.[^.]+$/, '') + '.pdf';
        const file = await ctx.files.store({ ...ctx, db: trx }, { source: Readable.from([pdf]), originalName: name });
        await job.done(trx, file.id);
      });
    }
  }
}
