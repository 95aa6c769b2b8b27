import { Readable } from 'node:stream';
import type { Ctx } from '../infra/context.js';
import type { Db } from '../infra/db/database.js';
import { inTransaction } from '../infra/db/database.js';
import { enqueue, type JobDefinition, type JobEnv } from '../infra/jobs/index.js';
import { AppError } from '../shared/errors.js';
import { pendingConversions, versionAuthor, versionsWithPending } from './conversion-jobs.js';

/**
 * Drafts and appendices uploaded as .docx, .odt, .doc or .rtf become PDF in the background (Q-10.1,
 * Q-8.2c): the upload answers at once with conversion "pending", and the transaction that stores the
 * version enqueues one durable job for it; one worker of one node claims it. The version or appendix
 * gets its PDF, or the reason it failed (a failed conversion is an outcome, not a job to retry).
 */

interface ConversionPayload {
  documentId: string;
  version: number;
}

/** Enqueues the conversion of what this version left pending, in the caller's transaction; once per version. */
export async function enqueueConversion(db: Db, documentId: string, version: number): Promise<void> {
  if (!(await pendingConversions(db, documentId, version)).length) return;
  await enqueue<ConversionPayload>(db, draftConversion, { documentId, version }, { uniqueKey: `${documentId}:${version}` });
}

const CONVERSION_ATTEMPTS = 3;

export const draftConversion: JobDefinition<ConversionPayload> = {
  name: 'outgoing.convert',
  maxAttempts: CONVERSION_ATTEMPTS,
  async run({ documentId, version }, env, job) {
    const pending = await pendingConversions(env.db, documentId, version);
    if (!pending.length) return;
    const { converter } = env;
    // Retried with back-off, then dead (the admin retries it once LibreOffice is installed).
    if (!converter) throw new Error('Chưa có LibreOffice để chuyển dự thảo sang PDF.');
    const ctx = await authorCtx(env, documentId, version);
    for (const item of pending) {
      const source = await ctx.files.get(ctx, item.sourceFileId);
      let pdf: Buffer;
      try {
        pdf = (await converter.convert({ path: await ctx.files.localPath(source), originalName: source.originalName })).pdf;
      } catch (err) {
        // An unexpected error is retried; a refusal of the file (or the last attempt) is recorded on
        // the version, which asks for another file; the document's other files still convert.
        if (!(err instanceof AppError) && job.attempt < CONVERSION_ATTEMPTS) throw err;
        await item.failed(ctx.db, err instanceof AppError ? err.message : 'Lỗi không xác định khi chuyển đổi sang PDF.');
        continue;
      }
      await inTransaction(ctx.db, async (trx) => {
        const name = source.originalName.replace(/\.[^.]+$/, '') + '.pdf';
        const file = await ctx.files.store({ ...ctx, db: trx }, { source: Readable.from([pdf]), originalName: name });
        await item.done(trx, file.id);
      });
    }
  },
};

/**
 * Hourly: a version pending without a job (left by a server before durable jobs) gets one. The
 * unique key makes this a no-op for every version that has its job already.
 */
export const conversionSweep: JobDefinition = {
  name: 'outgoing.convert-sweep',
  everyMs: 60 * 60 * 1000,
  async run(_slot, env) {
    for (const v of await versionsWithPending(env.db)) await enqueue<ConversionPayload>(env.db, draftConversion, v, { uniqueKey: `${v.documentId}:${v.version}` });
  },
};

/** The job acts as the person who uploaded the version: files are read and stored in their name and agency. */
async function authorCtx(env: JobEnv, documentId: string, version: number): Promise<Ctx> {
  const author = await versionAuthor(env.db, documentId, version);
  if (!author) throw new Error(`không thấy phiên bản ${version} của dự thảo ${documentId}`);
  return { db: env.db, clock: env.clock, files: env.files, ip: null, actor: { userId: author.userId, username: '', fullName: '', agencyId: author.agencyId, unitId: null, roles: [] } };
}
