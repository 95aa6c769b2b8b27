import { openSync, closeSync, writeSync, readFileSync, unlinkSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { hostname } from 'node:os';

/**
 * PGlite has no lock of its own: two processes on one data directory corrupt it.
 * We take an exclusive lock file (O_EXCL) holding our pid; a lock left by a dead process is taken over.
 */
export class DataDirLockedError extends Error {}

export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'vanthu.lock');
  const owner = `${process.pid}@${hostname()}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, owner);
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(path, 'utf8') === owner) unlinkSync(path);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = safeRead(path);
      if (holder && isAlive(holder)) {
        throw new DataDirLockedError(
          `Thư mục dữ liệu ${dir} đang được một tiến trình VănThư khác sử dụng (${holder}). ` +
            'Hãy dừng tiến trình đó, hoặc đặt VANTHU_DATA_DIR khác, hoặc dùng DATABASE_URL.',
        );
      }
      // Stale lock from a process that died: remove and retry once.
      try {
        unlinkSync(path);
      } catch {
        /* raced with another starter; the retry decides */
      }
    }
  }
  throw new DataDirLockedError(`Không khóa được thư mục dữ liệu ${dir}.`);
}

function safeRead(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function isAlive(holder: string): boolean {
  const [pidText, host] = holder.split('@');
  // A lock from another host (shared disk) cannot be checked: treat it as held.
  if (host !== hostname()) return true;
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
