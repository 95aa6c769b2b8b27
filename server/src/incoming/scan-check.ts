import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The input standard of a digitised paper document (Q-11.2b): PDF 1.4 or later, colour images,
 * at least 200 dpi, at 100 % scale (the page has the size of the paper sheet). Read with poppler's
 * pdfinfo and pdfimages, which report the version, each page's size and each image's resolution
 * as placed on its page.
 */
export const SCAN_STANDARD = { minVersion: 1.4, minDpi: 200, sizeToleranceMm: 4 } as const;

/** Paper sizes a scanned sheet may have, in mm (portrait; landscape is accepted too). */
const PAPER_SIZES: Record<string, [number, number]> = { A3: [297, 420], A4: [210, 297], A5: [148, 210] };

export interface ScanProblem {
  page?: number;
  code: 'PDF_VERSION' | 'NOT_COLOUR' | 'LOW_RESOLUTION' | 'NOT_FULL_SCALE' | 'NO_IMAGE' | 'UNREADABLE';
  message: string;
}

export interface ScanReport {
  ok: boolean;
  version: string | null;
  pages: number;
  problems: ScanProblem[];
}

const PT_PER_MM = 72 / 25.4;

/**
 * poppler reads the user's file in its own process, off the event loop; a file that keeps it
 * busy past the time, or wants more than the memory, gets it killed and is reported unreadable.
 */
const POPPLER_LIMITS = { timeoutMs: 30_000, memoryBytes: 1024 * 1024 * 1024, outputBytes: 8 * 1024 * 1024 };

function poppler(tool: 'pdfinfo' | 'pdfimages', args: string[]) {
  return run('prlimit', [`--as=${POPPLER_LIMITS.memoryBytes}`, '--', tool, ...args], { maxBuffer: POPPLER_LIMITS.outputBytes, timeout: POPPLER_LIMITS.timeoutMs, killSignal: 'SIGKILL' });
}
const COLOUR_SPACES = new Set(['rgb', 'cmyk', 'icc', 'index', 'lab']);

export async function checkDigitisedScan(path: string): Promise<ScanReport> {
  let info: string;
  let images: string;
  try {
    info = (await poppler('pdfinfo', ['-f', '1', '-l', '100000', path])).stdout;
    images = (await poppler('pdfimages', ['-list', path])).stdout;
  } catch (err) {
    // poppler's own words name the fault; the server's file path stays out of the message.
    const said = String((err as { stderr?: string }).stderr ?? '').split('\n').find((l) => l.trim())?.replaceAll(path, 'tệp') ?? '';
    return { ok: false, version: null, pages: 0, problems: [{ code: 'UNREADABLE', message: `Không đọc được tệp PDF (tệp hỏng hoặc không phải PDF)${said ? `: ${said.trim()}` : ''}.` }] };
  }
  const problems: ScanProblem[] = [];
  const version = /^PDF version:\s+(\S+)/m.exec(info)?.[1] ?? null;
  if (!version || Number(version) < SCAN_STANDARD.minVersion) {
    problems.push({ code: 'PDF_VERSION', message: `Tệp là PDF ${version ?? 'không rõ phiên bản'}; bản số hóa phải là PDF ${SCAN_STANDARD.minVersion} trở lên.` });
  }
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  for (const m of info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)) {
    const [w, h] = [Number(m[2]) / PT_PER_MM, Number(m[3]) / PT_PER_MM];
    const fits = Object.values(PAPER_SIZES).some(([a, b]) => near(w, a) && near(h, b) || near(w, b) && near(h, a));
    if (!fits) {
      problems.push({ page: Number(m[1]), code: 'NOT_FULL_SCALE', message: `Trang ${m[1]} có kích thước ${w.toFixed(0)} × ${h.toFixed(0)} mm, không đúng khổ giấy (A3, A4, A5): bản quét phải giữ tỷ lệ 100 %.` });
    }
  }
  const byPage = new Map<number, { colour: string; area: number; xppi: number; yppi: number }[]>();
  for (const line of images.split('\n').slice(2)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 14 || f[2] !== 'image') continue;
    const page = Number(f[0]);
    byPage.set(page, [...(byPage.get(page) ?? []), { colour: f[5], area: Number(f[3]) * Number(f[4]), xppi: Number(f[12]), yppi: Number(f[13]) }]);
  }
  for (let page = 1; page <= pages; page++) {
    const imgs = byPage.get(page);
    if (!imgs?.length) {
      problems.push({ page, code: 'NO_IMAGE', message: `Trang ${page} không có ảnh quét.` });
      continue;
    }
    // The largest image is the scan; small ones may be logos or stamps added later.
    const scan = imgs.reduce((a, b) => (a.area >= b.area ? a : b));
    if (!COLOUR_SPACES.has(scan.colour)) {
      problems.push({ page, code: 'NOT_COLOUR', message: `Trang ${page} được quét ở chế độ ${scan.colour === 'gray' ? 'đen trắng/xám' : scan.colour}; bản số hóa phải là ảnh màu.` });
    }
    const dpi = Math.min(scan.xppi, scan.yppi);
    if (dpi < SCAN_STANDARD.minDpi) {
      problems.push({ page, code: 'LOW_RESOLUTION', message: `Trang ${page} có độ phân giải ${dpi} dpi; bản số hóa cần tối thiểu ${SCAN_STANDARD.minDpi} dpi.` });
    }
  }
  return { ok: problems.length === 0, version, pages, problems };
}

function near(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= SCAN_STANDARD.sizeToleranceMm;
}
