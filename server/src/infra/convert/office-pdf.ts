import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppError } from '../../shared/errors.js';
import { detectFormat, FORMATS, type FileFormat } from '../formats/detect.js';
import { lastLines, runInOwnGroup, type GroupRun, type RunOutcome } from './process-group.js';
import { freshProfile } from './profile.js';
import { WorkerPool } from './worker-pool.js';

/** Office formats LibreOffice Writer turns into PDF; anything else is refused before it starts. */
export const CONVERTIBLE_FORMATS = ['docx', 'doc', 'odt', 'rtf'] as const satisfies readonly FileFormat[];
export type ConvertibleFormat = (typeof CONVERTIBLE_FORMATS)[number];

export interface OfficeConverterOptions {
  /** The soffice executable; default VANTHU_SOFFICE, else `soffice` on the PATH. */
  binary?: string;
  /** Conversions run at once, each with its own LibreOffice profile; default 1. */
  workers?: number;
  /** Limit for one LibreOffice run (waiting in the queue does not count); default 2 minutes. */
  timeoutMs?: number;
  /**
   * Profiles and per-job scratch space. Belongs to one converter: it is cleared when the
   * converter starts and closes. Best kept to an ASCII path, as LibreOffice receives it.
   */
  workDir: string;
}

export interface ConvertInput {
  path: string;
  /** The name the user gave; shown in messages and checked against the content. */
  originalName: string;
}

export interface ConvertResult {
  /** The whole PDF in memory, so no temporary file outlives the call. */
  pdf: Buffer;
  format: ConvertibleFormat;
  /** Time spent converting, from taking a worker to reading the PDF. */
  ms: number;
  /** Time spent waiting in the queue for a worker. */
  waitMs: number;
}

const ACCEPTED_TEXT = 'chỉ chuyển được sang PDF tài liệu Word (.doc, .docx), văn bản OpenDocument (.odt) và RTF (.rtf)';

/**
 * Converts office documents to PDF with LibreOffice in headless mode. At most `workers`
 * conversions run at once; the others wait in arrival order. Each run is killed, with every
 * process it started, when it passes `timeoutMs`.
 */
export class OfficeConverter {
  readonly binary: string;
  readonly timeoutMs: number;
  private readonly workDir: string;
  private readonly workers: number;
  private readonly pool: WorkerPool;
  private readonly profiles = new Map<number, Promise<string>>();
  private readonly running = new Set<GroupRun>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private prepared?: Promise<void>;
  private closing?: Promise<void>;

  constructor(options: OfficeConverterOptions) {
    this.binary = options.binary ?? process.env.VANTHU_SOFFICE ?? 'soffice';
    this.workers = options.workers ?? 1;
    this.timeoutMs = options.timeoutMs ?? 120_000;
    if (!(this.timeoutMs > 0 && Number.isFinite(this.timeoutMs))) throw new RangeError(`timeoutMs must be positive, got ${this.timeoutMs}`);
    // Absolute, so no path given to soffice can ever read as an option.
    this.workDir = resolve(options.workDir);
    this.pool = new WorkerPool(this.workers);
  }

  /** Checks the content, waits for a worker, converts. Throws AppError with a CONVERSION_* or CONVERTER_MISSING code. */
  async convert(input: ConvertInput): Promise<ConvertResult> {
    if (this.closing) throw stoppedError();
    const queuedAt = performance.now();
    // The place in line is taken at the call, so the order holds however long each check takes.
    const place = this.pool.reserve();
    let format: ConvertibleFormat;
    try {
      format = await convertibleFormat(input);
    } catch (err) {
      place.cancel();
      throw err;
    }
    const slot = await place.slot;
    try {
      // close() may have come while this call waited for its turn.
      if (this.closing) throw stoppedError();
      const startedAt = performance.now();
      const job = this.runJob(slot, input, format);
      this.inFlight.add(job);
      try {
        const pdf = await job;
        return { pdf, format, ms: performance.now() - startedAt, waitMs: startedAt - queuedAt };
      } finally {
        this.inFlight.delete(job);
      }
    } finally {
      this.pool.release(slot);
    }
  }

  /** Conversions waiting for a worker, for status pages. */
  get queued(): number {
    return this.pool.queued;
  }

