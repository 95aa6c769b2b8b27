/**
 * The independent tools the tests compare against: poppler's pdfsig, qpdf, openssl, and NSS's
 * certutil/pk12util (libnss3-tools) to give pdfsig a trust store. Missing tools skip their tests
 * locally but fail them under CI=true, so proof is never silently dropped.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function hasTool(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI === 'true') throw new Error(`Thiếu công cụ ${command} cần cho kiểm thử ký số (xem .ci/run).`);
    console.warn(`Thiếu công cụ ${command}: bỏ qua các kiểm thử cần nó.`);
    return false;
  }
}

export interface PdfsigSignature {
  valid: boolean;
  /** The "Signature Validation:" line. */
  validation: string;
  /** The "Certificate Validation:" line, when certificates were checked. */
  certificate?: string;
  totalDocument: boolean;
  type?: string;
}

/**
 * pdfsig's view of every signature. Its `-no-ocsp` switch makes poppler 22.12 report every
 * certificate as "Unknown issue", so it is not used: the test certificates carry no OCSP address.
 */
export async function pdfsig(file: string, nssDir?: string): Promise<PdfsigSignature[]> {
  const args = [...(nssDir ? ['-nssdir', nssDir] : ['-nocert']), file];
  const { stdout } = await run('pdfsig', args).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
  return stdout
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .map((block) => {
      const line = (label: string) => new RegExp(`- ${label}: (.*)$`, 'm').exec(block)?.[1]?.trim();
      const validation = line('Signature Validation') ?? '';
      return {
        valid: validation === 'Signature is Valid.',
        validation,
        certificate: line('Certificate Validation'),
        totalDocument: /Total document signed/.test(block),
        type: line('Signature Type'),
      };
    });
}

/** An NSS database trusting `rootFile` (PEM) as a CA, like an agency's trust list would. */
export async function nssTrusting(dir: string, rootFile: string): Promise<string> {
  const db = join(dir, 'nss');
  await mkdir(db, { recursive: true });
  await run('certutil', ['-N', '-d', `sql:${db}`, '--empty-password']);
  await run('certutil', ['-A', '-d', `sql:${db}`, '-n', 'vanthu-test-root', '-t', 'CT,C,C', '-i', rootFile]);
  return db;
}

/** Imports a key and certificate into the NSS database so pdfsig can sign with it; returns the nickname. */
export async function nssImportKey(db: string, p12: Buffer, password: string): Promise<string> {
  const file = join(db, 'signer.p12');
  await writeFile(file, p12);
  await run('pk12util', ['-i', file, '-d', `sql:${db}`, '-W', password]);
  const { stdout } = await run('certutil', ['-L', '-d', `sql:${db}`]);
  // The key's own certificate is the one with user trust flags: "<nickname>   u,u,u".
  const nick = /^(.*?)\s+u,u,u\s*$/m.exec(stdout)?.[1];
  if (!nick) throw new Error('pk12util imported no signing key');
  return nick;
}

export async function qpdfCheck(file: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout } = await run('qpdf', ['--check', file]);
    return { ok: true, output: stdout };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { ok: false, output: `${e.code}: ${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

export { run };
