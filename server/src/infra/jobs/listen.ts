import pg from 'pg';
import { JOB_CHANNEL } from './queue.js';

/**
 * On PostgreSQL, a connection of its own LISTENs for jobs committed on any node, so a worker starts
 * them at once instead of at its next poll. Polling stays the guarantee: a lost connection is only
 * opened again after a pause. Answers a function that closes it.
 */
export function listenForJobs(url: string, onJob: () => void, log: (message: string) => void): () => Promise<void> {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const open = async () => {
    const c = new pg.Client({ connectionString: url });
    let failed = false;
    const again = (why: string) => {
      if (failed) return;
      failed = true;
      log(`hàng đợi công việc: kết nối LISTEN lỗi (${why}), thử lại sau 5 giây`);
      void c.end().catch(() => undefined);
      if (!closed) retry = setTimeout(() => void open(), 5000).unref();
    };
    c.on('notification', onJob);
    c.on('error', (err) => again(err.message));
    try {
      await c.connect();
      await c.query(`listen ${JOB_CHANNEL}`);
      if (closed) await c.end();
      else client = c;
    } catch (err) {
      again(err instanceof Error ? err.message : String(err));
    }
  };
  void open();
  return async () => {
    closed = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