  /** Refuses queued and new conversions, kills running ones, and removes profiles and scratch space. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.pool.drain(stoppedError());
      for (const run of this.running) run.abort();
      await Promise.allSettled([...this.inFlight]);
      await Promise.allSettled([...this.profiles.values()]);
      await rm(join(this.workDir, 'jobs'), { recursive: true, force: true });
      for (let slot = 0; slot < this.workers; slot++) {
        await rm(this.profileDir(slot), { recursive: true, force: true });
      }
    })();
    return this.closing;
  }

  private async runJob(slot: number, input: ConvertInput, format: ConvertibleFormat): Promise<Buffer> {
    // Leftovers of a crashed process are removed once, before the first job.
    this.prepared ??= (async () => {
      await rm(join(this.workDir, 'jobs'), { recursive: true, force: true });
      await mkdir(join(this.workDir, 'jobs'), { recursive: true });
    })().catch((err: unknown) => {
      this.prepared = undefined; // an unwritable workDir may be fixed without a restart
      throw err;
    });
    await this.prepared;
    const profile = await this.profile(slot);
    const jobDir = await mkdtemp(join(this.workDir, 'jobs', 'job-'));
    try {
      // LibreOffice picks its import filter partly by extension and mishandles odd names:
      // it gets a copy under a fixed ASCII name with the extension the content calls for.
      const source = join(jobDir, `document.${FORMATS[format].extensions[0]}`);
      await copyFile(input.path, source);
      const outDir = join(jobDir, 'out');
      const args = [profile, '--headless', '--norestore', '--nolockcheck', '--convert-to', 'pdf', '--outdir', outDir, source];
      // Checked with no await before the run is registered, so close() kills whatever started.
      if (this.closing) throw stoppedError();
      const run = runInOwnGroup(this.binary, args, this.timeoutMs);
      this.running.add(run);
      let outcome: RunOutcome;
      try {
        outcome = await run.outcome;
      } finally {
        this.running.delete(run);
      }
      // A killed LibreOffice may leave its profile half-written: the next job on this slot starts afresh.
      if (outcome.status === 'timeout') this.profiles.delete(slot);
      return await this.readPdf(outcome, join(outDir, 'document.pdf'), input.originalName);
    } finally {
      await rm(jobDir, { recursive: true, force: true });
    }
  }

  private profile(slot: number): Promise<string> {
    let made = this.profiles.get(slot);
    if (!made) {
      made = freshProfile(this.profileDir(slot));
      made.catch(() => this.profiles.delete(slot));
      this.profiles.set(slot, made);
    }
    return made;
  }

  private profileDir(slot: number): string {
    return join(this.workDir, `profile-${slot}`);
  }

  private async readPdf(outcome: RunOutcome, pdfPath: string, originalName: string): Promise<Buffer> {
    const quoted = quote(originalName);
    switch (outcome.status) {
      case 'missing':
        throw new AppError(
          'CONVERTER_MISSING',
          'Máy chủ chưa chạy được LibreOffice để chuyển văn bản sang PDF. Cán bộ CNTT cần cài gói ' +
            'libreoffice-writer-nogui, hoặc đặt biến môi trường VANTHU_SOFFICE chỉ tới chương trình soffice.',
          { binary: this.binary, errno: outcome.errno },
        );
      case 'timeout':
        throw new AppError(
          'CONVERSION_TIMEOUT',
          `Chuyển đổi sang PDF quá thời gian ${(this.timeoutMs / 1000).toLocaleString('vi-VN')} giây; tệp có thể bị hỏng hoặc quá lớn.`,
          { timeoutMs: this.timeoutMs, stderr: lastLines(outcome.stderr) },
        );
      case 'aborted':
        throw stoppedError();
      case 'exited':
        break;
    }
    const details = { exitCode: outcome.code, signal: outcome.signal, stderr: lastLines(outcome.stderr) };
    if (outcome.code !== 0) {
      throw new AppError(
        'CONVERSION_FAILED',
        `Không chuyển được ${quoted} sang PDF: LibreOffice báo lỗi khi xử lý tệp; tệp có thể bị hỏng hoặc dùng tính năng không được hỗ trợ.`,
        details,
      );
    }
    // LibreOffice exits 0 even when it cannot open the file; only the missing output tells.
    const pdf = await readFile(pdfPath).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    if (!pdf) {
      throw new AppError(
        'CONVERSION_FAILED',
        `Không chuyển được ${quoted} sang PDF: LibreOffice không mở được tệp; tệp có thể bị hỏng hoặc được đặt mật khẩu.`,
        details,
      );
    }
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new AppError('CONVERSION_FAILED', `Không chuyển được ${quoted} sang PDF: kết quả không phải tệp PDF.`, details);
    }
    return pdf;
  }
}

/** The format by content, if it is one LibreOffice Writer converts; else CONVERSION_UNSUPPORTED. */
async function convertibleFormat(input: ConvertInput): Promise<ConvertibleFormat> {
  const found = await detectFormat(input.path, input.originalName);
  if (!found.ok) {
    throw new AppError('CONVERSION_UNSUPPORTED', `Không chuyển được sang PDF. ${found.message}`, {
      reason: found.code,
      detected: found.detected,
    });
  }
  if (!(CONVERTIBLE_FORMATS as readonly FileFormat[]).includes(found.format)) {
    const { label, extensions } = FORMATS[found.format];
    throw new AppError(
      'CONVERSION_UNSUPPORTED',
      `${capitalize(quote(input.originalName))} là ${label.charAt(0).toLowerCase()}${label.slice(1)} (.${extensions[0]}); ${ACCEPTED_TEXT}.`,
      { detected: found.format },
    );
  }
  return found.format as ConvertibleFormat;
}

const quote = (originalName: string): string => {
  const name = originalName.split(/[\\/]/).pop();
  return name ? `tệp '${name}'` : 'tệp';
};

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const stoppedError = () =>
  new AppError('CONVERSION_FAILED', 'Dịch vụ chuyển đổi sang PDF đang dừng (máy chủ đang tắt); hãy thử lại sau.', { reason: 'closed' });
