/**
 * Runs OpenSC's `pkcs11-tool` and turns its failures into Vietnamese errors. A child process
 * rather than a native npm addon: installing native addons breaks too often for newcomers, and
 * `pkcs11-tool` (Debian `opensc`) talks to any vendor's PKCS#11 library.
 *
 * The PIN travels in an environment variable, read by pkcs11-tool's `--pin env:NAME`: a command
 * line is readable by every user through `ps` and /proc/<pid>/cmdline, while /proc/<pid>/environ
 * is readable only by the same user and root.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SigningError } from '../errors.js';

export const PIN_VARIABLE = 'VANTHU_PKCS11_PIN';

export interface TokenAddress {
  /** Path of the vendor's PKCS#11 library, e.g. /usr/lib/softhsm/libsofthsm2.so. */
  module: string;
  /** The token's label; or `slot`, its slot id. Neither: the first token found. */
  tokenLabel?: string;
  slot?: string;
  /** Extra environment for the library, e.g. SOFTHSM2_CONF. */
  env?: Record<string, string>;
  /** The pkcs11-tool command; `pkcs11-tool` on PATH when left out. */
  tool?: string;
}

/**
 * Runs pkcs11-tool logged in with `pin`, with `input` in a file when given, and returns what it
 * wrote to its output file. Files live in a private temporary directory removed afterwards.
 */
export async function runPkcs11Tool(address: TokenAddress, pin: string, args: string[], input?: Buffer): Promise<Buffer> {
  // An empty variable makes pkcs11-tool fall back to prompting on the terminal, which a server has not.
  if (!pin) throw new SigningError('KEY_UNREADABLE', 'Chưa nhập mã PIN của thiết bị ký số.');
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-pkcs11-'));
  try {
    const inputFile = join(dir, 'input');
    const outputFile = join(dir, 'output');
    if (input) await writeFile(inputFile, input, { mode: 0o600 });
    const token = address.slot ? ['--slot', address.slot] : address.tokenLabel ? ['--token-label', address.tokenLabel] : [];
    const fullArgs = ['--module', address.module, ...token, '--login', '--pin', `env:${PIN_VARIABLE}`, ...args, ...(input ? ['--input-file', inputFile] : []), '--output-file', outputFile];
    await execute(address, pin, fullArgs);
    return await readFile(outputFile);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function execute(address: TokenAddress, pin: string, args: string[]): Promise<void> {
  const env = { ...process.env, ...address.env, [PIN_VARIABLE]: pin };
  return new Promise((resolve, reject) => {
    const child = execFile(address.tool ?? 'pkcs11-tool', args, { env, timeout: 60_000 }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      const code = (error as NodeJS.ErrnoException).code;
      reject(code === 'ENOENT' ? toolMissing() : explain(String(stderr), address));
    });
    // Nothing on stdin: if pkcs11-tool ever prompts, it fails at once instead of waiting for ever.
    child.stdin?.end();
  });
}

function toolMissing(): SigningError {
  return new SigningError('KEY_UNREADABLE', 'Chưa cài công cụ pkcs11-tool (gói opensc) trên máy chủ ký số.');
}

/** The reasons people can act on; anything else keeps pkcs11-tool's own words for support staff. */
function explain(stderr: string, address: TokenAddress): SigningError {
  const fail = (message: string) => new SigningError('KEY_UNREADABLE', message);
  if (/CKR_PIN_INCORRECT/.test(stderr)) return fail('Sai mã PIN của thiết bị ký số.');
  if (/CKR_PIN_LOCKED/.test(stderr)) return fail('Mã PIN của thiết bị ký số đã bị khoá do nhập sai nhiều lần; cần mở khoá bằng mã PUK/SO PIN.');
  if (/CKR_PIN_(EXPIRED|LEN_RANGE|INVALID)/.test(stderr)) return fail('Mã PIN của thiết bị ký số không hợp lệ hoặc đã hết hạn.');
  if (/Failed to load pkcs11 module|sc_dlopen failed/.test(stderr)) {
    return fail(`Không nạp được thư viện PKCS#11 "${address.module}": kiểm tra đường dẫn và đã cài trình điều khiển của thiết bị chưa.`);
  }
  if (/No slot with token|No slot|no token|CKR_TOKEN_NOT_PRESENT/i.test(stderr)) {
    const which = address.tokenLabel ? ` "${address.tokenLabel}"` : address.slot ? ` ở khe ${address.slot}` : '';
    return fail(`Không tìm thấy thiết bị ký số${which}: thiết bị đã được cắm vào máy chưa?`);
  }
  if (/key not found|object not found/i.test(stderr)) return fail('Không tìm thấy khoá bí mật hoặc chứng thư số với mã (ID) đã cấu hình trên thiết bị ký số.');
  if (/CKR_MECHANISM_INVALID|mechanism/i.test(stderr)) return fail('Thiết bị ký số không hỗ trợ cơ chế ký đã chọn.');
  return fail(`Thiết bị ký số báo lỗi: ${stderr.trim().split('\n').slice(-2).join(' ') || 'không rõ nguyên nhân'}.`);
}
