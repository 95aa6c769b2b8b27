import { spawn } from 'node:child_process';

/*
 * soffice is a launcher script that starts oosplash, which starts soffice.bin: killing only
 * the pid we spawned would leave the real worker running. Each run therefore gets its own
 * process group (detached), and every stop kills the whole group.
 */

export type RunOutcome =
  | { status: 'exited'; code: number | null; signal: NodeJS.Signals | null; stderr: string }
  | { status: 'timeout' | 'aborted'; stderr: string }
  /** The binary could not be started at all (ENOENT, EACCES, …). */
  | { status: 'missing'; errno: string; message: string };

export interface GroupRun {
  readonly outcome: Promise<RunOutcome>;
  /** Kills the whole group now; the outcome becomes 'aborted' unless it already settled. */
  abort(): void;
}

/** Enough for the last lines of a LibreOffice complaint, bounded whatever it prints. */
const STDERR_KEEP = 16 * 1024;

export function runInOwnGroup(binary: string, args: string[], timeoutMs: number): GroupRun {
  const child = spawn(binary, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_KEEP);
  });

  let stopped: 'timeout' | 'aborted' | undefined;
  let settled = false;
  const killGroup = () => {
    // Never after settling: by then the group id may in theory belong to someone else.
    if (settled || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
    }
  };

  let stop: (why: 'timeout' | 'aborted') => void = () => undefined;
  const outcome = new Promise<RunOutcome>((resolve) => {
    const settle = (result: RunOutcome) => {
      if (settled) return;
      clearTimeout(timer);
      settled = true;
      resolve(result);
    };
    stop = (why) => {
      stopped ??= why;
      killGroup();
    };
    const timer = setTimeout(() => stop('timeout'), timeoutMs);

    child.once('error', (err: NodeJS.ErrnoException) => {
      // Only a failed spawn emits 'error' here: nothing is sent to the child through Node.
      settle({ status: 'missing', errno: err.code ?? 'UNKNOWN', message: err.message });
    });
    child.once('exit', () => {
      // Whatever the launcher left behind in its group is orphaned: finish it off, which also
      // closes the stderr pipe those leftovers might hold open.
      killGroup();
      // After a kill, do not wait for stderr to drain: a process that escaped the group
      // could hold the pipe forever, and the job must end.
      if (stopped) settle({ status: stopped, stderr });
    });
    child.once('close', (code, signal) => {
      settle(stopped ? { status: stopped, stderr } : { status: 'exited', code, signal, stderr });
    });
  });

  return { outcome, abort: () => stop('aborted') };
}

/** The last non-blank lines of a process's stderr, for error details. */
export function lastLines(text: string, count = 10): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l !== '')
    .slice(-count);
}
