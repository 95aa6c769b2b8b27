import type { Db } from './db/database.js';
import type { Clock } from './time/clock.js';
import type { PeriodicJob } from './module.js';

/** Runs each job now and then on its interval; a failing run is logged and retried at the next tick. Returns a stop function. */
export function startPeriodicJobs(jobs: PeriodicJob[], db: Db, clock: Clock, log: (msg: string) => void): () => void {
  const timers = jobs.map((job) => {
    const tick = () => job.run(db, clock).catch((err) => log(`${job.name} thất bại: ${err instanceof Error ? err.message : err}`));
    void tick();
    return setInterval(tick, job.everyMs).unref();
  });
  return () => timers.forEach(clearInterval);
}
