import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import type { Ctx } from '../context.js';
import { assertTransaction, type Db } from '../db/database.js';
import { requireActor } from '../context.js';
import { AppError, notFound } from '../../shared/errors.js';
import { nfc } from '../../shared/text.js';
import { detectFormat } from '../formats/detect.js';
import { recordAudit } from '../audit/audit.js';
import { TEXT_FAULT_MESSAGE, textFault } from '../http/text.js';
import { mayReadFile } from './holders.js';
import { BlobTooLargeError, type BlobDriver, type StagedBlob } from './blob-driver.js';
import type { Selectable } from 'kysely';
import type { StorageTables, StoredFileTable } from './tables.js';

export interface StoredFile {
  id: string;
  agencyId: string;
  sha256: string;
  size: number;
  format: string;
  mediaType: string;
  originalName: string;
  createdAt: Date;
}

/** An upload on local disk, hashed and format-checked, not yet recorded. */
export interface ReceivedFile {
  staged: StagedBlob;
  originalName: string;
  format: string;
  mediaType: string;
}

/** Points of a store where a crash test kills the process. */
export type StoreStep = 'staged' | 'committed' | 'recorded';

export interface FileStoreOptions {
  driver: BlobDriver;
  maxBytes: number;
  onStep?: (step: StoreStep) => void | Promise<void>;
}

const filesDb = (db: Db) => db.withTables<StorageTables>();

type FileFacts = Pick<StoredFile, 'sha256' | 'size' | 'format' | 'mediaType' | 'originalName'>;

