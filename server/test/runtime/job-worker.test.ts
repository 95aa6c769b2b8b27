import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEngines } from '../harness/engines.js';
import { openRuntime } from '../../src/runtime.js';
import { systemClock } from '../../src/infra/time/clock.js';

/** The worker a server process runs: started by the runtime, it runs this period's scheduled work, and stops with it. */
describeEngines('the job worker of a server process', (get) => {
  it('runs every scheduled job once at start, and shutdown waits for it and closes', { timeout: 60_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'vanthu-jobs-rt-'));
    try {
      const url = get().url;
      const runtime = await openRuntime({ dataDir, databaseUrl: url, maxUploadBytes: 1024 * 1024 });
      const logged: string[] = [];
      runtime.startJobs({ clock: systemClock, log: (m) => logged.push(m) }, { pollMs: 50 });
      const done = async () => (await sql<{ queue: string; state: string }>`select queue, state from job order by queue`.execute(runtime.db)).rows;
      const expected = ['db.analyze', 'incoming.deadline-reminders', 'jobs.remove-finished', 'outgoing.convert-sweep', 'signing.certificate-expiry'];
      for (let i = 0; i < 200 && (await done()).filter((r) => r.state === 'done').length < expected.length; i++) await new Promise((r) => setTimeout(r, 50));
      expect(await done()).toEqual(expected.map((queue) => ({ queue, state: 'done' })));
      expect(logged).toEqual([]);
      await runtime.shutdown();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
