import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { once } from 'node:events';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobTooLargeError, type BlobDriver, type StagedBlob } from './blob-driver.js';

const HASH_RE = /^[0-9a-f]{64}$/;

/**
 * Content-addressed blobs on the local filesystem: `<root>/sha256/ab/cd/<hash>`.
 * Durable write: temp file → fsync → rename → fsync the directory, so a crash leaves either
 * nothing, a temp file, or a complete blob — never a partial blob under its address.
 */
export class FsBlobDriver implements BlobDriver {
  private readonly tmpDir: string;
  private readonly blobDir: string;

  constructor(root: string) {
    this.tmpDir = join(root, 'tmp');
    this.blobDir = join(root, 'sha256');
  }

  pathOf(sha256: string): string {
    if (!HASH_RE.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(this.blobDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async stage(source: Readable, maxBytes: number): Promise<StagedBlob> {
    await mkdir(this.tmpDir, { recursive: true });
    const tmpPath = join(this.tmpDir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new BlobTooLargeError(maxBytes));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const sink = createWriteStream(tmpPath, { flags: 'wx' });
    try {
      await pipeline(source, meter, sink);
      await fsyncPath(tmpPath);
    } catch (err) {
      // A failure can come while the file is still being opened: wait until it is closed, or the
      // open would create it again after our rm.
      if (!sink.closed) await once(sink, 'close').catch(() => undefined);
      await rm(tmpPath, { force: true });
      throw err;
    }
    const sha256 = hash.digest('hex');
    const finalPath = this.pathOf(sha256);
    return {
      sha256,
      size,
      localPath: tmpPath,
      commit: async () => {
        await mkdir(dirname(finalPath), { recursive: true });
        await rename(tmpPath, finalPath); // same content under the same name: replacing is harmless
        await fsyncPath(dirname(finalPath));
      },
      discard: () => rm(tmpPath, { force: true }),
    };
  }

  open(sha256: string): Readable {
    return createReadStream(this.pathOf(sha256));
  }

  async localPath(sha256: string): Promise<string> {
    return this.pathOf(sha256);
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      await stat(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
    await fsyncPath(dirname(this.pathOf(sha256))).catch(() => undefined);
  }

  async *list(): AsyncIterable<{ sha256: string; mtime: Date }> {
    for (const a of await readdirSafe(this.blobDir)) {
      for (const b of await readdirSafe(join(this.blobDir, a))) {
        for (const name of await readdirSafe(join(this.blobDir, a, b))) {
          if (!HASH_RE.test(name)) continue;
          const info = await stat(join(this.blobDir, a, b, name));
          yield { sha256: name, mtime: info.mtime };
        }
      }
    }
  }

  async cleanTemp(): Promise<number> {
    const names = await readdirSafe(this.tmpDir);
    await Promise.all(names.map((n) => unlink(join(this.tmpDir, n)).catch(() => undefined)));
    return names.length;
  }
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function readdirSafe(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}