function insertRow(ctx: Ctx, agencyId: string, file: FileFacts) {
  return filesDb(ctx.db)
    .insertInto('stored_file')
    .values({
      agency_id: agencyId,
      sha256: file.sha256,
      size: file.size,
      format: file.format,
      media_type: file.mediaType,
      original_name: file.originalName,
      created_by: requireActor(ctx).userId,
      created_at: ctx.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Files of every module: bytes in the blob driver, one `stored_file` row per stored object.
 * The blob is durable before its row is written (no row without its file); a blob whose row never
 * committed is an orphan removed by `reconcile` (no file without its row).
 */
export class FileStore {
  constructor(private readonly options: FileStoreOptions) {}

  get maxBytes(): number {
    return this.options.maxBytes;
  }

  /**
   * Receives an upload: streams it to a temporary file while hashing, then checks its format by
   * content. No database work, so a slow upload never holds a transaction (PGlite has one
   * connection). The caller then `record`s it in a transaction and `discard`s it in any case.
   */
  async receive(input: { source: Readable; originalName: string }): Promise<ReceivedFile> {
    // The name is judged before a byte is kept: a name the database refuses would leave a blob with no row.
    const fault = textFault(input.originalName);
    if (fault) {
      input.source.resume();
      throw new AppError('VALIDATION_FAILED', `Tên tệp ${TEXT_FAULT_MESSAGE[fault]}.`, [{ field: 'file', rule: 'text', params: { fault } }]);
    }
    // Cut by characters, not UTF-16 units, so a cut never splits a surrogate pair.
    const originalName = Array.from(nfc(input.originalName)).slice(0, 255).join('') || 'tep-khong-ten';
    let staged: StagedBlob;
    try {
      staged = await this.options.driver.stage(input.source, this.options.maxBytes);
    } catch (err) {
      if (err instanceof BlobTooLargeError) {
        throw new AppError('PAYLOAD_TOO_LARGE', `Tệp vượt quá dung lượng cho phép (${Math.floor(err.maxBytes / 1048576)} MB).`);
      }
      throw err;
    }
    await this.options.onStep?.('staged');
    const detected = await detectFormat(staged.localPath, originalName);
    if (!detected.ok) {
      await staged.discard();
      throw new AppError(detected.code, detected.message, { detected: detected.detected });
    }
    return { staged, originalName, format: detected.format, mediaType: detected.mediaType };
  }

  /** Makes a received file durable under its content address, then writes its row in the caller's transaction. */
  async record(ctx: Ctx, file: ReceivedFile): Promise<StoredFile> {
    assertTransaction(ctx.db);
    const actor = requireActor(ctx);
    await file.staged.commit();
    await this.options.onStep?.('committed');
    const row = await insertRow(ctx, actor.agencyId, { sha256: file.staged.sha256, size: file.staged.size, format: file.format, mediaType: file.mediaType, originalName: file.originalName });
    await recordAudit(ctx, { action: 'file.store', objectType: 'file', objectId: row.id, details: { sha256: row.sha256, size: row.size, name: row.original_name } });
    await this.options.onStep?.('recorded');
    return present(row);
  }

  /**
   * Files the same bytes for another agency (a document delivered to it): a new row pointing at
   * the existing blob, in the caller's transaction. The recipient then owns its copy's record.
   */
  async shareWith(ctx: Ctx, file: StoredFile, agencyId: string): Promise<StoredFile> {
    assertTransaction(ctx.db);
    const row = await insertRow(ctx, agencyId, file);
    await recordAudit(ctx, { action: 'file.share', objectType: 'file', objectId: row.id, details: { from: file.id, toAgencyId: agencyId, sha256: file.sha256 } });
    return present(row);
  }

  /** The whole file, its hash checked (small documents: PDFs to sign or verify). */
  async readAll(file: StoredFile): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.openVerified(file)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** Drops what `receive` left if it was not recorded; harmless after `record`. */
  discard(file: ReceivedFile): Promise<void> {
    return file.staged.discard();
  }

  /** Receive and record in one step, for small in-process files; the caller's transaction spans the write. */
  async store(ctx: Ctx, input: { source: Readable; originalName: string }): Promise<StoredFile> {
    const received = await this.receive(input);
    try {
      return await this.record(ctx, received);
    } finally {
      await this.discard(received);
    }
  }

  /**
   * A file the actor may read: one held by an object the actor may read, or their own upload that
   * nothing holds yet (holders.ts). Any other answers as missing, whoever asks: the system admin
   * and the inspector included.
   */
  async get(ctx: Ctx, id: string): Promise<StoredFile> {
    const actor = requireActor(ctx);
    const row = await filesDb(ctx.db).selectFrom('stored_file').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !(await mayReadFile(ctx.db, actor, { id: row.id, createdBy: row.created_by }))) throw notFound('Tệp');
    return present(row);
  }

  /** The bytes, hashed while they stream: a blob that no longer matches its hash ends the stream with an error. */
  openVerified(file: Pick<StoredFile, 'sha256'>): Readable {
    const hash = createHash('sha256');
    const check = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        done(null, chunk);
      },
      flush(done) {
        const actual = hash.digest('hex');
        done(actual === file.sha256 ? null : new AppError('INTERNAL_ERROR', `Tệp bị hỏng: mã băm ${actual} khác ${file.sha256}.`));
      },
    });
    const source = this.options.driver.open(file.sha256);
    source.on('error', (err) => check.destroy(err));
    return source.pipe(check);
  }

  /** A local path of the stored bytes, for command-line tools. */
  localPath(file: Pick<StoredFile, 'sha256'>): Promise<string> {
    return this.options.driver.localPath(file.sha256);
  }

  /** Re-reads a blob and compares its hash (fixity check). */
  async verify(file: Pick<StoredFile, 'sha256'>): Promise<boolean> {
    try {
      for await (const _chunk of this.openVerified(file)) {
        /* reading is the check */
      }
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Repairs what an interrupted store leaves: temp files, and blobs whose row never committed.
   * Blobs younger than `graceMs` are left alone: their row may be about to commit in another process.
   */
  async reconcile(db: Db, graceMs = 60 * 60 * 1000): Promise<{ tempRemoved: number; orphansRemoved: number; missing: string[] }> {
    const driver = this.options.driver;
    const tempRemoved = await driver.cleanTemp();
    const q = filesDb(db);
    let orphansRemoved = 0;
    const cutoff = Date.now() - graceMs;
    for await (const blob of driver.list()) {
      if (blob.mtime.getTime() > cutoff) continue;
      const used = await q.selectFrom('stored_file').select('id').where('sha256', '=', blob.sha256).limit(1).executeTakeFirst();
      if (!used) {
        await driver.delete(blob.sha256);
        orphansRemoved++;
      }
    }
    const missing: string[] = [];
    const hashes = await q.selectFrom('stored_file').select('sha256').distinct().execute();
    for (const { sha256 } of hashes) if (!(await driver.exists(sha256))) missing.push(sha256);
    return { tempRemoved, orphansRemoved, missing };
  }
}

function present(row: Selectable<StoredFileTable>): StoredFile {
  return {
    id: row.id,
    agencyId: row.agency_id,
    sha256: row.sha256,
    size: row.size,
    format: row.format,
    mediaType: row.media_type,
    originalName: row.original_name,
    createdAt: row.created_at,
  };
}
