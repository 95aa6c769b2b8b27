import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chmod, copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import * as sample from '../formats/test-samples.js';
import { OfficeConverter, type ConvertibleFormat, type ConvertInput, type OfficeConverterOptions } from './index.js';
import { decisionHtml, hasSoffice, linkedImageDocx, makeOfficeFile, pdfText, SOFFICE } from './testkit.js';

const run = promisify(execFile);

let dir: string;
let counter = 0;

beforeAll(async () => {
  // A space in the path on purpose: it reaches soffice both as a path and inside a file URL.
  dir = await mkdtemp(join(tmpdir(), 'vanthu convert-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** An upload stored under a neutral name, as the file store keeps it. */
async function upload(bytes: Buffer | string, originalName: string): Promise<ConvertInput> {
  const path = join(dir, `upload-${++counter}`);
  await writeFile(path, bytes);
  return { path, originalName };
}

async function converter(options: Partial<OfficeConverterOptions> = {}): Promise<OfficeConverter> {
  return new OfficeConverter({ workDir: await mkdtemp(join(dir, 'work-')), ...options });
}

/** The AppError a promise rejects with; fails the test on anything else. */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** A stand-in for soffice: a shell script that gets the same arguments. */
async function fakeSoffice(script: string): Promise<string> {
  const path = join(dir, `fake-soffice-${++counter}`);
  await writeFile(path, `#!/bin/sh\n${script}\n`);
  await chmod(path, 0o755);
  return path;
}

/** Shell lines that set $profile and $out (the --outdir) from soffice's arguments. */
const PARSE_ARGS = 'profile="$1"; for a in "$@"; do [ "$prev" = --outdir ] && out="$a"; prev="$a"; done; mkdir -p "$out"';

/** Gone, or a zombie waiting for a reaper: either way it runs no more. */
function isGone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

async function eventually(check: () => boolean, ms = 3000): Promise<boolean> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

describe('refusals before LibreOffice starts', () => {
  // A binary that cannot exist: reaching it would give CONVERTER_MISSING instead.
  const options = { binary: '/nonexistent/soffice' };

  it.each([
    ['a PNG image', sample.png(), 'so-do.png', 'png', "Tệp 'so-do.png' là ảnh PNG (.png)"],
    ['a plain text', 'Kính gửi: Ủy ban nhân dân tỉnh\n', 'ghi-chu.txt', 'txt', "Tệp 'ghi-chu.txt' là văn bản thuần (.txt)"],
    ['a PDF', sample.pdf(), 'to-trinh.pdf', 'pdf', 'tài liệu PDF (.pdf)'],
  ])('refuses %s as CONVERSION_UNSUPPORTED', async (_label, bytes, name, detected, says) => {
    const err = await refusal((await converter(options)).convert(await upload(bytes, name)));
    expect(err.code).toBe('CONVERSION_UNSUPPORTED');
    expect(err.message).toContain(says);
    expect(err.message).toContain('chỉ chuyển được sang PDF tài liệu Word (.doc, .docx), văn bản OpenDocument (.odt) và RTF (.rtf)');
    expect(err.details).toEqual({ detected });
  });

  it('refuses a truncated .docx, saying it is damaged', async () => {
    const err = await refusal((await converter(options)).convert(await upload(sample.docx().subarray(0, 200), 'cong-van.docx')));
    expect(err.code).toBe('CONVERSION_UNSUPPORTED');
    expect(err.message).toMatch(/^Không chuyển được sang PDF\. .*bị hỏng/);
    expect(err.details).toMatchObject({ detected: 'zip-damaged' });
  });

  it('refuses random bytes behind a zip signature', async () => {
    const bytes = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), randomBytes(4000)]);
    const err = await refusal((await converter(options)).convert(await upload(bytes, 'cong-van.docx')));
    expect(err.code).toBe('CONVERSION_UNSUPPORTED');
  });

  it('refuses a Word document renamed .pdf, and an empty file', async () => {
    const c = await converter(options);
    expect((await refusal(c.convert(await upload(sample.docx(), 'a.pdf')))).details).toMatchObject({ reason: 'FORMAT_MISMATCH', detected: 'docx' });
    expect((await refusal(c.convert(await upload('', 'a.docx')))).details).toMatchObject({ reason: 'EMPTY_FILE' });
  });

  it('reports a missing soffice as CONVERTER_MISSING, telling the IT officer what to install', async () => {
    const err = await refusal((await converter(options)).convert(await upload(sample.docx(), 'cong-van.docx')));
    expect(err.code).toBe('CONVERTER_MISSING');
    expect(err.status).toBe(503);
    expect(err.message).toContain('libreoffice-writer-nogui');
    expect(err.message).toContain('VANTHU_SOFFICE');
    expect(err.details).toEqual({ binary: '/nonexistent/soffice', errno: 'ENOENT' });
  });

  it('takes the binary from VANTHU_SOFFICE when none is given', () => {
    const before = process.env.VANTHU_SOFFICE;
    process.env.VANTHU_SOFFICE = '/opt/lo/soffice';
    try {
      expect(new OfficeConverter({ workDir: dir }).binary).toBe('/opt/lo/soffice');
    } finally {
      if (before === undefined) delete process.env.VANTHU_SOFFICE;
      else process.env.VANTHU_SOFFICE = before;
    }
  });
});

describe('process control, with a fake soffice', () => {
  it('kills the whole process group on timeout and says CONVERSION_TIMEOUT', async () => {
    const pids = join(dir, 'timeout-pids');
    const binary = await fakeSoffice(`sleep 60 &\necho "$$ $!" > '${pids}'\nsleep 60`);
    const c = await converter({ binary, timeoutMs: 1500 });
    const started = Date.now();
    const err = await refusal(c.convert(await upload(sample.docx(), 'lon.docx')));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(err.code).toBe('CONVERSION_TIMEOUT');
    expect(err.message).toBe('Chuyển đổi sang PDF quá thời gian 1,5 giây; tệp có thể bị hỏng hoặc quá lớn.');
    const [script, child] = (await readFile(pids, 'utf8')).trim().split(' ').map(Number);
    expect(child).toBeGreaterThan(0);
    expect(await eventually(() => isGone(script) && isGone(child))).toBe(true);
    await c.close();
  });

  it('reports a non-zero exit as CONVERSION_FAILED, with stderr in the details only', async () => {
    const binary = await fakeSoffice('echo "javaldx warning" >&2\necho "Error: boom in filter" >&2\nexit 1');
    const err = await refusal((await converter({ binary })).convert(await upload(sample.docx(), 'cong-van.docx')));
    expect(err.code).toBe('CONVERSION_FAILED');
    expect(err.message).toContain("Không chuyển được tệp 'cong-van.docx' sang PDF");
    expect(err.message).not.toContain('boom');
    expect(err.details).toEqual({ exitCode: 1, signal: null, stderr: ['javaldx warning', 'Error: boom in filter'] });
  });

  it('reports success without a PDF, or with something else than a PDF, as CONVERSION_FAILED', async () => {
    const silent = await fakeSoffice('echo "Error: source file could not be loaded" >&2\nexit 0');
    const err = await refusal((await converter({ binary: silent })).convert(await upload(sample.docx(), 'a.docx')));
    expect(err.code).toBe('CONVERSION_FAILED');
    expect(err.message).toContain('không mở được tệp');
    expect(err.details).toMatchObject({ exitCode: 0, stderr: ['Error: source file could not be loaded'] });

    const liar = await fakeSoffice(`${PARSE_ARGS}\necho '<html>not a pdf</html>' > "$out/document.pdf"`);
    const err2 = await refusal((await converter({ binary: liar })).convert(await upload(sample.docx(), 'a.docx')));
    expect(err2.code).toBe('CONVERSION_FAILED');
    expect(err2.message).toContain('không phải tệp PDF');
  });

  it('hands the copy a safe name and the extension of its content, and removes every job directory', async () => {
    const args = join(dir, 'args-seen');
    const binary = await fakeSoffice(`${PARSE_ARGS}\nprintf '%s\\n' "$@" > '${args}'\nprintf '%%PDF-1.4 fake' > "$out/document.pdf"`);
    const c = await converter({ binary });
    const rtf = await upload('{\\rtf1\\ansi Công văn}', 'Công văn số 15 (bản cuối).RTF');
    const result = await c.convert(rtf);
    expect(result.pdf.toString()).toBe('%PDF-1.4 fake');
    expect(result.format).toBe('rtf');
    const seen = (await readFile(args, 'utf8')).trim().split('\n');
    expect(seen[0]).toMatch(/^-env:UserInstallation=file:\/\/\/.*\/profile-0$/);
    expect(seen.slice(1, 6)).toEqual(['--headless', '--norestore', '--nolockcheck', '--convert-to', 'pdf']);
    expect(seen.at(-1)).toMatch(/\/document\.rtf$/);
    const workDir = seen.at(-1)!.split('/jobs/')[0];
    expect(await readdir(join(workDir, 'jobs'))).toEqual([]);
    await c.close();
    expect(existsSync(join(workDir, 'jobs')) || existsSync(join(workDir, 'profile-0'))).toBe(false);
  });

  /** A fake that logs "start|end <profile>" around a short sleep, then writes a PDF. */
  async function loggingSoffice(log: string): Promise<string> {
    return fakeSoffice(`${PARSE_ARGS}\necho "start $profile" >> '${log}'\nsleep 0.3\necho "end $profile" >> '${log}'\nprintf '%%PDF-1.4' > "$out/document.pdf"`);
  }

  /** The most runs in progress at once, and the profiles of runs that overlapped. */
  function overlaps(log: string): { most: number; sharedProfile: boolean } {
    const live = new Set<string>();
    let most = 0;
    let sharedProfile = false;
    for (const line of readFileSync(log, 'utf8').trim().split('\n')) {
      const [event, profile] = line.split(' ');
      if (event === 'start') {
        sharedProfile ||= live.has(profile);
        live.add(profile);
      } else live.delete(profile);
      most = Math.max(most, live.size);
    }
    return { most, sharedProfile };
  }

  it('runs one conversion at a time by default, the others waiting in arrival order', async () => {
    const log = join(dir, 'serial-log');
    const c = await converter({ binary: await loggingSoffice(log) });
    const finished: number[] = [];
    const inputs = await Promise.all([0, 1, 2].map(() => upload(sample.docx(), 'a.docx')));
    const results = await Promise.all(inputs.map((input, i) => c.convert(input).then((r) => (finished.push(i), r))));
    expect(finished).toEqual([0, 1, 2]);
    expect(overlaps(log)).toEqual({ most: 1, sharedProfile: false });
    expect(results[2].waitMs).toBeGreaterThan(2 * 250);
    await c.close();
  });

  it('runs `workers` conversions at once, each on its own profile', async () => {
    const log = join(dir, 'parallel-log');
    const c = await converter({ binary: await loggingSoffice(log), workers: 2 });
    const inputs = await Promise.all([0, 1, 2, 3, 4].map(() => upload(sample.docx(), 'a.docx')));
    await Promise.all(inputs.map((input) => c.convert(input)));
    expect(overlaps(log)).toEqual({ most: 2, sharedProfile: false });
    await c.close();
  });

  it('on close, refuses queued conversions and kills the running one', async () => {
    const pids = join(dir, 'close-pids');
    const binary = await fakeSoffice(`echo "$$" > '${pids}'\nsleep 60`);
    const c = await converter({ binary, timeoutMs: 60_000 });
    const running = refusal(c.convert(await upload(sample.docx(), 'a.docx')));
    const queued = refusal(c.convert(await upload(sample.docx(), 'b.docx')));
    expect(await eventually(() => existsSync(pids))).toBe(true);
    await c.close();
    for (const err of [await running, await queued]) {
      expect(err.code).toBe('CONVERSION_FAILED');
      expect(err.details).toEqual({ reason: 'closed' });
    }
    expect(await eventually(() => isGone(Number(readFileSync(pids, 'utf8'))))).toBe(true);
    expect((await refusal(c.convert(await upload(sample.docx(), 'c.docx')))).details).toEqual({ reason: 'closed' });
  });
});

/** Words of the sample that must survive the round trip, diacritics included. */
const EXPECTED = ['QUYẾT ĐỊNH', 'Về việc ban hành Quy chế văn thư', 'Số: /QĐ-SNV', 'Nghị định số 30/2020/NĐ-CP'];
const normalized = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ');

describe.skipIf(!hasSoffice())('real LibreOffice', { timeout: 120_000 }, () => {
  const files = {} as Record<ConvertibleFormat, string>;
  let c: OfficeConverter;

  beforeAll(async () => {
    for (const format of ['docx', 'odt', 'doc', 'rtf'] as const) {
      files[format] = await makeOfficeFile(dir, `quyet-dinh-${format}`, decisionHtml(), format);
    }
    c = await converter();
  }, 120_000);
  afterAll(() => c?.close());

  it.each(['docx', 'odt', 'doc', 'rtf'] as const)('converts a .%s with Vietnamese text to PDF', async (format) => {
    const result = await c.convert({ path: files[format], originalName: `Quyết định ban hành quy chế.${format}` });
    expect(result.format).toBe(format);
    expect(result.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = normalized(await pdfText(result.pdf));
    for (const words of EXPECTED) expect(text).toContain(words);
  });

  it('runs two conversions at once with workers=2, on separate profiles', async () => {
    const workDir = await mkdtemp(join(dir, 'work-'));
    const two = new OfficeConverter({ workDir, workers: 2 });
    try {
      const [a, b] = await Promise.all([
        two.convert({ path: files.docx, originalName: 'a.docx' }),
        two.convert({ path: files.odt, originalName: 'b.odt' }),
      ]);
      // Neither waited for the other: they ran side by side.
      expect(Math.max(a.waitMs, b.waitMs)).toBeLessThan(100);
      for (const r of [a, b]) expect(normalized(await pdfText(r.pdf))).toContain('QUYẾT ĐỊNH');
      for (const slot of [0, 1]) expect(existsSync(join(workDir, `profile-${slot}`, 'user'))).toBe(true);
    } finally {
      await two.close();
    }
  });

  it('reports a .docx with a garbage body as CONVERSION_FAILED, and keeps working', async () => {
    const corrupt = sample.zip([
      {
        name: '[Content_Types].xml',
        data:
          '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      },
      { name: 'word/document.xml', data: randomBytes(3000) },
    ]);
    const err = await refusal(c.convert(await upload(corrupt, 'hong.docx')));
    expect(err.code).toBe('CONVERSION_FAILED');
    expect(err.message).toContain("Không chuyển được tệp 'hong.docx' sang PDF");
    const after = await c.convert({ path: files.docx, originalName: 'a.docx' });
    expect(after.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('fetches nothing a document links to: no request to a web address, no local file read', async () => {
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as { port: number };
      const secret = join(dir, 'secret.png');
      await writeFile(secret, sample.png());
      const remote = await upload(linkedImageDocx(`http://127.0.0.1:${port}/logo.png`), 'lien-ket.docx');
      const local = await upload(linkedImageDocx(pathToFileURL(secret).href), 'lien-ket.docx');

      // Control: LibreOffice with a profile of its defaults does fetch both.
      const control = await mkdtemp(join(dir, 'control-'));
      for (const [name, input] of [['remote', remote], ['local', local]] as const) {
        await copyFile(input.path, join(control, `${name}.docx`));
      }
      const bare = `-env:UserInstallation=${pathToFileURL(join(control, 'profile')).href}`;
      await run(SOFFICE, [bare, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', control, join(control, 'remote.docx'), join(control, 'local.docx')]);
      expect(requests.length).toBeGreaterThan(0);
      expect(new Set(requests)).toEqual(new Set(['/logo.png']));
      expect(await readFile(join(control, 'local.pdf'), 'latin1')).toMatch(IMAGE);
      requests.length = 0;

      const fromRemote = await c.convert(remote);
      expect(normalized(await pdfText(fromRemote.pdf))).toContain('Công văn có ảnh liên kết');
      expect(requests).toEqual([]);
      expect((await c.convert(local)).pdf.toString('latin1')).not.toMatch(IMAGE);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

const IMAGE = /\/Subtype\s*\/Image/;
